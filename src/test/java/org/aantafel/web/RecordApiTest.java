package org.aantafel.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import org.aantafel.record.PdfText;
import org.aantafel.store.BoardStore;
import org.aantafel.sync.Addresses;
import org.aantafel.sync.DeleteRequest;
import org.aantafel.testsupport.BusClient;
import org.aantafel.testsupport.InMemory;
import org.aantafel.testsupport.ServerTest;
import org.aantafel.testsupport.TestServer.CreatedBoard;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.aantafel.testsupport.BusClient.await;
import static org.aantafel.testsupport.BusClient.failureCode;
import static org.aantafel.testsupport.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Closing a meeting, reopening it, and its stored record versions, against a real server on the in-memory store (a
 * restart keeps the same store); that PostgreSQL never changes a stored version is PgBoardStoreTest's.
 */
@InMemory
class RecordApiTest extends ServerTest {
  private static final String GOAL = "Everyone knows who calls the GP <script>alert(1)</script>";

  @Test
  void eachCloseStoresANewVersionAndAStoredVersionNeverChanges() {
    CreatedBoard board = server.createBoard("Zorgoverleg Sam");
    BusClient anna = server.bus();
    join(anna, board, "anna");
    assertEquals(1L, anna.call(Addresses.SUBMIT, editGoal(board, "anna", 1, 0, 0, GOAL)).getLong("rev"));

    HttpResponse<Buffer> closed = post(board, "close", "facilitator", new JsonObject().put("closedBy", "Anna de Vries"));
    assertEquals(200, closed.statusCode(), closed.bodyAsString());
    assertEquals(new JsonObject().put("version", 1), closed.bodyAsJsonObject());
    assertEquals(409, failureCode(anna.request(Addresses.SUBMIT,
      editGoal(board, "anna", 2, 1, GOAL.length(), " late"))), "a closed meeting refuses edits");

    JsonArray records = get(board, "records", "viewer").bodyAsJsonArray();
    assertEquals(1, records.size());
    assertEquals(1, records.getJsonObject(0).getInteger("version"));
    assertEquals("Anna de Vries", records.getJsonObject(0).getString("closedBy"));
    Instant.parse(records.getJsonObject(0).getString("closedAt"));
    String first = recordJson(board, 1);
    assertTrue(first.contains("who calls the GP"), first);

    HttpResponse<Buffer> reopened = post(board, "reopen", "facilitator", null);
    assertEquals(200, reopened.statusCode(), reopened.bodyAsString());
    long rev = reopened.bodyAsJsonObject().getLong("rev");
    assertEquals(3L, rev, "the close (2) and the reopen (3) are revisions like any edit");
    assertEquals(first, recordJson(board, 1));
    anna.call(Addresses.SUBMIT, editGoal(board, "anna", 3, rev, GOAL.length(), " — and when"));
    assertEquals(first, recordJson(board, 1));

    HttpResponse<Buffer> closedAgain = post(board, "close", "facilitator", null);
    assertEquals(new JsonObject().put("version", 2), closedAgain.bodyAsJsonObject());
    assertEquals(first, recordJson(board, 1));
    assertTrue(recordJson(board, 2).contains("and when"));
    JsonArray both = get(board, "records", "participant").bodyAsJsonArray();
    assertEquals(2, both.size());
    assertEquals("facilitator", both.getJsonObject(1).getString("closedBy"));

    anna.close();
    server.restart();
    assertEquals(first, recordJson(board, 1), "a stored version survives a restart unchanged");
    assertEquals(409, post(board, "close", "facilitator", null).statusCode(), "still closed after a restart");
  }

  @Test
  void aCloseIsPublishedAsTheServersOwnChangeWithNoParticipant() {
    CreatedBoard board = server.createBoard("Zorgoverleg Sam");
    BusClient anna = server.bus();
    join(anna, board, "anna");
    List<JsonObject> published = new CopyOnWriteArrayList<>();
    anna.register(Addresses.ops(board.id()), published::add);

    assertEquals(200, post(board, "close", "facilitator", null).statusCode());
    eventually(() -> assertEquals(1, published.size()));
    JsonObject close = published.get(0);
    assertEquals("server:hub", close.getString("clientId"));
    assertTrue(close.containsKey("participantId") && close.getValue("participantId") == null,
      "no person made it, so no screen names one (docs/protocol.md): " + close);
    anna.close();
  }

