package org.aantafel.web;

import io.vertx.core.json.JsonObject;

/**
 * How many new seats one client address may take: a token bucket per address ({@link ClientBuckets}), refilled at the
 * configured number a minute, which is also the burst ({@code newSeatsPerMinutePerClient}, default 60). Whoever holds
 * the shared participant link could otherwise open one connection per seat and fill a board from one address.
 * <p>
 * Counted when a join ARRIVES: a join that may take a new seat (one with a name and without a seat of its own, on a
 * socket not yet seated at that board) takes a token as it arrives, so a burst written at once is counted before any
 * of it is answered; with none left, the bridge refuses it 429 and no hub sees it. The token is given back when the
 * answer shows that no seat was issued (the join renamed a seat, watched, or was refused). A join that comes back with
 * its seat, or without a name, is never held back. One instance serves every event loop.
 */
public final class NewSeatLimit {
  enum Admission { NOT_COUNTED, HOLDING_TOKEN, REFUSED }

  private final ClientBuckets buckets;

  public NewSeatLimit(int perMinute) {
    this.buckets = new ClientBuckets(perMinute);
  }

  /**
   * @param join      the join's body as the client sent it
   * @param seatedNow whether the socket already holds a seat at the join's board (a name then renames it)
   */
  Admission admit(String client, JsonObject join, boolean seatedNow) {
    if (seatedNow || join.getValue("name") == null || join.getValue("seat") != null) {
      return Admission.NOT_COUNTED;
    }
    return buckets.tryTake(client) ? Admission.HOLDING_TOKEN : Admission.REFUSED;
  }

  /** The hub's answer to a join that held a token: the token was spent only if a seat was issued. */
  void answered(String client, Object reply) {
    boolean issued = reply instanceof JsonObject body && body.getValue("you") instanceof JsonObject you
      && you.getValue("seat") != null;
    if (!issued) {
      buckets.refund(client);
    }
  }

  /** A join that held a token failed: it took no seat. */
  void failed(String client) {
    buckets.refund(client);
  }
}
