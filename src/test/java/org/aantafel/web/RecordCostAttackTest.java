package org.aantafel.web;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.aantafel.board.BoardTemplates;
import org.aantafel.record.MeetingRecord;
import org.aantafel.record.RecordMeta;
import org.aantafel.store.AccessTokens;
import org.aantafel.store.BoardStore;
import org.aantafel.sync.Addresses;
import org.aantafel.testsupport.BusClient;
import org.aantafel.testsupport.Eventually;
import org.aantafel.testsupport.InMemory;
import org.aantafel.testsupport.ServerTest;
import org.aantafel.testsupport.TestServer.CreatedBoard;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import static org.aantafel.testsupport.BusClient.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17, point 8: a participant link fills the board until its record is many megabytes, and every download of
 * it costs the server what the attacker chooses. A record has a size limit that the close checks before the meeting
 * is closed, so nothing is lost and the facilitator is told what to shorten.
 */
@InMemory
class RecordCostAttackTest extends ServerTest {
  private static final int NOTES = 10_000;
  private static WebClient WIDE;
  /** Items of full notes that one bridge frame (64 KiB) carries. */
  private static final int ITEMS_PER_SUBMIT = 6;

  @Test
  void aRecordOverTheLimitIsRefusedAtTheCloseAndTheMeetingStaysOpenUntilShortened() {
    CreatedBoard board = server.createBoard("Zorgoverleg Sam");
    BusClient anna = server.bus();
    join(anna, board, "anna");
    long rev = fill(anna, board, "anna", 0, 30);

    HttpResponse<Buffer> closed = post(board, "close", "facilitator");

    assertEquals(413, closed.statusCode(), closed.bodyAsString());
    String why = closed.bodyAsJsonObject().getJsonObject("error").getString("message");
    assertTrue(why.contains("shorten the agenda items and their notes"), why);
    assertEquals(0, get(board, "records", "viewer").bodyAsJsonArray().size(), "nothing is stored");
    // Nothing is lost: the meeting is open as it was, and the next edit lands on the same revision.
    long seq = rev;
    for (int item = 0; item < 25; item++) {
      rev = anna.call(Addresses.SUBMIT, new JsonObject().put("boardId", board.id()).put("clientId", "anna")
        .put("seq", ++seq).put("baseRev", rev).put("ops", new JsonArray().add(new JsonObject().put("type", "text")
          .put("id", "anna-item-" + item).put("field", "notes").put("edit", new JsonArray().add(-NOTES))))).getLong("rev");
    }

    HttpResponse<Buffer> shortened = post(board, "close", "facilitator");

    assertEquals(200, shortened.statusCode(), shortened.bodyAsString());
    assertEquals(1, shortened.bodyAsJsonObject().getInteger("version"));
    for (String format : List.of("json", "html", "md", "pdf")) {
      assertEquals(200, get(board, "records/1." + format, "viewer").statusCode(), format);
    }
    anna.close();
  }

  /** The hub closes only the revision whose record was checked: an edit in between sends the close back. */
  @Test
  void theHubClosesOnlyABoardStillAtTheRevisionChecked() {
    CreatedBoard board = server.createBoard("Zorgoverleg Mila");
    BusClient anna = server.bus();
    join(anna, board, "anna");
    long rev = fill(anna, board, "anna", 0, 1);

    JsonObject stale = new JsonObject().put("boardId", board.id()).put("closedBy", "Anna").put("atRev", rev - 1);
    assertEquals(409, replyCode(vertx.eventBus().request(Addresses.CLOSE, stale)));
    assertEquals(400, replyCode(vertx.eventBus().request(Addresses.CLOSE, stale.copy().put("atRev", "1"))));
    assertEquals("prepare", phase(board), "a refused close changes nothing");
    await(vertx.eventBus().request(Addresses.CLOSE, stale.copy().put("atRev", rev)));
    assertEquals("closed", phase(board));
    anna.close();
  }

