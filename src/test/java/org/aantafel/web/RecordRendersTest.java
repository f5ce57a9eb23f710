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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

import static org.aantafel.testsupport.BusClient.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The renders of records: off the event loop, once per version and format, in a bounded queue where one board's
 * renders never hold back another's, and a cache never larger than its bounds.
 */
class RecordRendersTest {
  private final Vertx vertx = Vertx.vertx();
  private final WorkerExecutor pool = RecordRenders.pool(vertx);
  private final CountDownLatch held = new CountDownLatch(1);
  /** One event loop for every request, so they reach the renders in the order the test makes them. */
  private final Context loop = vertx.getOrCreateContext();

  @AfterEach
  void close() {
    held.countDown();
    await(pool.close());
    await(vertx.close());
  }

  @Test
  void everyFormatIsRenderedOnAWorkerOfTheRenderPoolNotOnTheEventLoop() {
    List<String> threads = new CopyOnWriteArrayList<>();
    RecordRenders renders = RecordRenders.of(vertx);

    for (String format : List.of("json", "html", "md", "pdf")) {
      Buffer rendered = await(fromEventLoop(() -> renders.render(pool, "board", "board/1." + format, true,
        on -> on.executeBlocking(() -> {
          threads.add((Context.isOnEventLoopThread() ? "event loop " : "") + Thread.currentThread().getName());
          return renders.render(format, record());
        }, false))));
      assertTrue(rendered.length() > 100, format);
    }

    assertEquals(4, threads.size());
    threads.forEach(thread -> assertTrue(thread.startsWith(RecordRenders.POOL), threads.toString()));
  }

  @Test
  void aSecondReadOfTheSameVersionComesFromTheCache() {
    RecordRenders renders = renders();

    await(fromEventLoop(() -> renders.render(pool, "board", "board/1.pdf", true, fixedSize(100))));
    await(fromEventLoop(() -> renders.render(pool, "board", "board/1.pdf", true, fixedSize(100))));
    await(fromEventLoop(() -> renders.render(pool, "board", "board/2.pdf", true, fixedSize(100))));

    assertEquals(2, renders.renders());
  }

  @Test
  void theCacheKeepsAtMostItsCountAndBytesDroppingTheLeastRecentlyRead() {
    RecordRenders byCount = new RecordRenders((format, record) -> new byte[0], 2, 3, Long.MAX_VALUE);
    for (int version = 1; version <= 3; version++) {
      read(byCount, "board/" + version + ".pdf", 100);
    }
    read(byCount, "board/1.pdf", 100);
    read(byCount, "board/4.pdf", 100);
    assertFalse(byCount.holds("board/2.pdf"), "the least recently read goes first");
    assertTrue(byCount.holds("board/1.pdf") && byCount.holds("board/3.pdf") && byCount.holds("board/4.pdf"));
    assertEquals(300, byCount.bytes());

    RecordRenders byBytes = new RecordRenders((format, record) -> new byte[0], 2, 50, 2500);
    for (int version = 1; version <= 5; version++) {
      read(byBytes, "board/" + version + ".pdf", 1000);
    }
    assertEquals(2000, byBytes.bytes());
    assertTrue(byBytes.holds("board/5.pdf") && byBytes.holds("board/4.pdf") && !byBytes.holds("board/3.pdf"));
  }

  @Test
  void whatIsNotToBeKeptIsNotCached() {
    RecordRenders renders = renders();

    await(fromEventLoop(() -> renders.render(pool, "series/s", "series/s/board", false, fixedSize(100))));

    assertFalse(renders.holds("series/s/board"));
    assertEquals(0, renders.bytes());
  }

  @Test
  void forgettingABoardDropsOnlyWhatWasKeptOfIt() {
    RecordRenders renders = renders();
    read(renders, "board/1.pdf", 100);
    read(renders, "board/1.html", 100);
    read(renders, "board-2/1.pdf", 100);

    renders.forget("board");

    assertFalse(renders.holds("board/1.pdf") || renders.holds("board/1.html"));
    assertTrue(renders.holds("board-2/1.pdf"));
    assertEquals(100, renders.bytes());
  }

  @Test
  void requestsForAVersionThatIsBeingRenderedShareTheOneRender() {
    RecordRenders renders = renders();
    List<Future<Buffer>> answers = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      answers.add(fromEventLoop(() -> renders.render(pool, "board", "board/1.pdf", true, heldRender(1000))));
    }

    held.countDown();

