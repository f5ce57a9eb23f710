package org.aantafel.web;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import org.aantafel.board.BoardTemplates;
import org.aantafel.record.MeetingRecord;
import org.aantafel.record.RecordMeta;
import org.aantafel.record.RecordPdf;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import static org.aantafel.testsupport.BusClient.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The PDF cache: rendered off the event loop, once per version, and never larger than its bounds. */
class RecordPdfsTest {
  private final Vertx vertx = Vertx.vertx();
  private final WorkerExecutor pool = vertx.createSharedWorkerExecutor(RecordPdfs.POOL, RecordPdfs.POOL_THREADS);

  @AfterEach
  void close() {
    await(pool.close());
    await(vertx.close());
  }

  @Test
  void theRealRendererRunsOnAWorkerOfThePdfPoolNotOnTheEventLoop() {
    List<String> threads = new CopyOnWriteArrayList<>();
    RecordPdfs pdfs = new RecordPdfs(record -> {
      threads.add((Context.isOnEventLoopThread() ? "event loop " : "") + Thread.currentThread().getName());
      return RecordPdf.render(record);
    }, 10, Long.MAX_VALUE);

    Buffer pdf = await(fromEventLoop(pdfs, "board", 1));

    assertTrue(pdf.toString().startsWith("%PDF"));
    assertEquals(1, threads.size());
    assertTrue(threads.get(0).startsWith(RecordPdfs.POOL), threads.toString());
  }

  @Test
  void aSecondReadOfTheSameVersionComesFromTheCache() {
    RecordPdfs pdfs = new RecordPdfs(fixedSize(100), 10, Long.MAX_VALUE);

    await(fromEventLoop(pdfs, "board", 1));
    await(fromEventLoop(pdfs, "board", 1));
    await(fromEventLoop(pdfs, "board", 2));

    assertEquals(2, pdfs.renders());
  }

  @Test
  void theCacheKeepsAtMostItsCountAndBytesDroppingTheLeastRecentlyRead() {
    RecordPdfs byCount = new RecordPdfs(fixedSize(100), 3, Long.MAX_VALUE);
    for (int version = 1; version <= 3; version++) {
      await(fromEventLoop(byCount, "board", version));
    }
    await(fromEventLoop(byCount, "board", 1));
    await(fromEventLoop(byCount, "board", 4));
    assertFalse(byCount.holds("board", 2), "the least recently read goes first");
    assertTrue(byCount.holds("board", 1) && byCount.holds("board", 3) && byCount.holds("board", 4));
    assertEquals(300, byCount.bytes());

    RecordPdfs byBytes = new RecordPdfs(fixedSize(1000), 50, 2500);
    for (int version = 1; version <= 5; version++) {
      await(fromEventLoop(byBytes, "board", version));
    }
    assertEquals(2000, byBytes.bytes());
    assertTrue(byBytes.holds("board", 5) && byBytes.holds("board", 4) && !byBytes.holds("board", 3));
  }

  @Test
  void forgettingABoardDropsOnlyItsPdfs() {
    RecordPdfs pdfs = new RecordPdfs(fixedSize(100), 10, Long.MAX_VALUE);
    await(fromEventLoop(pdfs, "board", 1));
    await(fromEventLoop(pdfs, "board-2", 1));

    pdfs.forget("board");

    assertFalse(pdfs.holds("board", 1));
    assertTrue(pdfs.holds("board-2", 1));
    assertEquals(100, pdfs.bytes());
  }

  /** As the HTTP verticle asks: from an event loop. */
  private Future<Buffer> fromEventLoop(RecordPdfs pdfs, String boardId, int version) {
    Promise<Buffer> result = Promise.promise();
    vertx.getOrCreateContext().runOnContext(v -> {
      assertTrue(Context.isOnEventLoopThread());
      pdfs.pdf(pool, boardId, version, RecordPdfsTest::record).onComplete(result);
    });
    return result.future();
  }

  /** A board closed as its template made it. */
  private static MeetingRecord record() {
    return MeetingRecord.of(BoardTemplates.create("Zorgoverleg", "en", "zorgoverleg").toMap(), List.of(),
      new RecordMeta("board", 1, Instant.parse("2026-11-25T15:30:00Z"), "facilitator", "en", null, null));
  }

  private static Function<MeetingRecord, byte[]> fixedSize(int bytes) {
    return record -> new byte[bytes];
  }
}