  /** 8 reopen/close cycles of an 11.6 MB record stored 97 MB; a board's versions have a quota. */
  @Test
  void reopenAndCloseCyclesStopAtTheBoardsQuotaAndTheMeetingStaysOpen() {
    CreatedBoard board = server.createBoard("Zorgoverleg Tim");
    BusClient anna = server.bus();
    join(anna, board, "anna");
    fill(anna, board, "anna", 0, 25);
    int stored = 0;
    HttpResponse<Buffer> closed;
    while ((closed = post(board, "close", "facilitator")).statusCode() == 200 && stored < 30) {
      stored++;
      assertEquals(200, post(board, "reopen", "facilitator").statusCode());
    }

    assertEquals(413, closed.statusCode(), closed.bodyAsString());
    assertTrue(closed.bodyAsString().contains("reached their limit of 4 MB"), closed.bodyAsString());
    assertEquals(16, stored, "sixteen records of 248 KiB fit in 4 MiB, the seventeenth does not");
    assertEquals(16, get(board, "records", "viewer").bodyAsJsonArray().size());
    assertEquals("lookback", phase(board), "the refused close left the meeting open");
    assertEquals(200, get(board, "records/16.html", "viewer").statusCode(), "what is stored still reads");
    CreatedBoard next = server.createBoard("Zorgoverleg Tim, vervolg");
    assertEquals(200, post(next, "close", "facilitator").statusCode(), "another board has a quota of its own");
    anna.close();
  }

  /**
   * Every format is rendered on the render pool, never on an event loop, and another board's small PDF is answered
   * while a first board's renders are held back; a full queue answers 503 with Retry-After at once.
   */
  @Test
  void rendersRunOffTheEventLoopAndAnotherBoardIsNotHeldBackByABigOne() {
    CreatedBoard big = server.createBoard("Zorgoverleg Noor");
    CreatedBoard small = server.createBoard("Zorgoverleg Daan");
    assertEquals(200, post(big, "close", "facilitator").statusCode());
    assertEquals(200, post(small, "close", "facilitator").statusCode());
    WIDE = wideClient();
    CountDownLatch held = new CountDownLatch(1);
    List<String> threads = new CopyOnWriteArrayList<>();
    RecordRenders renders = new RecordRenders((format, record) -> {
      threads.add((Context.isOnEventLoopThread() ? "event loop " : "") + Thread.currentThread().getName());
      if (record.meta().boardId().equals(big.id())) {
        hold(held);
      }
      return RecordRenders.inFormat(format, record);
    }, RecordRenders.POOL_THREADS, RecordRenders.MAX_ENTRIES, RecordRenders.MAX_BYTES);
    LocalMap<String, RecordRenders> shared = vertx.sharedData().getLocalMap(RecordRenders.class.getName());
    RecordRenders real = shared.put("renders", renders);
    try {
      List<Future<HttpResponse<Buffer>>> bigOnes = new ArrayList<>();
      for (String format : List.of("pdf", "html", "md", "json")) {
        bigOnes.add(request(big, "records/1." + format));
      }
      Eventually.eventually(() -> assertEquals(1, renders.renders(), "the big board renders one at a time"));

      for (String format : List.of("pdf", "html", "md", "json")) {
        HttpResponse<Buffer> answer = get(small, "records/1." + format, "viewer");
        assertEquals(200, answer.statusCode(), format);
      }
      assertTrue(bigOnes.stream().noneMatch(Future::isComplete), "the big board's renders are still held back");

      // The big board's share of the queue is full: one more of its renders is refused, and says when to retry.
      request(big, "records/2.pdf");
      HttpResponse<Buffer> refused = await(request(big, "records/3.pdf"));
      assertEquals(503, refused.statusCode(), refused.bodyAsString());
      assertEquals(String.valueOf(RecordRenders.RETRY_AFTER_SECONDS), refused.getHeader("Retry-After"));

      held.countDown();
      bigOnes.forEach(answer -> assertEquals(200, await(answer).statusCode()));
      threads.forEach(thread -> assertTrue(thread.startsWith(RecordRenders.POOL), threads.toString()));
      assertEquals(8, threads.size(), "each format of each board rendered once");
    } finally {
      held.countDown();
      shared.put("renders", real);
      WIDE.close();
    }
  }

