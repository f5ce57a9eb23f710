package org.aantafel;

import io.vertx.core.json.JsonObject;
import org.aantafel.sync.BoardBudget;

/**
 * What one client may cost the server: how many boards it may create, and how much outgoing data may wait for one
 * socket before the server gives up on it; and how many people may take a seat at one board (see docs/security.md).
 *
 * @param boardsPerMinutePerClient boards one client address may create per minute, also its burst
 * @param trustForwardedFor        take the client address from X-Forwarded-For; only behind a proxy that sets it,
 *                                 since anyone else can write any address there
 * @param outboundQueueBytes       bytes of messages that may wait for one socket; a socket further behind is closed
 * @param seatsPerBoard            people who may take a seat (join with a name) at one board; everyone else watches
 * @param failedJoinsPerMinutePerClient joins with a link that does not open its board that one client address may
 *                                 make a minute, also its burst; past it the bridge refuses joins from that address
 * @param newSeatsPerMinutePerClient new seats (joins with a name) one client address may take a minute, also its
 *                                 burst; past it the bridge refuses such joins from that address
 * @param boardBudget              the memory boards may hold, in bytes
 */
public record Limits(int boardsPerMinutePerClient, boolean trustForwardedFor, int outboundQueueBytes,
                     int seatsPerBoard, int failedJoinsPerMinutePerClient, int newSeatsPerMinutePerClient,
                     BoardBudget boardBudget) {
  /** A parents' evening has a few hundred people with a name; listeners watch without a seat. */
  public static final int DEFAULT_SEATS_PER_BOARD = 300;

  public Limits {
    if (boardsPerMinutePerClient < 1 || outboundQueueBytes < 1 || seatsPerBoard < 1
      || failedJoinsPerMinutePerClient < 1 || newSeatsPerMinutePerClient < 1) {
      throw new IllegalArgumentException("boardsPerMinutePerClient, outboundQueueBytes, seatsPerBoard,"
        + " failedJoinsPerMinutePerClient and newSeatsPerMinutePerClient must be positive");
    }
  }

  public static Limits fromJson(JsonObject json) {
    return new Limits(
      Integer.parseInt(String.valueOf(json.getValue("boardsPerMinutePerClient", 10))),
      Boolean.parseBoolean(String.valueOf(json.getValue("trustForwardedFor", false))),
      Integer.parseInt(String.valueOf(json.getValue("outboundQueueBytes", 1024 * 1024))),
      Integer.parseInt(String.valueOf(json.getValue("seatsPerBoard", DEFAULT_SEATS_PER_BOARD))),
      Integer.parseInt(String.valueOf(json.getValue("failedJoinsPerMinutePerClient", 30))),
      Integer.parseInt(String.valueOf(json.getValue("newSeatsPerMinutePerClient", 60))),
      BoardBudget.fromJson(json));
  }
}
