package org.aantafel.sync;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.aantafel.testsupport.BusClient;
import org.aantafel.testsupport.Frames;
import org.aantafel.testsupport.InMemory;
import org.aantafel.testsupport.ServerTest;
import org.aantafel.testsupport.TestServer;
import org.aantafel.testsupport.TestServer.CreatedBoard;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.aantafel.testsupport.BusClient.await;
import static org.aantafel.testsupport.BusClient.failureCode;
import static org.aantafel.testsupport.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The wire contract over real SockJS websockets against a real server, on the in-memory store; that acknowledged
 * changes are in PostgreSQL is {@link RestartDurabilityTest}.
 */
@InMemory
class BridgeIntegrationTest extends ServerTest {

  static JsonObject join(BusClient bus, CreatedBoard board, String grant, String clientId) {
    return bus.call(Addresses.JOIN, new JsonObject().put("boardId", board.id()).put("token", board.token(grant))
      .put("clientId", clientId).put("name", "Sam").put("role", "teacher"));
  }

  static JsonObject submit(String boardId, String clientId, long seq, long baseRev, JsonObject... ops) {
    return Frames.submit(boardId, clientId, seq, baseRev, ops);
  }

  static JsonObject createItem(String id, String title) {
    return Frames.createItem(id, title);
  }

  static JsonObject insertGoal(int retain, String text, int after) {
    JsonArray edit = new JsonArray();
    if (retain > 0) {
      edit.add(retain);
    }
    edit.add(text);
    if (after > 0) {
      edit.add(after);
    }
    return new JsonObject().put("type", "text").put("id", "board").put("field", "goal").put("edit", edit);
  }

  @Test
  void joinSubmitAckPublishAndDuplicate() {
    CreatedBoard board = server.createBoard("Start of year");
    BusClient bus = server.bus();
    JsonObject joined = join(bus, board, "participant", "client-a");
    assertEquals(0L, joined.getLong("rev"));
    assertEquals("Start of year", joined.getJsonObject("state").getJsonObject("board").getString("title"));
    assertEquals("participant", joined.getJsonObject("you").getString("grant"));

    List<JsonObject> published = new CopyOnWriteArrayList<>();
    bus.register(Addresses.ops(board.id()), published::add);
    // The register frame has no reply; a join round trip afterwards proves it was processed.
    join(bus, board, "participant", "client-a");

    JsonObject ack = bus.call(Addresses.SUBMIT, submit(board.id(), "client-a", 1, 0, createItem("item1", "Reading")));
    assertEquals(1L, ack.getLong("rev"));
    assertFalse(ack.containsKey("duplicate"));
    eventually(() -> assertEquals(1, published.size()));
    assertEquals("client-a", published.get(0).getString("clientId"));
    assertEquals(1L, published.get(0).getLong("seq"));

    JsonObject again = bus.call(Addresses.SUBMIT, submit(board.id(), "client-a", 1, 0, createItem("item1", "Reading")));
    assertEquals(true, again.getBoolean("duplicate"));
    assertEquals(1L, again.getLong("rev"));

    JsonObject next = bus.call(Addresses.SUBMIT, submit(board.id(), "client-a", 2, 1, insertGoal(0, "Happy", 0)));
    assertEquals(2L, next.getLong("rev"));
    eventually(() -> assertEquals(2, published.size()));
    assertEquals(2L, published.get(1).getLong("rev"), "the duplicate must not have been published again");

    JsonObject state = join(bus, board, "viewer", "client-v").getJsonObject("state");
    assertEquals("Happy", state.getJsonObject("board").getString("goal"));
    assertEquals("Reading", state.getJsonObject("entities").getJsonObject("item1").getString("title"));
    bus.close();
  }

