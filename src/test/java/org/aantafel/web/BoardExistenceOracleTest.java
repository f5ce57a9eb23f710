package org.aantafel.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.aantafel.sync.Addresses;
import org.aantafel.testsupport.BusClient;
import org.aantafel.testsupport.ServerTest;
import org.aantafel.testsupport.TestServer.CreatedBoard;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.aantafel.testsupport.BusClient.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A link that does not open a board gets the same answer whether the board exists or not, so that nobody can probe
 * which board ids exist.
 */
class BoardExistenceOracleTest extends ServerTest {
  private static final String UNKNOWN = "AAAAAAAAAAAAAAAAAAAAAA";
  private static final List<List<String>> ENDPOINTS = List.of(
    List.of("GET", "state"), List.of("GET", "join-qr.svg"), List.of("GET", "records"),
    List.of("GET", "records/1.html"), List.of("GET", "records/x.docx"), List.of("GET", "series"),
    List.of("POST", "close"), List.of("POST", "reopen"), List.of("POST", "follow-up"), List.of("DELETE", ""),
    List.of("PUT", "contact"), List.of("DELETE", "contact"), List.of("POST", "mail/agenda"));

  private HttpResponse<Buffer> call(String method, String boardId, String rest, String token) {
    String path = "/api/boards/" + boardId + (rest.isEmpty() ? "" : "/" + rest);
    return await(server.http().request(HttpMethod.valueOf(method), server.port(), "localhost", path)
      .putHeader("Authorization", "Bearer " + token).putHeader("X-Join-Token", token)
      .sendJsonObject(new JsonObject()));
  }

  @Test
  void overHttpEveryEndpointAnswersTheSame() {
    CreatedBoard board = server.createBoard("Exists");
    CreatedBoard other = server.createBoard("Other");
    for (List<String> endpoint : ENDPOINTS) {
      HttpResponse<Buffer> existing = call(endpoint.get(0), board.id(), endpoint.get(1), other.token("facilitator"));
      HttpResponse<Buffer> unknown = call(endpoint.get(0), UNKNOWN, endpoint.get(1), other.token("facilitator"));
      assertEquals(existing.statusCode(), unknown.statusCode(), endpoint.toString());
      assertEquals(existing.bodyAsString(), unknown.bodyAsString(), endpoint.toString());
    }
    assertEquals(new JsonObject().put("error", new JsonObject().put("code", 403)
      .put("message", "this link does not open this board")),
      call("GET", UNKNOWN, "state", other.token("viewer")).bodyAsJsonObject());
  }

  @Test
  void onTheEventBusAJoinAnswersTheSame() {
    CreatedBoard board = server.createBoard("Exists");
    CreatedBoard other = server.createBoard("Other");
    BusClient bus = server.bus();
    BusClient.Failure existing = refusedJoin(bus, board.id(), other.token("facilitator"));
    BusClient.Failure unknown = refusedJoin(bus, UNKNOWN, other.token("facilitator"));
    assertEquals(403, existing.code);
    assertEquals(existing.code, unknown.code);
    assertEquals(existing.getMessage(), unknown.getMessage());

    assertEquals(204, call("DELETE", board.id(), "", board.token("facilitator")).statusCode());
    BusClient.Failure deleted = refusedJoin(bus, board.id(), board.token("facilitator"));
    assertEquals(existing.getMessage(), deleted.getMessage(), "a deleted board is like one that never was");
    bus.close();
  }

  private static BusClient.Failure refusedJoin(BusClient bus, String boardId, String token) {
    return assertThrows(BusClient.Failure.class, () -> await(bus.request(Addresses.JOIN, new JsonObject()
      .put("boardId", boardId).put("token", token).put("clientId", "prober"))));
  }
}
