package org.aantafel.sync;

import io.vertx.core.json.JsonObject;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import org.aantafel.App;
import org.aantafel.AppConfig;
import org.aantafel.store.BoardStore;
import org.aantafel.store.Stores;
import org.aantafel.testsupport.BoardRows;
import org.aantafel.testsupport.BusClient;
import org.aantafel.testsupport.CapturedLog;
import org.aantafel.testsupport.ServerTest;
import org.aantafel.testsupport.TestServer.CreatedBoard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.aantafel.testsupport.BusClient.await;
import static org.aantafel.testsupport.BusClient.failureCode;
import static org.aantafel.testsupport.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Retention removes closed boards with everything of them once the period has passed, through the hubs; open,
 * reopened and recently closed boards stay. The clock is fixed and the close times are set in the database, so
 * nothing waits for time to pass.
 */
class RetentionSweepTest extends ServerTest {
  private static final Instant NOW = Instant.parse("2027-01-01T00:00:00Z");
  private static BoardStore store;

  @BeforeAll
  static void openStore() throws Exception {
    store = await(Stores.open(vertx, server.dbUrl, Files.createTempDirectory("aantafel-test")));
  }

  @AfterAll
  static void closeStore() {
    await(store.close());
  }

  @Test
  void closedBoardsGoOnceTheRetentionPeriodHasPassedAndNothingElseDoes() {
    CreatedBoard old = closedAt("2025-12-01T10:00:00Z");
    CreatedBoard recent = closedAt("2026-12-01T10:00:00Z");
    CreatedBoard open = server.createBoard("Open");
    CreatedBoard reopened = closedAt("2025-12-01T10:00:00Z");
    assertEquals(200, post(reopened, "reopen").statusCode());

    BusClient watcher = server.bus();
    watcher.call(Addresses.JOIN, new JsonObject().put("boardId", old.id()).put("token", old.token("participant"))
      .put("clientId", "watcher").put("name", "Anna").put("role", "parent"));
    List<JsonObject> published = new CopyOnWriteArrayList<>();
    watcher.register(Addresses.ops(old.id()), published::add);
    watcher.call(Addresses.JOIN, new JsonObject().put("boardId", old.id()).put("token", old.token("participant"))
      .put("clientId", "watcher"));
    long before = BoardRows.total(server.dbUrl, recent.id()) + BoardRows.total(server.dbUrl, open.id())
      + BoardRows.total(server.dbUrl, reopened.id());

    RetentionSweep sweep = new RetentionSweep(vertx, store, 365, Clock.fixed(NOW, ZoneOffset.UTC));
    try (CapturedLog log = new CapturedLog(DeletionLog.class.getName())) {
      assertEquals(1, await(sweep.sweep()));
      assertEquals(List.of("board " + old.id() + " removed by retention (closed 2025-12-01, retention 365 days):"
        + " 1 record versions, 1 ops removed"), log.lines);
    }
    assertEquals(0L, BoardRows.total(server.dbUrl, old.id()), "every row of the old board is gone");
    eventually(() -> assertTrue(published.contains(new JsonObject().put("deleted", true)), published.toString()));
    assertEquals(403, failureCode(watcher.request(Addresses.JOIN, new JsonObject().put("boardId", old.id())
      .put("token", old.token("participant")).put("clientId", "watcher"))), "its hub was dropped with it");
    assertEquals(before, BoardRows.total(server.dbUrl, recent.id()) + BoardRows.total(server.dbUrl, open.id())
      + BoardRows.total(server.dbUrl, reopened.id()), "recent, open and reopened boards keep every row");
    assertEquals(0, await(sweep.sweep()), "nothing more is due");
    watcher.close();
  }

