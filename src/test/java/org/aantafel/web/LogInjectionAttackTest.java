package org.aantafel.web;

import io.vertx.core.json.JsonObject;
import org.aantafel.sync.Addresses;
import org.aantafel.testsupport.AllLogs;
import org.aantafel.testsupport.BusClient;
import org.aantafel.testsupport.InMemory;
import org.aantafel.testsupport.ServerTest;
import org.aantafel.testsupport.TestServer.CreatedBoard;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.aantafel.testsupport.Eventually.eventually;
import static org.aantafel.testsupport.Eventually.throughout;
import static org.aantafel.testsupport.Frames.createItem;
import static org.aantafel.testsupport.Frames.join;
import static org.aantafel.testsupport.Frames.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17, point 10: without any link, a bridge frame whose type held a newline wrote a line identical in form to
 * the deletion audit line, and 20 frames of 600 KB wrote 10 MB of log in under a second (Vert.x's bridge logs an
 * unknown frame type with the type itself). Now every raw frame passes the socket's guard before the bridge reads it.
 */
@InMemory
class LogInjectionAttackTest extends ServerTest {
  private static final String FORGED = "board forged-board deleted by facilitator: 0 record versions, 0 ops removed";

  @Test
  void aFrameTypeWithANewlineWritesNoLine() {
    BusClient stranger = server.bus();
    try (AllLogs logs = new AllLogs()) {
      stranger.sendRaw(new JsonObject().put("type", "x\nINFO org.aantafel.sync.DeletionLog - " + FORGED)
        .put("address", "a").encode());
      stranger.sendRaw(new JsonObject().put("type", 7).put("address", "a").encode());
      stranger.sendRaw(new JsonObject().put("type", "send").put("address", List.of("not", "a", "string")).encode());
      stranger.sendRaw("[\"not an object\n" + FORGED + "\"]");
      eventually(() -> assertEquals(4, stranger.refusals.size(), "each is refused: " + stranger.refusals));
      throughout(() -> {
        assertFalse(logs.text().contains(FORGED), "nothing of the frames reached a log");
        assertFalse(logs.text().contains("forged-board"));
      });
    }
    // The legitimate frame beside them, on the same socket: a heartbeat is answered.
    assertEquals(0, BusClient.outcome(stranger.request(Addresses.PING, new JsonObject())));
    stranger.close();
  }

  @Test
  void largeFramesOfAnUnknownTypeWriteAlmostNothing() {
    String big = "y".repeat(600 * 1024);
    BusClient flooder = server.bus();
    try (AllLogs logs = new AllLogs()) {
      for (int i = 0; i < 20; i++) {
        flooder.sendRaw(new JsonObject().put("type", big + i).put("address", "a").encode());
      }
      eventually(() -> assertEquals(20, flooder.refusals.size(), "each is refused"));
      throughout(() -> {
        long logged = logs.text().getBytes(StandardCharsets.UTF_8).length;
        assertTrue(logged < 2048, "12 MB of frames wrote " + logged + " bytes of log");
      });
    }

    // A meeting beside the flood goes on: another socket joins and edits.
    CreatedBoard board = server.createBoard("Beside the flood");
    BusClient member = server.bus();
    member.call(Addresses.JOIN, join(board, "facilitator", "fac", "Fiona"));
    assertEquals(1L, member.call(Addresses.SUBMIT, submit(board.id(), "fac", 1, 0, createItem("a", "Lezen")))
      .getLong("rev"));
    member.close();
    flooder.close();
  }

  @Test
  void listeningTwiceToTheSameBoardWritesNoWarning() {
    CreatedBoard board = server.createBoard("Twice");
    BusClient client = server.bus();
    client.call(Addresses.JOIN, join(board, "participant", "p", "Piet"));
    List<JsonObject> changes = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (AllLogs logs = new AllLogs()) {
      // The bridge wrote a warning for every register of an address the socket already listens to.
      for (int i = 0; i < 50; i++) {
        client.register(Addresses.ops(board.id()), changes::add);
      }
      eventually(() -> assertEquals(49, client.refusals.size(), "all but the first are refused"));
      throughout(() -> assertTrue(logs.warningsAndErrors().isEmpty(), "nothing at WARN: "
        + logs.warningsAndErrors().size()));
    }
    // The first registration still carries the board's changes.
    client.call(Addresses.SUBMIT, submit(board.id(), "p", 1, 0, createItem("a", "Lezen")));
    eventually(() -> assertFalse(changes.isEmpty()));
    client.close();
  }

  @Test
  void noPartOfAnyFrameReachesALog() {
    String marker = "MARK" + java.util.UUID.randomUUID().toString().replace("-", "");
    CreatedBoard board = server.createBoard("Marked");
    BusClient hostile = server.bus();
    try (AllLogs logs = new AllLogs()) {
      JsonObject markedJoin = new JsonObject().put("boardId", board.id()).put("token", marker).put("clientId", marker)
        .put("name", marker).put("role", marker);
      List<JsonObject> frames = List.of(
        send(Addresses.JOIN, markedJoin, "l1"),
        send(Addresses.JOIN, markedJoin.copy().put("boardId", marker + "!"), "l2"),
        send(Addresses.JOIN, join(board, "participant", marker, marker), "l3"),
        send(Addresses.SUBMIT, submit(board.id(), marker, 1, 0, createItem(marker, marker)), "l4"),
        send(Addresses.PING, new JsonObject().put("boardId", marker), "l5"),
        send(Addresses.PRESENCE, new JsonObject().put("boardId", board.id()).put("focus", marker), null),
        send(marker, new JsonObject().put(marker, marker), "l6"),
        send(Addresses.PING, new JsonObject(), marker),
        send(Addresses.PING, new JsonObject(), "l7").put("headers", new JsonObject().put(marker, marker)),
        new JsonObject().put("type", "register").put("address", "board." + marker + ".ops"),
        new JsonObject().put("type", "unregister").put("address", marker),
        new JsonObject().put("type", "publish").put("address", marker).put("body", marker),
        new JsonObject().put("type", marker).put("address", marker));
      frames.forEach(frame -> hostile.sendRaw(frame.encode()));
      // Frames of one socket are handled in order: once a heartbeat sent after them is answered, all were read.
      assertEquals(0, BusClient.outcome(hostile.request(Addresses.PING, new JsonObject())));
      throughout(() -> assertFalse(logs.text().contains(marker), "a log line carried client input"));
    }
    hostile.close();
  }

  private static JsonObject send(String address, JsonObject body, String replyAddress) {
    JsonObject frame = new JsonObject().put("type", "send").put("address", address).put("body", body);
    return replyAddress == null ? frame : frame.put("replyAddress", replyAddress);
  }
}
