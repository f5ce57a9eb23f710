package org.aantafel.web;

/**
 * How many joins that do not open their board (a wrong or replaced link, a board id without its link) one client
 * address may make: a token bucket per address ({@link ClientBuckets}), refilled at the configured number a minute,
 * which is also the burst ({@code failedJoinsPerMinutePerClient}, default 30). A join refused 403 takes a token; with
 * none left, joins from that address are refused 429 by the bridge and never reach a hub, until the bucket refills.
 * <p>
 * Counted when a join ARRIVES once an address has failed: while its bucket is not full, every join takes a token as
 * it arrives and gives it back when it opens its board (or fails for another reason than its link), so a burst of
 * joins written at once is counted before any of them is answered. An address that has not failed recently is not
 * held back at all: a school whose people join at once from one address with links that work loses nothing.
 * One instance serves every event loop.
 */
public final class FailedJoinLimit {
  enum Admission { ADMITTED, HOLDING_TOKEN, REFUSED }

  private final ClientBuckets buckets;

  public FailedJoinLimit(int perMinute) {
    this.buckets = new ClientBuckets(perMinute);
  }

  /** Whether a join from this client may go on to a hub now, and whether it holds a token while it does. */
  Admission admit(String client) {
    return buckets.with(client, bucket -> bucket.full() ? Admission.ADMITTED
      : bucket.tryTake() ? Admission.HOLDING_TOKEN : Admission.REFUSED);
  }

  /** A join that held no token did not open its board: it takes one now, if one is left. */
  void failed(String client) {
    buckets.tryTake(client);
  }

  /** A join that held a token opened its board, or failed for another reason than its link. */
  void giveBack(String client) {
    buckets.refund(client);
  }
}
