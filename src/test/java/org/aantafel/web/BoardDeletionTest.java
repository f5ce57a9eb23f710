package org.aantafel.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import org.aantafel.store.BoardStore;
import org.aantafel.store.Stores;
import org.aantafel.sync.Addresses;
import org.aantafel.testsupport.BoardRows;
import org.aantafel.testsupport.BusClient;
import org.aantafel.testsupport.CapturedLog;
import org.aantafel.testsupport.ServerTest;
import org.aantafel.testsupport.TestServer.CreatedBoard;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.aantafel.testsupport.BusClient.await;
import static org.aantafel.testsupport.BusClient.failureCode;
import static org.aantafel.testsupport.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Retention and deletion remove everything of a board: the facilitator's DELETE, against a real server. */
class BoardDeletionTest extends ServerTest {
  private static final String TITLE = "Zorgoverleg Sam de Vries";
  private static final String GOAL = "Sam feels safe in class again";
  private static final String NAME = "Anna Jansen";

  @Test
  void deletingABoardRemovesEveryRowOfItTellsItsPagesAndLogsNoContent() throws Exception {
    CreatedBoard board = server.createBoard(TITLE);
    String sibling = nextInSeries(board);
    CreatedBoard unrelated = server.createBoard("Ouderavond");
    BusClient anna = server.bus();
    join(anna, board, "anna");
    List<JsonObject> published = new CopyOnWriteArrayList<>();
    anna.register(Addresses.ops(board.id()), published::add);
    anna.call(Addresses.SUBMIT, editGoal(board, "anna", 1, 0, GOAL));
    assertEquals(200, post(board, "close").statusCode());
    assertEquals(200, post(board, "reopen").statusCode());
    assertEquals(200, post(board, "close").statusCode());
    join(anna, unrelated, "anna");
    anna.call(Addresses.SUBMIT, editGoal(unrelated, "anna", 1, 0, "Everyone knows the plan"));

    Map<String, Long> rows = BoardRows.of(server.dbUrl, board.id());
    for (String table : List.of("boards", "board_access", "board_ops", "board_snapshots", "participants")) {
      assertTrue(rows.get(table) > 0, table + " holds the board before it is deleted: " + rows);
    }
    assertEquals(2L, rows.get("board_records"), "two record versions");
    Map<String, Long> siblingRows = BoardRows.of(server.dbUrl, sibling);
    Map<String, Long> unrelatedRows = BoardRows.of(server.dbUrl, unrelated.id());

    for (String grant : new String[] {"participant", "viewer", "projector"}) {
      HttpResponse<Buffer> refused = delete(board, board.token(grant));
      assertEquals(403, refused.statusCode(), grant);
    }
    assertEquals(401, delete(board, null).statusCode());
    assertEquals(403, delete(board, unrelated.token("facilitator")).statusCode(), "another board's facilitator");
    assertEquals(rows, BoardRows.of(server.dbUrl, board.id()), "a refused delete removes nothing");

    try (CapturedLog log = new CapturedLog("org.aantafel.sync.DeletionLog")) {
      HttpResponse<Buffer> deleted = delete(board, board.token("facilitator"));
      assertEquals(204, deleted.statusCode(), deleted.bodyAsString());
      assertEquals(0, deleted.body() == null ? 0 : deleted.body().length());

      Map<String, Long> after = BoardRows.of(server.dbUrl, board.id());
      after.forEach((table, count) -> assertEquals(0L, count, table + " still holds the deleted board: " + after));
      assertEquals(siblingRows, BoardRows.of(server.dbUrl, sibling), "the series' other board is untouched");
      assertEquals(unrelatedRows, BoardRows.of(server.dbUrl, unrelated.id()), "another board is untouched");

      assertEquals(1, log.lines.size(), log.lines.toString());
      String line = log.lines.get(0);
      assertTrue(line.matches("board " + board.id() + " deleted by facilitator: 2 record versions, \\d+ ops removed"),
        line);
      for (String content : List.of(TITLE, "Sam", GOAL, NAME, "Anna")) {
        assertFalse(line.contains(content), "the log line shows " + content + ": " + line);
      }
    }

    eventually(() -> assertTrue(published.contains(new JsonObject().put("deleted", true)), published.toString()));
    assertEquals(403, failureCode(anna.request(Addresses.SUBMIT, editGoal(board, "anna", 2, 0, "late"))),
      "a page still open on the deleted board cannot edit it");
    assertEquals(403, failureCode(anna.request(Addresses.JOIN, joinBody(board, "anna"))));
    assertEquals(403, get(board, "state").statusCode(), "its links open nothing any more");
    assertEquals(403, get(board, "records").statusCode());
    assertEquals(403, get(board, "records/1.json").statusCode());
    assertEquals(403, delete(board, board.token("facilitator")).statusCode(), "deleting twice");
    assertEquals(200, get(unrelated, "state").statusCode());
    anna.close();
  }

  @Test
  void aBoardNotInMemoryIsDeletedStraightInTheStore() {
    CreatedBoard board = server.createBoard(TITLE);
    server.restart();
    assertEquals(204, delete(board, board.token("facilitator")).statusCode());
    assertEquals(0L, BoardRows.total(server.dbUrl, board.id()));
    BusClient late = server.bus();
    assertEquals(403, failureCode(late.request(Addresses.JOIN, joinBody(board, "late"))));
    late.close();
  }

  /** A second board in the first one's series, made in the store as a follow-up would be. */
  private static String nextInSeries(CreatedBoard first) throws Exception {
    BoardStore store = await(Stores.open(vertx, server.dbUrl, Files.createTempDirectory("aantafel-test")));
    try {
      String id = first.id() + "-2";
      await(store.createBoard(new BoardStore.NewBoard(id, "Vervolg", "en", "empty", List.of(
        new BoardStore.Access(new byte[32], "facilitator")), new JsonObject(), first.id(), 2)));
      return id;
    } finally {
      await(store.close());
    }
  }

  private static void join(BusClient bus, CreatedBoard board, String clientId) {
    bus.call(Addresses.JOIN, joinBody(board, clientId));
  }

  private static JsonObject joinBody(CreatedBoard board, String clientId) {
    return new JsonObject().put("boardId", board.id()).put("token", board.token("participant"))
      .put("clientId", clientId).put("name", NAME).put("role", "parent");
  }

  private static JsonObject editGoal(CreatedBoard board, String clientId, long seq, long baseRev, String text) {
    JsonObject op = new JsonObject().put("type", "text").put("id", "board").put("field", "goal")
      .put("edit", new JsonArray().add(text));
    return new JsonObject().put("boardId", board.id()).put("clientId", clientId).put("seq", seq)
      .put("baseRev", baseRev).put("ops", new JsonArray().add(op));
  }

  private static HttpResponse<Buffer> post(CreatedBoard board, String action) {
    return await(server.http().post(server.port(), "localhost", "/api/boards/" + board.id() + "/" + action)
      .putHeader("Authorization", "Bearer " + board.token("facilitator")).send());
  }

  private static HttpResponse<Buffer> delete(CreatedBoard board, String token) {
    return send(server.http().delete(server.port(), "localhost", "/api/boards/" + board.id()), token);
  }

  private static HttpResponse<Buffer> get(CreatedBoard board, String path) {
    return send(server.http().get(server.port(), "localhost", "/api/boards/" + board.id() + "/" + path),
      board.token("viewer"));
  }

  private static HttpResponse<Buffer> send(HttpRequest<Buffer> request, String token) {
    if (token != null) {
      request.putHeader("Authorization", "Bearer " + token);
    }
    return await(request.send());
  }
}