    answers.forEach(answer -> assertEquals(1000, await(answer).length()));
    assertEquals(1, renders.renders());
  }

  /**
   * Issue 17, point 8: another board's one-page PDF waited over a minute behind a first board's big ones. Shown by
   * order, not time: while the first board's renders are held back, the second board's is answered.
   */
  @Test
  void anotherBoardsRenderIsAnsweredWhileOneBoardsRendersAreHeldBack() {
    RecordRenders renders = renders();
    List<Future<Buffer>> big = new ArrayList<>();
    for (int version = 1; version <= 3; version++) {
      String key = "big/" + version + ".pdf";
      big.add(fromEventLoop(() -> renders.render(pool, "big", key, true, heldRender(5000))));
    }

    Buffer small = await(fromEventLoop(() -> renders.render(pool, "small", "small/1.pdf", true, fixedSize(10))));

    assertEquals(10, small.length());
    assertTrue(big.stream().noneMatch(Future::isComplete), "the big ones are still held back");
    assertEquals(2, renders.renders(), "one board renders one thing at a time; its others wait their turn");
    held.countDown();
    big.forEach(answer -> assertEquals(5000, await(answer).length()));
    assertEquals(4, renders.renders());
  }

  @Test
  void aFullQueueIsAnsweredAtOnceWithBusyAndFreesUpWhenTheRendersAreDone() {
    RecordRenders renders = renders();
    List<Future<Buffer>> queued = new ArrayList<>();
    // One running and the most a board may have waiting.
    for (int version = 1; version <= 1 + RecordRenders.MAX_WAITING_PER_GROUP; version++) {
      String key = "big/" + version + ".pdf";
      queued.add(fromEventLoop(() -> renders.render(pool, "big", key, true, heldRender(10))));
    }
    Attempt oneMore = attempt(renders, "big", "big/99.pdf");
    assertTrue(oneMore.failedAtOnce(), "a board over its share is refused without waiting");
    assertInstanceOf(RecordRenders.Busy.class, oneMore.answer().cause());

    // Other boards fill what is left of the queue (and one more of them runs), then every board is refused.
    for (int board = 0; queued.size() < 2 + RecordRenders.MAX_WAITING; board++) {
      String group = "other-" + board;
      queued.add(fromEventLoop(() -> renders.render(pool, group, group + "/1.pdf", true, heldRender(10))));
    }
    Attempt stranger = attempt(renders, "stranger", "stranger/1.pdf");
    assertTrue(stranger.failedAtOnce(), "a full queue is refused without waiting");

    held.countDown();
    queued.forEach(answer -> assertEquals(10, await(answer).length()));
    assertEquals(2 + RecordRenders.MAX_WAITING, renders.renders());
    assertEquals(1, await(attempt(renders, "stranger", "stranger/1.pdf").answer()).length());
  }

  private record Attempt(Future<Buffer> answer, boolean failedAtOnce) {}

  /** Asks from an event loop and notes whether the answer was already there when the call returned. */
  private Attempt attempt(RecordRenders renders, String group, String key) {
    Promise<Attempt> attempt = Promise.promise();
    loop.runOnContext(v -> {
      Future<Buffer> answer = renders.render(pool, group, key, true, fixedSize(1));
      attempt.complete(new Attempt(answer, answer.failed()));
    });
    return await(attempt.future());
  }

  private void read(RecordRenders renders, String key, int bytes) {
    await(fromEventLoop(() -> renders.render(pool, key.substring(0, key.indexOf('/')), key, true, fixedSize(bytes))));
  }

  /** As the HTTP verticle asks: from an event loop. */
  private Future<Buffer> fromEventLoop(Supplier<Future<Buffer>> ask) {
    Promise<Buffer> result = Promise.promise();
    loop.runOnContext(v -> {
      assertTrue(Context.isOnEventLoopThread());
      ask.get().onComplete(result);
    });
    return result.future();
  }

  private static RecordRenders renders() {
    return new RecordRenders((format, record) -> new byte[0], RecordRenders.POOL_THREADS, 10, Long.MAX_VALUE);
  }

  /** A board closed as its template made it. */
  private static MeetingRecord record() {
    return MeetingRecord.of(BoardTemplates.create("Zorgoverleg", "en", "zorgoverleg").toMap(), List.of(),
      new RecordMeta("board", 1, Instant.parse("2026-11-25T15:30:00Z"), "facilitator", "en", null, null));
  }

  private static RecordRenders.Render fixedSize(int bytes) {
    return on -> on.executeBlocking(() -> new byte[bytes], false);
  }

  /** A render that waits on the worker until the test lets it go, like a big PDF. */
  private RecordRenders.Render heldRender(int bytes) {
    return on -> on.executeBlocking(() -> {
      held.await();
      return new byte[bytes];
    }, false);
  }
}