  @Test
  void everyFormatIsRenderedFromTheStoredRecord() {
    CreatedBoard board = server.createBoard("Startgesprek");
    BusClient bram = server.bus();
    join(bram, board, "bram");
    bram.call(Addresses.SUBMIT, editGoal(board, "bram", 1, 0, 0, GOAL));
    bram.close();
    assertEquals(200, post(board, "close", "facilitator", null).statusCode());

    HttpResponse<Buffer> html = get(board, "records/1.html", "viewer");
    assertEquals(200, html.statusCode());
    assertEquals("text/html; charset=utf-8", html.getHeader("Content-Type"));
    assertTrue(html.bodyAsString().contains("who calls the GP"));
    assertTrue(html.bodyAsString().contains("&lt;script&gt;"), "typed markup is shown, not run");
    assertFalse(html.bodyAsString().contains("<script>alert"));

    HttpResponse<Buffer> md = get(board, "records/1.md", "projector");
    assertEquals(200, md.statusCode());
    assertEquals("text/markdown; charset=utf-8", md.getHeader("Content-Type"));
    assertTrue(md.bodyAsString().contains("who calls the GP"));

    HttpResponse<Buffer> pdf = get(board, "records/1.pdf", "participant");
    assertEquals(200, pdf.statusCode());
    assertEquals("application/pdf", pdf.getHeader("Content-Type"));
    assertTrue(pdf.getHeader("Content-Disposition").startsWith("attachment"));
    assertTrue(PdfText.text(pdf.body().getBytes()).replaceAll("\\s+", " ").contains("who calls the GP"));

    HttpResponse<Buffer> json = get(board, "records/1.json", "viewer");
    assertEquals("application/json", json.getHeader("Content-Type"));
    assertEquals(GOAL, json.bodyAsJsonObject().getString("goal"));
  }

  @Test
  void aPdfIsRenderedOnceAndADeletedBoardsCachedPdfIsRefused() {
    CreatedBoard board = server.createBoard("Zorgoverleg Tim");
    CreatedBoard retained = server.createBoard("Zorgoverleg Lisa");
    for (CreatedBoard closing : new CreatedBoard[] {board, retained}) {
      assertEquals(200, post(closing, "close", "facilitator", null).statusCode());
    }
    RecordRenders pdfs = RecordRenders.of(vertx);
    int before = pdfs.renders();
    byte[] first = get(board, "records/1.pdf", "viewer").body().getBytes();
    HttpResponse<Buffer> again = get(board, "records/1.pdf", "participant");
    assertEquals(200, again.statusCode());
    assertArrayEquals(first, again.body().getBytes());
    assertEquals(before + 1, pdfs.renders(), "the second download comes from the cache");

    assertEquals(204, send(server.http().delete(server.port(), "localhost", "/api/boards/" + board.id()),
      board.token("facilitator")).statusCode());
    assertFalse(pdfs.holds(board.id() + "/1.pdf"), "deleting over the API drops the board's PDFs");
    assertEquals(403, get(board, "records/1.pdf", "viewer").statusCode());

    // Retention deletes through the hubs without the HTTP side: the PDF stays cached, but is never served.
    assertEquals(200, get(retained, "records/1.pdf", "viewer").statusCode());
    await(vertx.eventBus().request(Addresses.DELETE,
      DeleteRequest.byRetention(retained.id(), Instant.now().plusSeconds(60), 1)));
    assertTrue(pdfs.holds(retained.id() + "/1.pdf"));
    assertEquals(403, get(retained, "records/1.pdf", "viewer").statusCode());
    assertEquals(before + 2, pdfs.renders());
  }

  @Test
  void onlyTheFacilitatorClosesAndReopensAndOnlyOnce() {
    CreatedBoard board = server.createBoard("Ouderavond");
    for (String grant : new String[] {"participant", "viewer", "projector"}) {
      HttpResponse<Buffer> refused = post(board, "close", grant, null);
      assertEquals(403, refused.statusCode(), grant);
      assertEquals(403, refused.bodyAsJsonObject().getJsonObject("error").getInteger("code"));
    }
    assertEquals(409, post(board, "reopen", "facilitator", null).statusCode(), "reopening an open meeting");
    assertEquals(400, post(board, "close", "facilitator", new JsonObject().put("closedBy", "x".repeat(61)))
      .statusCode());
    assertEquals(200, post(board, "close", "facilitator", null).statusCode());
    assertEquals(409, post(board, "close", "facilitator", null).statusCode(), "closing a closed meeting");
    assertEquals(403, post(board, "reopen", "participant", null).statusCode());
    assertEquals(1, get(board, "records", "viewer").bodyAsJsonArray().getJsonObject(0).getInteger("version"));
  }

