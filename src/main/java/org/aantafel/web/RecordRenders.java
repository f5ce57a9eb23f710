package org.aantafel.web;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.shareddata.Shareable;
import io.vertx.ext.web.RoutingContext;
import org.aantafel.record.MeetingRecord;
import org.aantafel.record.RecordHtml;
import org.aantafel.record.RecordMarkdown;
import org.aantafel.record.RecordPdf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * Every rendering of what was stored of a meeting: a record version as JSON, HTML, Markdown or PDF, and a series
 * report. A render costs as much as the record is large (a PDF of the largest record takes seconds of a core), so:
 * <ul>
 * <li>it runs on a small pool of its own, never on an event loop, and never more at once than the pool has threads;
 * <li>what waits for a thread is bounded ({@link #MAX_WAITING} in all, {@link #MAX_WAITING_PER_GROUP} per board): a
 *     full queue answers 503 with Retry-After at once instead of letting requests pile up;
 * <li>one board (or series) has at most one render running, so another board's small PDF never waits behind a
 *     board that asks for many large ones;
 * <li>requests for the same version and format while it renders share that one render;
 * <li>a stored version never changes, so what was rendered is kept, in a cache bounded by count and by bytes that
 *     drops the least recently read first.
 * </ul>
 *
 * <p>The cache is only asked after the reader's access was checked, and a deleted board grants no access, so a
 * deleted board's record can never be served from it; {@link #forget} also frees its room when the facilitator
 * deletes it. There is one instance per Vert.x instance, shared by every instance of the HTTP verticle.
 */
final class RecordRenders implements Shareable {
  /** Not Vert.x's shared worker pool: the store's blocking work and the mail keep their workers during a flood. */
  static final String POOL = "aantafel-record-render";
  /** Two, as each render keeps a core busy. */
  static final int POOL_THREADS = 2;
  static final int MAX_WAITING = 16;
  static final int MAX_WAITING_PER_GROUP = 4;
  static final int RETRY_AFTER_SECONDS = 5;
  static final int MAX_ENTRIES = 200;
  static final long MAX_BYTES = 64L * 1024 * 1024;

  /**
   * One render: reads what it needs (asynchronously) and renders it on {@code pool}; its bytes are what is sent and,
   * if asked, kept. It starts only once it has a thread, so what it reads is held only while it runs.
   */
  interface Render {
    Future<byte[]> run(WorkerExecutor pool);
  }

  /** A full queue: the answer is 503 with Retry-After, at once. */
  static final class Busy extends RuntimeException {
    Busy() {
      super("the server is busy making other records; try again in a few seconds", null, false, false);
    }
  }

  private final BiFunction<String, MeetingRecord, byte[]> formats;
  private final int threads;
  private final int maxEntries;
  private final long maxBytes;
  private final AtomicInteger renders = new AtomicInteger();

  // Guarded by this.
  private final Map<String, Future<Buffer>> inFlight = new HashMap<>();
  private final ArrayDeque<Job> waiting = new ArrayDeque<>();
  private final Set<String> runningGroups = new HashSet<>();
  /**
   * In access order: the first entry is the least recently read. Bytes, not Buffers: every response gets a wrapper of
   * its own, as a Buffer's reader index is not meant to be shared.
   */
  private final LinkedHashMap<String, byte[]> cache = new LinkedHashMap<>(16, 0.75f, true);
  private long bytes;

  private record Job(String group, String key, boolean kept, WorkerExecutor pool, Render render,
                     Promise<Buffer> result) {}

  /** @param formats renders a record in a format (json, html, md, pdf); called on a worker of the pool */
  RecordRenders(BiFunction<String, MeetingRecord, byte[]> formats, int threads, int maxEntries, long maxBytes) {
    this.formats = formats;
    this.threads = threads;
    this.maxEntries = maxEntries;
    this.maxBytes = maxBytes;
  }

  static RecordRenders of(Vertx vertx) {
    return vertx.sharedData().<String, RecordRenders>getLocalMap(RecordRenders.class.getName())
      .computeIfAbsent("renders", name -> new RecordRenders(RecordRenders::inFormat, POOL_THREADS, MAX_ENTRIES,
        MAX_BYTES));
  }

  /** Call from a verticle: the pool is shared by name and released when the verticle is undeployed. */
  static WorkerExecutor pool(Vertx vertx) {
    return vertx.createSharedWorkerExecutor(POOL, POOL_THREADS);
  }

  /** The record in one of its formats; called on a worker of the pool, never on an event loop. */
  byte[] render(String format, MeetingRecord record) {
    return formats.apply(format, record);
  }

  /**
   * The bytes of {@code key} from the cache, or the one render of it already under way, or a new render queued in
   * {@code group} (a board or a series); fails with {@link Busy} when the queue is full. The answer completes on the
   * caller's context.
   */
  Future<Buffer> render(WorkerExecutor pool, String group, String key, boolean kept, Render render) {
    Future<Buffer> shared;
    List<Job> start;
    synchronized (this) {
      byte[] cached = cache.get(key);
      if (cached != null) {
        return Future.succeededFuture(Buffer.buffer(cached));
      }
      shared = inFlight.get(key);
      if (shared == null) {
        if (waiting.size() >= MAX_WAITING || waitingIn(group) >= MAX_WAITING_PER_GROUP) {
          return Future.failedFuture(new Busy());
        }
        Job job = new Job(group, key, kept, pool, render, Promise.promise());
        waiting.add(job);
        shared = job.result().future();
        inFlight.put(key, shared);
      }
      start = startable();
    }
    start.forEach(this::start);
    return onCallersContext(shared);
  }

  /** Drops everything kept of the board. */
  synchronized void forget(String boardId) {
    String prefix = boardId + "/";
    for (Iterator<Map.Entry<String, byte[]>> entries = cache.entrySet().iterator(); entries.hasNext(); ) {
      Map.Entry<String, byte[]> entry = entries.next();
      if (entry.getKey().startsWith(prefix)) {
        bytes -= entry.getValue().length;
        entries.remove();
      }
    }
  }

  /** How many renders were started, for tests. */
  int renders() {
    return renders.get();
  }

  synchronized boolean holds(String key) {
    return cache.containsKey(key);
  }

  synchronized long bytes() {
    return bytes;
  }

  /** The next jobs to run, taken off the queue: while a thread is free, the oldest of a group with none running. */
  private List<Job> startable() {
    List<Job> start = new ArrayList<>();
    for (Iterator<Job> jobs = waiting.iterator(); jobs.hasNext() && runningGroups.size() < threads; ) {
      Job job = jobs.next();
      if (runningGroups.add(job.group())) {
        jobs.remove();
        start.add(job);
      }
    }
    return start;
  }

  private int waitingIn(String group) {
    int count = 0;
    for (Job job : waiting) {
      count += job.group().equals(group) ? 1 : 0;
    }
    return count;
  }

  private void start(Job job) {
    renders.incrementAndGet();
    Future<byte[]> rendered;
    try {
      rendered = job.render().run(job.pool());
    } catch (RuntimeException e) {
      rendered = Future.failedFuture(e);
    }
    rendered.onComplete(done -> {
      List<Job> next;
      synchronized (this) {
        runningGroups.remove(job.group());
        inFlight.remove(job.key());
        if (done.succeeded() && job.kept()) {
          keep(job.key(), done.result());
        }
        next = startable();
      }
      next.forEach(this::start);
      job.result().handle(done.map(Buffer::buffer));
    });
  }

  private void keep(String key, byte[] rendered) {
    byte[] replaced = cache.put(key, rendered);
    bytes += rendered.length - (replaced == null ? 0 : replaced.length);
    for (Iterator<byte[]> oldest = cache.values().iterator();
         oldest.hasNext() && (cache.size() > maxEntries || bytes > maxBytes); ) {
      bytes -= oldest.next().length;
      oldest.remove();
    }
  }

  /** A render shared by requests of several event loops answers each on its own. */
  private static Future<Buffer> onCallersContext(Future<Buffer> shared) {
    Context context = Vertx.currentContext();
    if (context == null) {
      return shared;
    }
    Promise<Buffer> mine = Promise.promise();
    shared.onComplete(done -> context.runOnContext(v -> mine.handle(done)));
    return mine.future();
  }

  /** Answers a failed render: a full queue with 503 and Retry-After, anything else as every API error. */
  static void fail(RoutingContext ctx, Throwable failure) {
    if (failure instanceof Busy && !ctx.response().ended()) {
      ctx.response().putHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
      ApiError.send(ctx, 503, failure.getMessage());
      return;
    }
    ApiError.send(ctx, failure);
  }

  /** The record in one format, as the server renders it. */
  static byte[] inFormat(String format, MeetingRecord record) {
    return switch (format) {
      case "pdf" -> RecordPdf.render(record);
      case "html" -> RecordHtml.render(record).getBytes(StandardCharsets.UTF_8);
      case "md" -> RecordMarkdown.render(record).getBytes(StandardCharsets.UTF_8);
      default -> new io.vertx.core.json.JsonObject(record.toJson()).encode().getBytes(StandardCharsets.UTF_8);
    };
  }
}
