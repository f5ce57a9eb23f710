package org.aantafel.sync;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.aantafel.testsupport.BusClient;
import org.aantafel.testsupport.Frames;
import org.aantafel.testsupport.TestServer;
import org.aantafel.testsupport.TestServer.CreatedBoard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.aantafel.testsupport.BusClient.await;
import static org.aantafel.testsupport.Eventually.answers;
import static org.aantafel.testsupport.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17, point 13: a board kept its last 2,000 changes however large (a participant link churning large notes
 * pinned about 57 MB per board) and a server loaded every board anyone asked for. Memory is now counted in bytes by
 * the hubs themselves (state and history, read here from the node-local hub.memory address, not from the GC): one
 * board holds at most its state quota plus its history budget, and a server whose boards hold its whole budget
 * refuses to load more with 503 while the meetings it holds go on. Small limits: one hub instance, boards of at most
 * 64 KiB of state and 32 KiB of history, 160 KiB for the server.
 */
class BoardMemoryBudgetTest {
  private static final long STATE_BYTES = 64 * 1024;
  private static final long HISTORY_BYTES = 32 * 1024;
  private static final long SERVER_BYTES = 160 * 1024;

  private Vertx vertx;
  private TestServer server;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    server = TestServer.startInMemory(vertx, 300, new JsonObject().put("hubInstances", 1)
      .put("boardStateBytes", STATE_BYTES).put("boardHistoryBytes", HISTORY_BYTES)
      .put("boardsMemoryBytes", SERVER_BYTES));
  }

  @AfterEach
  void stop() {
    server.close();
    await(vertx.close());
  }

  private JsonObject held() {
    return await(server.vertx.eventBus().<JsonObject>request(HubVerticle.memoryAddress(0), null)).body();
  }

  private long heldBy(CreatedBoard board) {
    return held().getJsonObject("boards").getLong(board.id(), 0L);
  }

  private static JsonObject item(String id, String notes) {
    JsonObject create = Frames.createItem(id, "Item");
    create.getJsonObject("fields").put("notes", notes);
    return create;
  }

  /** Joins with a name as {@code clientId} and creates items of 9,000 characters until refused; the refusal's code. */
  private static int fill(BusClient bus, CreatedBoard board, String clientId) {
    bus.call(Addresses.JOIN, Frames.join(board, "participant", clientId, clientId));
    long rev = 0;
    for (int seq = 1; seq <= 20; seq++) {
      Future<JsonObject> reply = bus.request(Addresses.SUBMIT,
        Frames.submit(board.id(), clientId, seq, rev, item("big" + seq, Character.toString('a' + seq).repeat(9_000))));
      int code = BusClient.outcome(reply);
      if (code != 0) {
        return code;
      }
      rev = reply.result().getLong("rev");
    }
    return 0;
  }

  @Test
  void aBoardChurningLargeNotesHoldsAtMostItsStateQuotaAndHistoryBudget() {
    CreatedBoard board = server.createBoard("Churning notes");
    BusClient churner = server.bus();
    try {
      churner.call(Addresses.JOIN, Frames.join(board, "participant", "churner", "Churner"));
      long rev = churner.call(Addresses.SUBMIT, Frames.submit(board.id(), "churner", 1, 0, item("note", "")))
        .getLong("rev");
      int length = 0;
      for (int seq = 2; seq <= 40; seq++) {
        String notes = Character.toString('a' + seq % 26).repeat(9_000);
        JsonArray edit = new JsonArray();
        if (length > 0) {
          edit.add(-length);
        }
        edit.add(notes);
        JsonObject replace = new JsonObject().put("type", "text").put("id", "note").put("field", "notes")
          .put("edit", edit);
        rev = churner.call(Addresses.SUBMIT, Frames.submit(board.id(), "churner", seq, rev, replace)).getLong("rev");
        length = notes.length();
      }
      // 39 changes of 18 KB each: without a bound in bytes the history alone would hold 700 KB.
      eventually(() -> {
        long bytes = heldBy(board);
        assertTrue(bytes > 9_000 && bytes <= STATE_BYTES + HISTORY_BYTES, "the board holds " + bytes + " bytes");
      });
      JsonObject caughtUp = churner.call(Addresses.JOIN,
        Frames.join(board, "viewer", "watcher", null).put("sinceRev", rev - 1));
      assertEquals(1, caughtUp.getJsonArray("ops").size(), "the recent history still serves catch-ups");
    } finally {
      churner.close();
    }
  }

  @Test
  void aFullServerRefusesToLoadAnotherBoardWith503AndTheMeetingItHoldsGoesOn() {
    CreatedBoard meeting = server.createBoard("Real meeting");
    BusClient mother = server.bus();
    BusClient attacker = server.bus();
    BusClient again = server.bus();
    try {
      mother.call(Addresses.JOIN, Frames.join(meeting, "participant", "mother", "Mother"));
      long rev = mother.call(Addresses.SUBMIT, Frames.submit(meeting.id(), "mother", 1, 0, item("a", "hello")))
        .getLong("rev");

      int first = fill(attacker, server.createBoard("Filler 1"), "filler1");
      assertEquals(Refusal.TOO_LARGE, first, "one board stops at its own quota");
      int second = fill(attacker, server.createBoard("Filler 2"), "filler2");
      assertTrue(second == Refusal.TOO_LARGE || second == Refusal.STORAGE_UNAVAILABLE, "refused " + second);
      assertTrue(held().getLong("total") > SERVER_BYTES, "the boards now hold the server's whole budget");

      CreatedBoard third = server.createBoard("Filler 3");
      Future<JsonObject> refused = attacker.request(Addresses.JOIN, Frames.join(third, "participant", "f3", "F3"));
      assertEquals(Refusal.STORAGE_UNAVAILABLE, BusClient.outcome(refused));
      assertTrue(refused.cause().getMessage().contains("this server is full; try again in a minute"),
        refused.cause().getMessage());

      assertEquals(rev + 1, mother.call(Addresses.SUBMIT,
        Frames.submit(meeting.id(), "mother", 2, rev, item("b", "the meeting goes on"))).getLong("rev"));

      // Boards nobody is at leave memory when idle, and give their budget back.
      attacker.close();
      // Asked ten times a second at most, well within what the bridge takes from one socket.
      answers(0, Refusal.STORAGE_UNAVAILABLE, Duration.ofSeconds(20), Duration.ofMillis(100),
        () -> BusClient.outcome(again.request(Addresses.JOIN, Frames.join(third, "viewer", "v3", null))));
      assertTrue(held().getLong("total") < SERVER_BYTES);
    } finally {
      mother.close();
      again.close();
    }
  }
}
