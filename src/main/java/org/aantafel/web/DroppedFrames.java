package org.aantafel.web;

import java.util.EnumMap;
import java.util.Map;

/**
 * The one log line about frames the {@link FrameGuard}s of an event loop dropped: counts by reason only, never any
 * part of a frame, and at most one line a minute however many frames are dropped. Not thread-safe; one per event loop.
 */
final class DroppedFrames {
  private static final System.Logger LOG = System.getLogger(DroppedFrames.class.getName());
  private static final long LOG_EVERY_MILLIS = 60_000;

  private final Map<FrameGuard.Verdict, Long> counts = new EnumMap<>(FrameGuard.Verdict.class);
  private long loggedAtMillis = Long.MIN_VALUE;

  void count(FrameGuard.Verdict verdict) {
    counts.merge(verdict, 1L, Long::sum);
    long now = System.currentTimeMillis();
    if (loggedAtMillis == Long.MIN_VALUE || now - loggedAtMillis >= LOG_EVERY_MILLIS) {
      LOG.log(System.Logger.Level.INFO, "frames from browsers not passed to the bridge since the last such line: {0}",
        counts.toString());
      counts.clear();
      loggedAtMillis = now;
    }
  }
}
