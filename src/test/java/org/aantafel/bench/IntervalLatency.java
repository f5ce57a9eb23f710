package org.aantafel.bench;

import io.vertx.core.json.JsonObject;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * One latency of the measurement window, in microseconds, recorded from any event loop and read by one thread: as a
 * summary per interval (a soak's p99 per five minutes) and for the whole window. A Recorder hands over what was
 * recorded since the last look without stopping the writers; the window's total is the sum of the intervals.
 */
final class IntervalLatency {
  private final Recorder recorder = new Recorder(3);
  private final Histogram total = new Histogram(3);
  private Histogram recycled;

  void record(long micros) {
    recorder.recordValue(Math.max(0, micros));
  }

  /** Forgets everything (the window opens). Only from the reading thread. */
  void reset() {
    recorder.reset();
    total.reset();
  }

  /** What was recorded since the last call, summarized; it is added to the total. Only from the reading thread. */
  JsonObject closeInterval() {
    recycled = recorder.getIntervalHistogram(recycled);
    total.add(recycled);
    return Metrics.summary(recycled);
  }

  /** The whole window, including what was recorded since the last interval closed. Only from the reading thread. */
  JsonObject summary() {
    closeInterval();
    return Metrics.summary(total);
  }
}
