package org.aantafel.bench;

import java.util.concurrent.TimeUnit;

/**
 * What the benchmark's main thread does while the clients type: it waits until the window ends, however long that
 * is, and meanwhile closes a latency interval every {@code --interval} and samples the server's live heap every
 * {@code --heap-every}. It blocks only the main thread; the clients run on their event loops. (A wait capped at
 * ten minutes here used to end every longer run with a timeout.)
 */
final class WindowWatch {
  private final Metrics metrics;
  private final SoakOptions options;
  private final ServerProcess server;
  private final HeapSamples heap = new HeapSamples();

  /** {@code server} null: no heap samples (a server not started by the benchmark, or a relay). */
  WindowWatch(Metrics metrics, SoakOptions options, ServerProcess server) {
    this.metrics = metrics;
    this.options = options;
    this.server = server;
  }

  /** Until {@code endNanos}: intervals counted from {@code windowStart}, heap samples from now. */
  HeapSamples watch(long windowStartNanos, long endNanos) throws InterruptedException {
    long interval = TimeUnit.SECONDS.toNanos(options.intervalSeconds());
    long heapEvery = TimeUnit.SECONDS.toNanos(options.heapEverySeconds());
    boolean sampling = server != null && heapEvery > 0;
    long nextInterval = windowStartNanos + interval;
    long nextHeap = System.nanoTime();
    while (true) {
      long next = Math.min(endNanos, Math.min(nextInterval, sampling ? nextHeap : Long.MAX_VALUE));
      sleepUntil(next);
      if (next == endNanos) {
        return heap;
      }
      if (next == nextInterval) {
        LoadBenchmark.log("interval to " + metrics.closeInterval().encode());
        nextInterval += interval;
      }
      if (sampling && next == nextHeap) {
        double at = (System.nanoTime() - windowStartNanos) / 1e9;
        io.vertx.core.json.JsonObject memory = server.memory();
        heap.add(at, memory);
        LoadBenchmark.log(String.format("server heap after full GC at %.0f s: %s", at, memory.encode()));
        // A slow sample (jcmd on a busy machine) delays the next rather than bunching them up.
        nextHeap = Math.max(nextHeap + heapEvery, System.nanoTime());
      }
    }
  }

  /** Sleeps the calling thread until System.nanoTime() reaches the deadline, however far away it is. */
  static void sleepUntil(long deadlineNanos) throws InterruptedException {
    for (long left = deadlineNanos - System.nanoTime(); left > 0; left = deadlineNanos - System.nanoTime()) {
      TimeUnit.NANOSECONDS.sleep(left);
    }
  }
}
