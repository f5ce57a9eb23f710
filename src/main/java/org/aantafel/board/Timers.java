package org.aantafel.board;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The agenda item timer. Only the server's clock starts and stops it, so that every screen shows the same time:
 * a browser sends a control ("start", "pause", "reset") and the server turns it into plain sets of
 * {@code timerStartedAt} and {@code timerElapsedMs}, which replay and the JavaScript twin apply like any field.
 */
public final class Timers {

  public static final String CONTROL = "timer";
  public static final String STARTED_AT = "timerStartedAt";
  public static final String ELAPSED_MS = "timerElapsedMs";

  private Timers() {
  }

  /** Time on the clock at {@code nowMillis} (server time). A clock that went backwards counts as no time passed. */
  public static long elapsedMs(Map<String, ?> fields, long nowMillis) {
    long counted = number(fields.get(ELAPSED_MS));
    Object startedAt = fields.get(STARTED_AT);
    return startedAt == null ? counted : counted + Math.max(0, nowMillis - number(startedAt));
  }

  public static boolean isRunning(Map<String, ?> fields) {
    return fields.get(STARTED_AT) != null;
  }

  /**
   * The sets that carry out a control on an entity with these fields; none when it would change nothing
   * (starting a running timer, pausing a paused one, resetting one at zero), so repeating a control is harmless.
   */
  static List<Op.Set> control(String id, Map<String, ?> fields, String command, long nowMillis) {
    List<Op.Set> sets = new ArrayList<>(2);
    boolean running = isRunning(fields);
    switch (command) {
      case "start" -> {
        if (!running) {
          sets.add(new Op.Set(id, ELAPSED_MS, number(fields.get(ELAPSED_MS))));
          sets.add(new Op.Set(id, STARTED_AT, nowMillis));
        }
      }
      case "pause" -> {
        if (running) {
          sets.add(new Op.Set(id, ELAPSED_MS, elapsedMs(fields, nowMillis)));
          sets.add(new Op.Set(id, STARTED_AT, null));
        }
      }
      case "reset" -> {
        if (running || number(fields.get(ELAPSED_MS)) != 0) {
          sets.add(new Op.Set(id, ELAPSED_MS, 0));
          sets.add(new Op.Set(id, STARTED_AT, null));
        }
      }
      default -> throw BoardRejection.badInput("timer takes start, pause or reset");
    }
    return sets;
  }

  private static long number(Object value) {
    return value instanceof Number n ? n.longValue() : 0;
  }
}
