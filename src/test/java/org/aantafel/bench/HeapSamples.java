package org.aantafel.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * The server's live heap over a soak: samples of the heap used right after a full GC (the live set, not garbage
 * waiting for the next collection) and of the process's RSS, and the least-squares slope of the live heap over the
 * measured window, in MB a minute. A steady server has a slope near zero; a leak shows as a lasting positive slope.
 */
final class HeapSamples {
  /** A sample's time is seconds since the measured window opened (negative during the warm-up). */
  private record Sample(double atSeconds, double liveMb, double committedMb, double rssMb) {}

  private final List<Sample> samples = new ArrayList<>();

  /** One look at the server ({@link ServerProcess#memory}); a sample without a heap figure is skipped. */
  void add(double atSeconds, JsonObject memory) {
    if (memory.containsKey("heapUsedAfterGcKb")) {
      samples.add(new Sample(atSeconds, mb(memory.getLong("heapUsedAfterGcKb")),
        mb(memory.getLong("heapCommittedKb", 0L)), mb(memory.getLong("rssKb", 0L))));
    }
  }

  /** {samples: [{atSeconds, liveHeapMb, committedHeapMb, rssMb}], liveHeapSlopeMbPerMinute, …}; the slope over the
   *  window's samples, null with fewer than two. */
  JsonObject toJson() {
    JsonArray list = new JsonArray();
    samples.forEach(s -> list.add(new JsonObject().put("atSeconds", Metrics.round(s.atSeconds()))
      .put("liveHeapMb", Metrics.round(s.liveMb())).put("committedHeapMb", Metrics.round(s.committedMb()))
      .put("rssMb", Metrics.round(s.rssMb()))));
    List<Sample> window = samples.stream().filter(s -> s.atSeconds() >= 0).toList();
    Double slope = slopePerMinute(window.stream().mapToDouble(Sample::atSeconds).toArray(),
      window.stream().mapToDouble(Sample::liveMb).toArray());
    return new JsonObject().put("samples", list).put("samplesInWindow", window.size())
      .put("liveHeapSlopeMbPerMinute", slope == null ? null : Math.round(slope * 1000) / 1000.0)
      .put("liveHeapFirstMb", window.isEmpty() ? null : Metrics.round(window.get(0).liveMb()))
      .put("liveHeapLastMb", window.isEmpty() ? null : Metrics.round(window.get(window.size() - 1).liveMb()));
  }

  /** Least squares: the slope of y over x (seconds), per minute; null with fewer than two distinct x. */
  static Double slopePerMinute(double[] seconds, double[] y) {
    int n = seconds.length;
    if (n < 2) {
      return null;
    }
    double meanX = java.util.Arrays.stream(seconds).average().orElse(0);
    double meanY = java.util.Arrays.stream(y).average().orElse(0);
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < n; i++) {
      sxy += (seconds[i] - meanX) * (y[i] - meanY);
      sxx += (seconds[i] - meanX) * (seconds[i] - meanX);
    }
    return sxx == 0 ? null : sxy / sxx * 60;
  }

  private static double mb(long kb) {
    return kb / 1024.0;
  }
}