  @Test
  void unknownVersionsAndFormatsAre404AndOtherBoardsTokensAre403() {
    CreatedBoard board = server.createBoard("Driehoeksgesprek");
    CreatedBoard other = server.createBoard("Other");
    assertEquals(200, post(board, "close", "facilitator", null).statusCode());
    HttpResponse<Buffer> missing = get(board, "records/2.json", "viewer");
    assertEquals(404, missing.statusCode());
    assertEquals(404, missing.bodyAsJsonObject().getJsonObject("error").getInteger("code"));
    assertEquals(404, get(board, "records/1.docx", "viewer").statusCode());
    assertEquals(404, get(board, "records/0.json", "viewer").statusCode());
    assertEquals(403, send(server.http().get(server.port(), "localhost",
      "/api/boards/" + board.id() + "/records/1.json"), other.token("facilitator")).statusCode());
    assertEquals(401, send(server.http().get(server.port(), "localhost",
      "/api/boards/" + board.id() + "/records"), null).statusCode());
  }

  @Test
  void someoneWhoJoinedJustBeforeTheCloseIsOnTheRecordAndTheClosedStateIsSnapshotted() throws Exception {
    CreatedBoard board = server.createBoard("Kort overleg");
    BusClient late = server.bus();
    // The join's reply comes before the participant is stored; the close must still find them.
    join(late, board, "zoe-late");
    assertEquals(200, post(board, "close", "facilitator", null).statusCode());
    assertTrue(recordJson(board, 1).contains("zoe-late"), "the participant who joined a moment ago is on the record");
    late.close();

    long lastRev = server.onStore(store -> store.changesBetween(board.id(), 0, Long.MAX_VALUE)).stream()
      .mapToLong(BoardStore.CommittedChange::rev).max().orElseThrow();
    assertEquals(lastRev, server.onStore(store -> store.latestSnapshot(board.id())).orElseThrow().rev(),
      "the newest snapshot is the closed state");
  }

  private static void join(BusClient bus, CreatedBoard board, String clientId) {
    bus.call(Addresses.JOIN, new JsonObject().put("boardId", board.id()).put("token", board.token("participant"))
      .put("clientId", clientId).put("name", clientId).put("role", "parent"));
  }

  /** Inserts text into the goal after {@code retain} characters of a goal that is that long. */
  private static JsonObject editGoal(CreatedBoard board, String clientId, long seq, long baseRev, int retain,
                                     String text) {
    JsonArray edit = retain > 0 ? new JsonArray().add(retain).add(text) : new JsonArray().add(text);
    JsonObject op = new JsonObject().put("type", "text").put("id", "board").put("field", "goal").put("edit", edit);
    return new JsonObject().put("boardId", board.id()).put("clientId", clientId).put("seq", seq)
      .put("baseRev", baseRev).put("ops", new JsonArray().add(op));
  }

  private static String recordJson(CreatedBoard board, int version) {
    HttpResponse<Buffer> response = get(board, "records/" + version + ".json", "viewer");
    assertEquals(200, response.statusCode(), response.bodyAsString());
    return response.bodyAsString();
  }

  private static HttpResponse<Buffer> post(CreatedBoard board, String action, String grant, JsonObject body) {
    HttpRequest<Buffer> request = server.http().post(server.port(), "localhost",
      "/api/boards/" + board.id() + "/" + action).putHeader("Authorization", "Bearer " + board.token(grant));
    return await(body == null ? request.send() : request.sendJsonObject(body));
  }

  private static HttpResponse<Buffer> get(CreatedBoard board, String path, String grant) {
    return send(server.http().get(server.port(), "localhost", "/api/boards/" + board.id() + "/" + path),
      board.token(grant));
  }

  private static HttpResponse<Buffer> send(HttpRequest<Buffer> request, String token) {
    if (token != null) {
      request.putHeader("Authorization", "Bearer " + token);
    }
    return await(request.send());
  }
}
