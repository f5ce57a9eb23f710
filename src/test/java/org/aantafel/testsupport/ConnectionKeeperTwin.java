package org.aantafel.testsupport;

/**
 * The Java twin of the browser's connection keeper's waits (webroot/js/sync/connection-keeper.js, and the event bus
 * client's request timeout): how often to beat, when a socket is given up, how long before the next one.
 * BoardSessionTracesTest holds them to what the browser's module recorded in board-session-traces.json, so the
 * simulations' clients keep their sockets as the browser does (at their own time scale).
 */
public final class ConnectionKeeperTwin {
  public static final long HEARTBEAT_MILLIS = 4000;
  public static final long HEARTBEAT_TIMEOUT_MILLIS = 4000;
  public static final int MISSED_BEATS_BEFORE_RECONNECT = 2;
  public static final long RECONNECT_BASE_MILLIS = 500;
  public static final long RECONNECT_MAX_MILLIS = 30_000;
  public static final int OFFLINE_AFTER_ATTEMPTS = 3;
  public static final long REQUEST_TIMEOUT_MILLIS = 15_000;

  private ConnectionKeeperTwin() {
  }

  /** The wait before the next socket after {@code attempts} lost ones, as {minimum, maximum} (random between). */
  public static long[] reconnectDelay(int attempts) {
    long backoff = Math.min(RECONNECT_MAX_MILLIS, RECONNECT_BASE_MILLIS << Math.min(attempts, 6));
    return new long[] {backoff / 2, backoff};
  }
}
