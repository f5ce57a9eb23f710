package org.aantafel.web;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.aantafel.board.PlainText;
import org.aantafel.record.PdfText;
import org.aantafel.sync.Addresses;
import org.aantafel.testsupport.BoardRows;
import org.aantafel.testsupport.BusClient;
import org.aantafel.testsupport.ServerTest;
import org.aantafel.testsupport.TestServer.CreatedBoard;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.aantafel.testsupport.BusClient.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Request bodies must be JSON, and names and titles cannot be disguised with direction controls. */
class InputHygieneTest extends ServerTest {

  private HttpResponse<Buffer> send(HttpMethod method, String path, String token, String contentType, String body) {
    var request = server.http().request(method, server.port(), "localhost", path);
    if (token != null) {
      request.putHeader("Authorization", "Bearer " + token);
    }
    if (contentType != null) {
      request.putHeader("Content-Type", contentType);
    }
    return await(request.sendBuffer(Buffer.buffer(body)));
  }

  @Test
  void aBoardIsCreatedOnlyFromJson() {
    String json = new JsonObject().put("title", "Zorgoverleg").encode();
    long before = BoardRows.boardCount(server.dbUrl);
    for (String type : List.of("text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x", "application/jsonp")) {
      HttpResponse<Buffer> refused = send(HttpMethod.POST, "/api/boards", null, type, json);
      assertEquals(415, refused.statusCode(), type);
      JsonObject error = refused.bodyAsJsonObject().getJsonObject("error");
      assertEquals(415, error.getInteger("code"));
      assertTrue(error.getString("message").contains("application/json"), error.encode());
    }
    assertEquals(415, send(HttpMethod.POST, "/api/boards", null, null, json).statusCode(), "a body without a type");
    HttpResponse<Buffer> form = await(server.http().post(server.port(), "localhost", "/api/boards")
      .sendForm(MultiMap.caseInsensitiveMultiMap().add("title", "Zorgoverleg")));
    assertEquals(415, form.statusCode());
    assertEquals(before, BoardRows.boardCount(server.dbUrl), "nothing was created");

    assertEquals(201, send(HttpMethod.POST, "/api/boards", null, "application/json; charset=utf-8", json).statusCode());
    assertEquals(201, send(HttpMethod.POST, "/api/boards", null, "Application/JSON", json).statusCode());
  }

  @Test
  void everyOtherApiWithABodyWantsJsonToo() {
    CreatedBoard board = server.createBoard("Bodies");
    String facilitator = board.token("facilitator");
    String id = board.id();
    for (var call : List.of(
        List.of("POST", "/api/boards/" + id + "/close"), List.of("POST", "/api/boards/" + id + "/follow-up"),
        List.of("PUT", "/api/boards/" + id + "/contact"), List.of("DELETE", "/api/boards/" + id + "/contact"),
        List.of("POST", "/api/boards/" + id + "/mail/agenda"), List.of("POST", "/api/boards/" + id + "/mail/invitation"),
        List.of("DELETE", "/api/boards/" + id))) {
      HttpResponse<Buffer> refused = send(HttpMethod.valueOf(call.get(0)), call.get(1), facilitator, "text/plain",
        "{\"closedBy\":\"x\"}");
      assertEquals(415, refused.statusCode(), call.toString());
    }
    assertEquals(200, server.http().get(server.port(), "localhost", "/api/boards/" + id + "/state")
      .putHeader("Authorization", "Bearer " + facilitator).send().map(HttpResponse::statusCode)
      .toCompletionStage().toCompletableFuture().join(), "the board is still there and open");
    assertEquals(200, send(HttpMethod.POST, "/api/boards/" + id + "/close", facilitator, null, "").statusCode(),
      "close and reopen need no body");
  }

  @Test
  void aTitleWithDirectionControlsIsStoredAndShownWithoutThem() {
    CreatedBoard board = server.createBoard("Zorg\u202Eoverleg\u2066");
    String viewer = board.token("viewer");
    HttpResponse<Buffer> state = send(HttpMethod.GET, "/api/boards/" + board.id() + "/state", viewer, null, "");
    assertEquals("Zorgoverleg", state.bodyAsJsonObject().getJsonObject("state").getJsonObject("board")
      .getString("title"));
    assertEquals(400, await(server.http().post(server.port(), "localhost", "/api/boards")
      .sendJsonObject(new JsonObject().put("title", "\u202E\u200F "))).statusCode(), "nothing left is no title");

    BusClient bus = server.bus();
    JsonObject joined = bus.call(Addresses.JOIN, new JsonObject().put("boardId", board.id())
      .put("token", board.token("facilitator")).put("clientId", "anna").put("name", "Anna\u202E dnaH")
      .put("role", "parent"));
    assertEquals("Anna dnaH", joined.getJsonObject("you").getString("name"), "join names lose them too");
    bus.close();

    assertEquals(200, send(HttpMethod.POST, "/api/boards/" + board.id() + "/close", board.token("facilitator"),
      "application/json", new JsonObject().put("closedBy", "Anna").encode()).statusCode());
    String base = "/api/boards/" + board.id() + "/records/1.";
    for (String format : List.of("json", "html", "md")) {
      String text = send(HttpMethod.GET, base + format, viewer, null, "").bodyAsString();
      assertTrue(text.contains("Zorgoverleg"), format + ": " + text);
      assertTrue(text.contains("Anna dnaH"), format + ": " + text);
      assertFalse(PlainText.hasDirectionControls(text), format);
    }
    String pdf = PdfText.text(send(HttpMethod.GET, base + "pdf", viewer, null, "").body().getBytes());
    assertTrue(pdf.contains("Zorgoverleg"), pdf);
    assertFalse(PlainText.hasDirectionControls(pdf));
  }
}
