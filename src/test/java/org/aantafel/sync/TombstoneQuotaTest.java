package org.aantafel.sync;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.aantafel.testsupport.BusClient;
import org.aantafel.testsupport.Frames;
import org.aantafel.testsupport.TestServer;
import org.aantafel.testsupport.TestServer.CreatedBoard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.aantafel.testsupport.BusClient.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17, point 7: 150 submits of 50 creates and 50 deletes left 7,500 tombstones (the entity limit counted live
 * ones only) and every join reply grew to 0.7 MB. The state's quota is now in bytes, tombstones included, and
 * tombstones are compacted once the history in memory no longer holds their delete. Small limits here: the state
 * holds at most 64 KiB, the history 16 KiB.
 */
class TombstoneQuotaTest {
  private static final long STATE_BYTES = 64 * 1024;
  private static final long HISTORY_BYTES = 16 * 1024;
  /** Fewer submits than a connection's burst of 60 messages: the test is about bytes, not the rate limit. */
  private static final int SUBMITS = 30;
  private static final int PAIRS = 50;

  private static Vertx vertx;
  private static TestServer server;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    server = TestServer.startInMemory(vertx, new JsonObject().put("boardStateBytes", STATE_BYTES)
      .put("boardHistoryBytes", HISTORY_BYTES));
  }

  @AfterAll
  static void stop() {
    server.close();
    await(vertx.close());
  }

  private static JsonObject item(String id, String notes) {
    JsonObject create = Frames.createItem(id, "Item " + id);
    create.getJsonObject("fields").put("notes", notes);
    return create;
  }

  /** A question: its asker may delete it, so it is what a participant can churn (agenda items are removed, not deleted). */
  private static JsonObject question(String id) {
    return new JsonObject().put("type", "create").put("id", id).put("kind", "question")
      .put("fields", new JsonObject().put("text", "Vraag " + id).put("order", "a0"));
  }

  private static JsonObject delete(String id) {
    return new JsonObject().put("type", "delete").put("id", id);
  }

  private static int tombstones(JsonObject state) {
    return (int) state.getJsonObject("entities").stream()
      .filter(e -> ((JsonObject) e.getValue()).getBoolean("deleted", false)).count();
  }

  private static int bytes(JsonObject json) {
    return json.encode().getBytes(StandardCharsets.UTF_8).length;
  }

  @Test
  void churnOfCreatesAndDeletesIsCompactedAndEveryJoinStaysWithinTheQuota() {
    CreatedBoard board = server.createBoard("Churn");
    BusClient churner = server.bus();
    BusClient viewer = server.bus();
    try {
      churner.call(Addresses.JOIN, Frames.join(board, "participant", "churner", "Churner"));
      long rev = 0;
      for (int seq = 1; seq <= SUBMITS; seq++) {
        JsonArray ops = new JsonArray();
        for (int i = 0; i < PAIRS; i++) {
          String id = "c" + seq + "-" + i;
          ops.add(question(id)).add(delete(id));
        }
        rev = churner.call(Addresses.SUBMIT, Frames.submit(board.id(), "churner", seq, rev).put("ops", ops))
          .getLong("rev");
      }
      JsonObject state = viewer.call(Addresses.JOIN, Frames.join(board, "viewer", "viewer", null))
        .getJsonObject("state");
      int kept = tombstones(state);
      assertTrue(kept < SUBMITS * PAIRS / 4, kept + " of " + SUBMITS * PAIRS + " tombstones kept");
      assertTrue(bytes(state) <= STATE_BYTES, "a join's state is " + bytes(state) + " bytes");

      JsonObject live = Frames.submit(board.id(), "churner", SUBMITS + 1, rev, item("kept", "still works"));
      assertEquals(rev + 1, churner.call(Addresses.SUBMIT, live).getLong("rev"), "the meeting goes on");
    } finally {
      churner.close();
      viewer.close();
    }
  }

  @Test
  void aSubmitBeyondTheStateQuotaIsRefusedWith413AndShorteningStillWorks() {
    CreatedBoard board = server.createBoard("Full");
    BusClient writer = server.bus();
    try {
      writer.call(Addresses.JOIN, Frames.join(board, "participant", "writer", "Writer"));
      String notes = "n".repeat(9_000);
      long rev = 0;
      int seq = 0;
      int refused = 0;
      String message = null;
      for (int i = 0; i < 12 && refused == 0; i++) {
        var reply = writer.request(Addresses.SUBMIT, Frames.submit(board.id(), "writer", ++seq, rev, item("big" + i,
          notes)));
        refused = BusClient.outcome(reply);
        if (refused == 0) {
          rev = await(reply).getLong("rev");
        } else {
          message = reply.cause().getMessage();
          seq--;
        }
      }
      assertEquals(Refusal.TOO_LARGE, refused, "a board of 64 KiB is full after a few notes of 9,000 characters");
      assertTrue(message.contains("this board is full"), message);
      JsonObject state = await(server.http().get(server.port(), "localhost", "/api/boards/" + board.id() + "/state")
        .putHeader("Authorization", "Bearer " + board.token("viewer")).send()).bodyAsJsonObject().getJsonObject("state");
      assertTrue(bytes(state) <= STATE_BYTES, "the state is " + bytes(state) + " bytes");

      JsonObject emptyNotes = new JsonObject().put("type", "text").put("id", "big0").put("field", "notes")
        .put("edit", new JsonArray().add(-notes.length()));
      rev = writer.call(Addresses.SUBMIT, Frames.submit(board.id(), "writer", ++seq, rev, emptyNotes))
        .getLong("rev");
      assertEquals(rev + 1, writer.call(Addresses.SUBMIT,
        Frames.submit(board.id(), "writer", ++seq, rev, item("small", "fits again"))).getLong("rev"));
    } finally {
      writer.close();
    }
  }
}
