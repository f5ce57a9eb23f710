package org.aantafel.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import org.aantafel.testsupport.InMemory;
import org.aantafel.testsupport.ServerTest;
import org.aantafel.testsupport.TestServer;
import org.aantafel.testsupport.TestServer.CreatedBoard;
import org.junit.jupiter.api.Test;

import static org.aantafel.testsupport.BusClient.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTTP API against a real server. */
@InMemory
class BoardApiTest extends ServerTest {

  private HttpResponse<Buffer> get(String path, String token) {
    HttpRequest<Buffer> request = server.http().get(server.port(), "localhost", path);
    if (token != null) {
      request.putHeader("Authorization", "Bearer " + token);
    }
    return await(request.send());
  }

  private HttpResponse<Buffer> create(Object body) {
    return await(server.http().post(server.port(), "localhost", "/api/boards").sendJson(body));
  }

  @Test
  void createAnswersFourCapabilityLinksWithTokensInTheFragment() {
    CreatedBoard board = server.createBoard("Startgesprek groep 5");
    for (String grant : new String[] {"facilitator", "participant", "viewer", "projector"}) {
      String link = board.link(grant);
      assertTrue(link.startsWith(server.baseUrl() + "/b/" + board.id() + "#"), link);
      assertEquals(22, board.token(grant).length(), "128 random bits, base64url");
    }
    assertTrue(board.link("facilitator").endsWith("." + board.token("participant")));
    assertTrue(board.link("projector").endsWith("." + board.token("participant")));
    assertFalse(board.link("viewer").contains("."));
  }

  @Test
  void stateNeedsATokenOfThatBoard() {
    CreatedBoard board = server.createBoard("State");
    CreatedBoard other = server.createBoard("Other");
    HttpResponse<Buffer> ok = get("/api/boards/" + board.id() + "/state", board.token("viewer"));
    assertEquals(200, ok.statusCode());
    assertEquals(0L, ok.bodyAsJsonObject().getLong("rev"));
    assertEquals("State", ok.bodyAsJsonObject().getJsonObject("state").getJsonObject("board").getString("title"));

    assertEquals(401, get("/api/boards/" + board.id() + "/state", null).statusCode());
    HttpResponse<Buffer> wrong = get("/api/boards/" + board.id() + "/state", other.token("facilitator"));
    assertEquals(403, wrong.statusCode());
    assertEquals(403, wrong.bodyAsJsonObject().getJsonObject("error").getInteger("code"));
  }

  @Test
  void badCreateRequestsAreRefusedClearly() {
    assertEquals(400, create(new JsonObject()).statusCode());
    assertEquals(400, create(new JsonObject().put("title", " ")).statusCode());
    assertEquals(400, create(new JsonObject().put("title", "x".repeat(201))).statusCode());
    assertEquals(400, create(new JsonObject().put("title", "ok").put("language", "fr")).statusCode());
    assertEquals(400, create(new JsonObject().put("title", "ok").put("template", "nope")).statusCode());
    HttpResponse<Buffer> notJson = await(server.http().post(server.port(), "localhost", "/api/boards")
      .putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer("{not json")));
    assertEquals(400, notJson.statusCode());
    assertTrue(notJson.bodyAsJsonObject().getJsonObject("error").getString("message").contains("JSON"));
  }

  @Test
  void joinQrIsDrawnHereOnlyForThisBoardsParticipantToken() {
    CreatedBoard board = server.createBoard("QR");
    HttpResponse<Buffer> qr = await(server.http().get(server.port(), "localhost", "/api/boards/" + board.id()
        + "/join-qr.svg").putHeader("Authorization", "Bearer " + board.token("projector"))
      .putHeader("X-Join-Token", board.token("participant")).send());
    assertEquals(200, qr.statusCode());
    assertEquals("image/svg+xml", qr.getHeader("Content-Type"));
    assertTrue(qr.bodyAsString().startsWith("<svg"));
    HttpResponse<Buffer> facilitatorToken = await(server.http().get(server.port(), "localhost", "/api/boards/"
        + board.id() + "/join-qr.svg").putHeader("Authorization", "Bearer " + board.token("projector"))
      .putHeader("X-Join-Token", board.token("facilitator")).send());
    assertEquals(400, facilitatorToken.statusCode(), "the QR must never hand out more than a participant link");
  }

  @Test
  void healthReportsTheDatabase() {
    HttpResponse<Buffer> health = get("/health", null);
    assertEquals(200, health.statusCode());
    assertEquals(new JsonObject().put("status", "ok").put("db", "ok"), health.bodyAsJsonObject());
  }

  @Test
  void eventBusRefusesOtherOrigins() {
    HttpResponse<Buffer> crossSite = await(server.http().get(server.port(), "localhost", "/eventbus/info")
      .putHeader("Origin", "https://evil.example").send());
    assertEquals(403, crossSite.statusCode());
    HttpResponse<Buffer> sameSite = await(server.http().get(server.port(), "localhost", "/eventbus/info")
      .putHeader("Origin", "http://localhost:" + server.port()).send());
    assertEquals(200, sameSite.statusCode());
    org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
      () -> org.aantafel.testsupport.BusClient.connect(vertx, server.port(), "https://evil.example"),
      "a websocket from another site must be refused");
    org.aantafel.testsupport.BusClient.connect(vertx, server.port(), "http://localhost:" + server.port()).close();
  }

  @Test
  void browserFilesComeFromThisServer() {
    assertEquals(200, get("/webjars/sockjs-client/1.6.1/dist/sockjs.min.js", null).statusCode());
    HttpResponse<Buffer> board = get("/b/someBoard", null);
    assertEquals(200, board.statusCode());
    assertFalse(board.bodyAsString().matches("(?s).*(src|href)=\"https?://.*"), "no third-party resources");
  }
}