  @Test
  void concurrentTypingKeepsEveryonesWords() {
    CreatedBoard board = server.createBoard("Goal");
    BusClient anna = server.bus();
    BusClient bram = server.bus();
    join(anna, board, "participant", "anna");
    join(bram, board, "participant", "bram");
    Future<JsonObject> a = anna.request(Addresses.SUBMIT, submit(board.id(), "anna", 1, 0, insertGoal(0, "Anna", 0)));
    Future<JsonObject> b = bram.request(Addresses.SUBMIT, submit(board.id(), "bram", 1, 0, insertGoal(0, "Bram", 0)));
    await(a);
    await(b);
    String goal = join(anna, board, "viewer", "anna2").getJsonObject("state").getJsonObject("board").getString("goal");
    assertEquals(8, goal.length());
    assertTrue(goal.contains("Anna") && goal.contains("Bram"), goal);
    anna.close();
    bram.close();
  }

  @Test
  void reconnectCatchesUpWithSinceRev() {
    CreatedBoard board = server.createBoard("Catch-up");
    BusClient bus = server.bus();
    join(bus, board, "participant", "c1");
    for (int seq = 1; seq <= 5; seq++) {
      bus.call(Addresses.SUBMIT, submit(board.id(), "c1", seq, seq - 1, createItem("i" + seq, "Item " + seq)));
    }
    bus.close();
    BusClient again = server.bus();
    JsonObject caughtUp = again.call(Addresses.JOIN, new JsonObject().put("boardId", board.id())
      .put("token", board.token("participant")).put("clientId", "c1").put("sinceRev", 2));
    assertEquals(5L, caughtUp.getLong("rev"));
    JsonArray ops = caughtUp.getJsonArray("ops");
    assertEquals(List.of(3L, 4L, 5L), ops.stream().map(o -> ((JsonObject) o).getLong("rev")).toList());
    assertEquals("i3", ops.getJsonObject(0).getJsonArray("ops").getJsonObject(0).getString("id"));
    again.close();
  }

  @Test
  void refusedAccessIsAnsweredNotDropped() {
    CreatedBoard board = server.createBoard("Access");
    CreatedBoard other = server.createBoard("Other");
    BusClient bus = server.bus();

    assertEquals(403, failureCode(bus.request(Addresses.JOIN, new JsonObject().put("boardId", board.id())
      .put("token", other.token("facilitator")).put("clientId", "x"))));
    assertEquals(403, failureCode(bus.request(Addresses.JOIN, new JsonObject().put("boardId", "no-such-board")
      .put("token", board.token("facilitator")).put("clientId", "x"))));
    assertEquals(403, failureCode(bus.request(Addresses.SUBMIT,
      submit(board.id(), "x", 1, 0, createItem("a", "not joined")))));

    join(bus, board, "viewer", "v1");
    assertEquals(403, failureCode(bus.request(Addresses.SUBMIT,
      submit(board.id(), "v1", 1, 0, createItem("a", "viewer")))));
    // Joined one board does not open another, and headers from the client do not count.
    assertEquals(403, failureCode(bus.request(Addresses.SUBMIT, submit(other.id(), "v1", 1, 0,
      createItem("a", "other board")), new JsonObject().put(Addresses.H_GRANT, "facilitator"))));

    List<JsonObject> leaked = new CopyOnWriteArrayList<>();
    bus.register(Addresses.ops(other.id()), leaked::add);
    eventually(() -> assertEquals(1, bus.refusals.size()));
    assertEquals("rejected", bus.refusals.get(0).getString("body"));
    bus.close();
    assertEquals(0L, server.bus().call(Addresses.JOIN, new JsonObject().put("boardId", other.id())
      .put("token", other.token("viewer")).put("clientId", "check")).getLong("rev"));
  }

