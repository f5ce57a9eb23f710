package org.aantafel.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The durable relay's log ({@code --baseline relay}): an append-only file written by one dedicated thread with a group
 * commit, as PostgreSQL's WAL writer does. Whatever was appended while the previous {@code fdatasync}
 * ({@link FileChannel#force force(false)}) ran goes into the next write and shares its one flush; only then is each
 * append's future completed, back on the event loop that appended it, so that no event loop ever waits for the disk.
 * Futures complete in the order of the appends.
 */
final class GroupCommitLog {
  private record Pending(ByteBuffer bytes, Context context, Promise<Void> done) {}

  private static final long REPORT_NANOS = 10_000_000_000L;

  private final FileChannel channel;
  private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Recorder flushMicros = new Recorder(3);
  private final Recorder batchSizes = new Recorder(3);

  /** Starts the writer thread on a new, empty file. */
  GroupCommitLog(Path file) throws IOException {
    channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
      StandardOpenOption.TRUNCATE_EXISTING);
    Thread writer = new Thread(this::writeForever, "group-commit-log");
    writer.setDaemon(true);
    writer.start();
  }

  /** From an event loop: completes on that loop once the line is on disk (written and flushed). */
  Future<Void> append(String line) {
    Context context = Vertx.currentContext();
    Promise<Void> done = Promise.promise();
    queue.add(new Pending(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)), context, done));
    return done.future();
  }

  private void writeForever() {
    List<Pending> batch = new ArrayList<>();
    long nextReport = System.nanoTime() + REPORT_NANOS;
    while (true) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        return;
      }
      queue.drainTo(batch);
      long start = System.nanoTime();
      Throwable failure = writeAndFlush(batch);
      flushMicros.recordValue((System.nanoTime() - start) / 1000);
      batchSizes.recordValue(batch.size());
      for (Pending p : batch) {
        p.context().runOnContext(v -> {
          if (failure == null) {
            p.done().complete();
          } else {
            p.done().fail(failure);
          }
        });
      }
      batch.clear();
      if (System.nanoTime() > nextReport) {
        report();
        nextReport = System.nanoTime() + REPORT_NANOS;
      }
    }
  }

  private Throwable writeAndFlush(List<Pending> batch) {
    try {
      ByteBuffer[] buffers = batch.stream().map(Pending::bytes).toArray(ByteBuffer[]::new);
      long left = batch.stream().mapToLong(p -> p.bytes().remaining()).sum();
      while (left > 0) {
        left -= channel.write(buffers);
      }
      channel.force(false);
      return null;
    } catch (IOException e) {
      return e;
    }
  }

  /** In the relay's log: how long a write + flush took and how many appends shared one, over the last 10 s. */
  private void report() {
    Histogram flushes = flushMicros.getIntervalHistogram();
    Histogram sizes = batchSizes.getIntervalHistogram();
    System.out.printf("group commit: %d flushes, write+fdatasync p50 %.2f p99 %.2f max %.2f ms; appends per flush"
        + " p50 %d p99 %d max %d%n", flushes.getTotalCount(), flushes.getValueAtPercentile(50) / 1000.0,
      flushes.getValueAtPercentile(99) / 1000.0, flushes.getMaxValue() / 1000.0, sizes.getValueAtPercentile(50),
      sizes.getValueAtPercentile(99), sizes.getMaxValue());
  }
}