  /** A series report reads the records of at most its newest 50 closed meetings, however long the series. */
  @Test
  void aSeriesReportReadsAtMostTheNewestFiftyRecords() {
    String first = UUID.randomUUID().toString();
    int meetings = SeriesApi.COUNTED_MEETINGS + 5;
    for (int seq = 1; seq <= meetings; seq++) {
      String boardId = seq == 1 ? first : UUID.randomUUID().toString();
      int place = seq;
      JsonObject initial = new JsonObject(BoardTemplates.create("Overleg " + seq, "en", "zorgoverleg").toMap());
      JsonObject record = new JsonObject(MeetingRecord.of(initial.getMap(), List.of(), new RecordMeta(boardId, 1,
        Instant.parse("2026-11-25T15:30:00Z"), "facilitator", "en", first, null)).toJson());
      server.onStore(store -> store.createBoard(new BoardStore.NewBoard(boardId, "Overleg " + place, "en",
          "zorgoverleg", List.of(new BoardStore.Access(AccessTokens.hash("token-" + boardId), "facilitator")),
          initial, place == 1 ? null : first, place))
        .compose(v -> store.saveRecord(boardId, 1, 1_790_000_000_000L + place, "facilitator", record)));
    }

    HttpResponse<Buffer> report = await(server.http().get(server.port(), "localhost",
      "/api/boards/" + first + "/series").putHeader("Authorization", "Bearer token-" + first).send());

    assertEquals(200, report.statusCode(), report.bodyAsString());
    JsonArray listed = report.bodyAsJsonObject().getJsonArray("meetings");
    assertEquals(meetings, listed.size(), "every meeting is listed");
    long counted = listed.stream().filter(m -> ((JsonObject) m).getValue("date") != null).count();
    assertEquals(SeriesApi.COUNTED_MEETINGS, counted, "only the newest fifty are read and counted");
    assertEquals(null, listed.getJsonObject(0).getValue("date"), "the oldest are the ones left out");
  }

  /** Adds {@code items} agenda items of full notes from {@code rev} on; answers the board's revision after them. */
  static long fill(BusClient bus, CreatedBoard board, String clientId, long rev, int items) {
    String notes = "x".repeat(NOTES);
    long seq = rev;
    for (int made = 0; made < items; made += ITEMS_PER_SUBMIT) {
      JsonArray ops = new JsonArray();
      for (int i = made; i < Math.min(items, made + ITEMS_PER_SUBMIT); i++) {
        ops.add(new JsonObject().put("type", "create").put("id", clientId + "-item-" + i).put("kind", "agendaItem")
          .put("fields", new JsonObject().put("title", "Item " + i).put("notes", notes)));
      }
      rev = bus.call(Addresses.SUBMIT, new JsonObject().put("boardId", board.id()).put("clientId", clientId)
        .put("seq", ++seq).put("baseRev", rev).put("ops", ops)).getLong("rev");
    }
    return rev;
  }

  static void join(BusClient bus, CreatedBoard board, String clientId) {
    bus.call(Addresses.JOIN, new JsonObject().put("boardId", board.id()).put("token", board.token("participant"))
      .put("clientId", clientId).put("name", clientId).put("role", "parent"));
  }

  static HttpResponse<Buffer> post(CreatedBoard board, String action, String grant) {
    return await(server.http().post(server.port(), "localhost", "/api/boards/" + board.id() + "/" + action)
      .putHeader("Authorization", "Bearer " + board.token(grant)).send());
  }

  private static String phase(CreatedBoard board) {
    HttpResponse<Buffer> state = await(server.http().get(server.port(), "localhost", "/api/boards/" + board.id() + "/state")
      .putHeader("Authorization", "Bearer " + board.token("facilitator")).send());
    return state.bodyAsJsonObject().getJsonObject("state").getJsonObject("board").getString("phase");
  }

  /** More requests held open at once than the shared client's pool of five connections allows. */
  private static WebClient wideClient() {
    return WebClient.create(vertx, new WebClientOptions(), new PoolOptions().setHttp1MaxSize(16));
  }

  static Future<HttpResponse<Buffer>> request(CreatedBoard board, String path) {
    return WIDE.get(server.port(), "localhost", "/api/boards/" + board.id() + "/" + path)
      .putHeader("Authorization", "Bearer " + board.token("viewer")).send();
  }

  private static int replyCode(Future<?> reply) {
    try {
      await(reply);
    } catch (ReplyException refused) {
      return refused.failureCode();
    }
    throw new AssertionError("expected a refusal");
  }

  private static void hold(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static HttpResponse<Buffer> get(CreatedBoard board, String path, String grant) {
    HttpRequest<Buffer> request = server.http().get(server.port(), "localhost", "/api/boards/" + board.id() + "/" + path);
    return await(request.putHeader("Authorization", "Bearer " + board.token(grant)).send());
  }
}