  @Test
  void aCloseStartsTheRetentionPeriodAndAReopenStopsIt() {
    CreatedBoard closedNow = server.createBoard("Closed now");
    assertEquals(200, post(closedNow, "close").statusCode());
    CreatedBoard reopenedNow = server.createBoard("Reopened now");
    assertEquals(200, post(reopenedNow, "close").statusCode());
    assertEquals(200, post(reopenedNow, "reopen").statusCode());

    Instant aYearAndADayOn = Instant.now().plus(Duration.ofDays(366));
    await(new RetentionSweep(vertx, store, 365, Clock.fixed(aYearAndADayOn, ZoneOffset.UTC)).sweep());
    assertEquals(0L, BoardRows.total(server.dbUrl, closedNow.id()));
    assertTrue(BoardRows.total(server.dbUrl, reopenedNow.id()) > 0, "a reopened meeting is open, so it stays");
  }

  @Test
  void aBoardReopenedAfterTheSweepLookedIsKeptAndStaysUsable() {
    CreatedBoard board = closedAt("2025-12-01T10:00:00Z");
    BusClient anna = server.bus();
    JsonObject join = new JsonObject().put("boardId", board.id()).put("token", board.token("participant"))
      .put("clientId", "anna").put("name", "Anna").put("role", "parent");
    anna.call(Addresses.JOIN, join);
    assertEquals(200, post(board, "reopen").statusCode());
    long before = BoardRows.total(server.dbUrl, board.id());

    // What a sweep that listed the board just before the reopen sends next.
    JsonObject reply = await(vertx.eventBus().<JsonObject>request(Addresses.DELETE,
      DeleteRequest.byRetention(board.id(), NOW, 365))).body();
    assertEquals(false, reply.getBoolean("deleted"));
    assertEquals(before, BoardRows.total(server.dbUrl, board.id()));
    anna.call(Addresses.JOIN, join);
    anna.close();
  }

  @Test
  void theSweepRunsAgainEveryPeriod() {
    MovableClock clock = new MovableClock(Instant.parse("2000-01-01T00:00:00Z"));
    RetentionSweep sweep = new RetentionSweep(vertx, store, 365, clock);
    sweep.start(50);
    try {
      CreatedBoard due = closedAt("2025-06-01T00:00:00Z");
      clock.now = NOW; // due only from here on, so only a later run can remove it
      eventually(() -> assertEquals(0L, BoardRows.total(server.dbUrl, due.id())));
    } finally {
      sweep.stop();
      clock.now = Instant.parse("2000-01-01T00:00:00Z"); // a run already under way finds nothing of other tests due
    }
  }

  @Test
  void aServerWithARetentionPeriodSweepsWhenItStarts() throws Exception {
    CreatedBoard due = closedAt("2020-01-01T00:00:00Z");
    server.stop();
    try {
      App app = await(App.start(vertx, AppConfig.fromJson(new JsonObject().put("httpHost", "127.0.0.1")
        .put("httpPort", 0).put("dbUrl", server.dbUrl).put("retentionDays", 30)
        .put("dataDir", Files.createTempDirectory("aantafel-test").toString()))));
      eventually(() -> assertEquals(0L, BoardRows.total(server.dbUrl, due.id())));
      await(app.stop());
    } finally {
      server.start();
    }
  }

  /** A clock a test sets; read by the sweep on another thread. */
  private static final class MovableClock extends Clock {
    volatile Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  /** A board closed through the API, whose close is then moved back to {@code when}, as if it had happened then. */
  private static CreatedBoard closedAt(String when) {
    CreatedBoard board = server.createBoard("Zorgoverleg");
    assertEquals(200, post(board, "close").statusCode());
    BoardRows.execute(server.dbUrl, "UPDATE boards SET closed_at = timestamptz '" + when + "' WHERE id = ?",
      board.id());
    return board;
  }

  private static HttpResponse<Buffer> post(CreatedBoard board, String action) {
    return await(server.http().post(server.port(), "localhost", "/api/boards/" + board.id() + "/" + action)
      .putHeader("Authorization", "Bearer " + board.token("facilitator")).send());
  }
}