  @Test
  void badInputGetsClearErrorsAndChangesNothing() {
    CreatedBoard board = server.createBoard("Bad input");
    BusClient bus = server.bus();
    join(bus, board, "participant", "bad");
    List<Integer> codes = new ArrayList<>();
    long seq = 1;
    JsonObject wrongLength = new JsonObject().put("type", "text").put("id", "board").put("field", "goal")
      .put("edit", new JsonArray().add(5).add("x"));
    JsonObject unknownField = new JsonObject().put("type", "set").put("id", "board").put("field", "colour")
      .put("value", "red");
    JsonObject unknownType = new JsonObject().put("type", "explode").put("id", "board");
    JsonObject unknownEntity = new JsonObject().put("type", "delete").put("id", "ghost");
    for (JsonObject op : List.of(wrongLength, unknownField, unknownType, unknownEntity)) {
      // A valid op first: nothing of a refused submit may be applied, not even its valid part.
      codes.add(failureCode(bus.request(Addresses.SUBMIT,
        submit(board.id(), "bad", seq++, 0, createItem("ok" + seq, "valid part"), op))));
    }
    JsonObject[] tooMany = new JsonObject[101];
    for (int i = 0; i < tooMany.length; i++) {
      tooMany[i] = createItem("many" + i, "x");
    }
    codes.add(failureCode(bus.request(Addresses.SUBMIT, submit(board.id(), "bad", seq++, 0, tooMany))));
    codes.add(failureCode(bus.request(Addresses.SUBMIT,
      submit(board.id(), "bad", seq++, 0, createItem("big", "x".repeat(70_000))))));
    codes.add(failureCode(bus.request(Addresses.SUBMIT, new JsonObject().put("boardId", board.id()))));
    codes.add(failureCode(bus.request(Addresses.SUBMIT,
      submit(board.id(), "bad", seq++, 99, createItem("future", "x")))));
    assertEquals(List.of(400, 400, 400, 400, 413, 413, 400, 400), codes);

    assertEquals(400, failureCode(bus.request(Addresses.JOIN, new JsonObject().put("boardId", board.id())
      .put("token", board.token("participant")).put("clientId", "bad").put("role", "wizard"))));
    assertEquals(400, failureCode(bus.request(Addresses.JOIN, new JsonObject().put("boardId", board.id())
      .put("token", board.token("participant")).put("clientId", "bad").put("name", "x".repeat(61)))));

    bus.sendRaw("this is not json");
    bus.sendRaw("{\"type\":\"send\",\"address\":\"board.submit\",\"body\":[1,2,3],\"replyAddress\":\"r1\"}");
    JsonObject state = join(bus, board, "participant", "bad");
    assertEquals(0L, state.getLong("rev"), "nothing of a refused submit is applied");
    assertEquals(0, state.getJsonObject("state").getJsonObject("entities").size());
    // The same connection still works after all that.
    assertEquals(1L, bus.call(Addresses.SUBMIT, submit(board.id(), "bad", seq, 0, createItem("fine", "ok")))
      .getLong("rev"));
    bus.close();
  }

  @Test
  void publishesEveryRevisionOnceInOrderUnderConcurrentLoad() {
    CreatedBoard board = server.createBoard("Load");
    BusClient listener = server.bus();
    join(listener, board, "viewer", "listener");
    List<Long> revs = new CopyOnWriteArrayList<>();
    listener.register(Addresses.ops(board.id()), m -> revs.add(m.getLong("rev")));
    join(listener, board, "viewer", "listener");
    List<BusClient> writers = new ArrayList<>();
    List<Future<JsonObject>> acks = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      BusClient writer = server.bus();
      writers.add(writer);
      String clientId = "w" + w;
      join(writer, board, "participant", clientId);
      for (int seq = 1; seq <= 25; seq++) {
        acks.add(writer.request(Addresses.SUBMIT, submit(board.id(), clientId, seq, 0,
          createItem(clientId + "-" + seq + "-" + UUID.randomUUID().toString().substring(0, 8), "x"))));
      }
    }
    acks.forEach(BusClient::await);
    eventually(() -> assertEquals(100, revs.size()));
    for (int i = 0; i < revs.size(); i++) {
      assertEquals(i + 1L, revs.get(i));
    }
    writers.forEach(BusClient::close);
    listener.close();
  }
}
