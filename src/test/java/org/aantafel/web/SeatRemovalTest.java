package org.aantafel.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import org.aantafel.sync.Addresses;
import org.aantafel.testsupport.BusClient;
import org.aantafel.testsupport.Frames;
import org.aantafel.testsupport.InMemory;
import org.aantafel.testsupport.ServerTest;
import org.aantafel.testsupport.TestServer.CreatedBoard;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.aantafel.testsupport.BusClient.await;
import static org.aantafel.testsupport.BusClient.failureCode;
import static org.aantafel.testsupport.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17 point 5: seats are not forever. One socket takes at most one seat per board, and the facilitator sees who
 * holds seats and can take one back: the person's socket is closed, their seat opens nothing, what they wrote stays
 * under their name, and everyone else goes on.
 */
@InMemory
class SeatRemovalTest extends ServerTest {

  @Test
  void oneSocketTakesOneSeatAndASecondNameRenamesIt() {
    CreatedBoard board = server.createBoard("Squat");
    BusClient squatter = server.bus();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      JsonObject join = Frames.join(board, "participant", "sq" + i, "Name " + i).putNull("seat");
      ids.add(squatter.call(Addresses.JOIN, join).getJsonObject("you").getString("participantId"));
    }
    assertEquals(1, ids.size(), "every join with a name on this socket is the same person");
    JsonArray seats = seats(board, board.token("facilitator")).bodyAsJsonObject().getJsonArray("seats");
    assertEquals(List.of("Name 4"), names(seats), "one seat, with the last name given");

    BusClient other = server.bus();
    other.call(Addresses.JOIN, Frames.join(board, "participant", "other", "Olga"));
    assertEquals(2, seats(board, board.token("facilitator")).bodyAsJsonObject().getJsonArray("seats").size(),
      "another socket still takes its own seat");
    squatter.close();
    other.close();
  }

  @Test
  void theFacilitatorRemovesASeatAndOnlyThatPersonIsGone() {
    CreatedBoard board = server.createBoard("Intruder");
    BusClient mallory = server.bus();
    JsonObject malloryJoined = mallory.call(Addresses.JOIN, Frames.join(board, "participant", "mal", "Mallory"));
    String malloryId = malloryJoined.getJsonObject("you").getString("participantId");
    String mallorySeat = malloryJoined.getJsonObject("you").getString("seat");
    assertEquals(1L, mallory.call(Addresses.SUBMIT, Frames.submit(board.id(), "mal", 1, 0, checkin(malloryId, "hi")))
      .getLong("rev"));
    List<Throwable> closed = new CopyOnWriteArrayList<>();
    mallory.onClosed(e -> closed.add(e == null ? new RuntimeException("closed") : e));
    List<JsonObject> toldMallory = new CopyOnWriteArrayList<>();
    mallory.register(Addresses.ops(board.id()), toldMallory::add);
    BusClient mother = server.bus();
    String motherId = mother.call(Addresses.JOIN, Frames.join(board, "participant", "mum", "Mia"))
      .getJsonObject("you").getString("participantId");

    assertEquals(403, seats(board, board.token("participant")).statusCode(), "only the facilitator sees seats");
    assertEquals(403, remove(board, board.token("participant"), malloryId).statusCode());
    HttpResponse<Buffer> listed = seats(board, board.token("facilitator"));
    assertEquals(200, listed.statusCode());
    assertEquals(List.of("Mallory", "Mia"), names(listed.bodyAsJsonObject().getJsonArray("seats")));
    assertFalse(listed.bodyAsString().contains(mallorySeat), "no secret in the list");

    assertEquals(200, remove(board, board.token("facilitator"), malloryId).statusCode());
    assertEquals(404, remove(board, board.token("facilitator"), malloryId).statusCode(), "removed once");

    eventually(() -> assertFalse(closed.isEmpty(), "the removed person's socket is closed"));
    assertTrue(toldMallory.stream().anyMatch(m -> Boolean.TRUE.equals(m.getBoolean("seatRemoved"))),
      "and told why first, so that their page does not come back as someone new: " + toldMallory);
    assertEquals(List.of("Mia"), names(seats(board, board.token("facilitator")).bodyAsJsonObject()
      .getJsonArray("seats")));
    BusClient again = server.bus();
    assertEquals(403, failureCode(again.request(Addresses.JOIN, new JsonObject().put("boardId", board.id())
      .put("seat", mallorySeat).put("clientId", "mal2"))), "the seat opens nothing any more");
    again.close();

    assertEquals(2L, mother.call(Addresses.SUBMIT, Frames.submit(board.id(), "mum", 1, 1, checkin(motherId, "hello")))
      .getLong("rev"), "the mother goes on");
    JsonObject state = await(server.http().get(server.port(), "localhost", "/api/boards/" + board.id() + "/state")
      .putHeader("Authorization", "Bearer " + board.token("facilitator")).send()).bodyAsJsonObject();
    assertTrue(state.encode().contains("\"name\":\"Mallory\""), "what the removed person wrote stays theirs");
    mother.close();
  }

  private HttpResponse<Buffer> seats(CreatedBoard board, String token) {
    return await(server.http().get(server.port(), "localhost", "/api/boards/" + board.id() + "/seats")
      .putHeader("Authorization", "Bearer " + token).send());
  }

  private HttpResponse<Buffer> remove(CreatedBoard board, String token, String participantId) {
    return await(server.http().request(HttpMethod.DELETE, server.port(), "localhost",
      "/api/boards/" + board.id() + "/seats/" + participantId).putHeader("Authorization", "Bearer " + token).send());
  }

  private static List<String> names(JsonArray seats) {
    return seats.stream().map(s -> ((JsonObject) s).getString("name")).toList();
  }

  /** One person's check-in, under the id the server derives from them. */
  private static JsonObject checkin(String participantId, String text) {
    return new JsonObject().put("type", "create").put("id", "checkin." + participantId).put("kind", "checkin")
      .put("fields", new JsonObject().put("text", text));
  }
}
