package org.aantafel.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.shareddata.Shareable;
import org.aantafel.record.MeetingRecord;
import org.aantafel.record.RecordPdf;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The PDFs of stored record versions. Rendering one takes 0.2 s, and over a second when cold, so it runs on a worker
 * pool, never on an event loop. A stored version never changes, so its PDF is kept, in a cache bounded by count and by
 * bytes that drops the least recently read first.
 *
 * <p>The cache is only asked after the reader's access was checked, and a deleted board grants no access, so a
 * deleted board's PDF can never be served from it; {@link #forget} also frees its room when the facilitator deletes
 * it. There is one cache per Vert.x instance, shared by every instance of the HTTP verticle.
 */
final class RecordPdfs implements Shareable {
  /**
   * Not Vert.x's shared worker pool: a flood of PDF downloads waits in this small pool's own queue, while the store's
   * blocking work, the mail and other downloads keep their workers. Two threads, as each render keeps a core busy.
   */
  static final String POOL = "aantafel-record-pdf";
  static final int POOL_THREADS = 2;
  static final int MAX_ENTRIES = 50;
  static final long MAX_BYTES = 50L * 1024 * 1024;

  private final Function<MeetingRecord, byte[]> renderer;
  private final int maxEntries;
  private final long maxBytes;
  private final AtomicInteger renders = new AtomicInteger();
  /**
   * In access order: the first entry is the least recently read. Bytes, not Buffers: every response gets a wrapper of
   * its own, as a Buffer's reader index is not meant to be shared. Guarded by this.
   */
  private final LinkedHashMap<String, byte[]> cache = new LinkedHashMap<>(16, 0.75f, true);
  private long bytes;

  RecordPdfs(Function<MeetingRecord, byte[]> renderer, int maxEntries, long maxBytes) {
    this.renderer = renderer;
    this.maxEntries = maxEntries;
    this.maxBytes = maxBytes;
  }

  static RecordPdfs of(Vertx vertx) {
    return vertx.sharedData().<String, RecordPdfs>getLocalMap(RecordPdfs.class.getName())
      .computeIfAbsent("pdfs", name -> new RecordPdfs(RecordPdf::render, MAX_ENTRIES, MAX_BYTES));
  }

  /** Call from a verticle: the pool is shared by name and released when the verticle is undeployed. */
  static WorkerExecutor pool(Vertx vertx) {
    return vertx.createSharedWorkerExecutor(POOL, POOL_THREADS);
  }

  /** The PDF from the cache, else rendered on {@code pool} from {@code record} (read there too) and kept. */
  Future<Buffer> pdf(WorkerExecutor pool, String boardId, int version, Supplier<MeetingRecord> record) {
    String key = key(boardId, version);
    byte[] cached = cached(key);
    if (cached != null) {
      return Future.succeededFuture(Buffer.buffer(cached));
    }
    // Unordered: renders of different versions need not wait for each other.
    return pool.executeBlocking(() -> {
      renders.incrementAndGet();
      return renderer.apply(record.get());
    }, false).onSuccess(pdf -> keep(key, pdf)).map(Buffer::buffer);
  }

  /** Drops every cached PDF of the board. */
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

  int renders() {
    return renders.get();
  }

  synchronized boolean holds(String boardId, int version) {
    return cache.containsKey(key(boardId, version));
  }

  synchronized long bytes() {
    return bytes;
  }

  private synchronized byte[] cached(String key) {
    return cache.get(key);
  }

  private synchronized void keep(String key, byte[] pdf) {
    byte[] replaced = cache.put(key, pdf);
    bytes += pdf.length - (replaced == null ? 0 : replaced.length);
    for (Iterator<byte[]> oldest = cache.values().iterator();
         oldest.hasNext() && (cache.size() > maxEntries || bytes > maxBytes); ) {
      bytes -= oldest.next().length;
      oldest.remove();
    }
  }

  /** Board ids never contain a slash; only PDFs are cached, the other formats are cheap (see RecordApi). */
  private static String key(String boardId, int version) {
    return boardId + "/" + version + ".pdf";
  }
}
