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

import static org.aantafel.testsupport.BusClient.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17, point 6: a viewer's {@code board.join {sinceRev:0}} made the server read and send the whole op log (34 MB
 * for a board of 2 KB), and a submit with {@code baseRev:0} transformed over all of it. A catch-up now costs at most
 * the board itself or the bounded history in memory, and a submit older than that history is refused with 410.
 * The history here is held to 16 KiB, the board's op log grows to several times that.
 */
class CatchUpCostAttackTest {
  private static final long HISTORY_BYTES = 16 * 1024;
  private static final int SUBMITS = 30;
  private static final int PAIRS_PER_SUBMIT = 10;
  private static final String NOTE = "x".repeat(200);

  private static Vertx vertx;
  private static TestServer server;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    server = TestServer.startInMemory(vertx, new JsonObject().put("boardHistoryBytes", HISTORY_BYTES));
  }

  @AfterAll
  static void stop() {
    server.close();
    await(vertx.close());
  }

  /** A board whose op log holds about 100 KB of writing and deleting again, while its state stays tiny. */
  private static long churn(BusClient writer, CreatedBoard board) {
    writer.call(Addresses.JOIN, Frames.join(board, "participant", "writer", "Writer"));
    long rev = 0;
    for (int seq = 1; seq <= SUBMITS; seq++) {
      JsonArray ops = new JsonArray();
      for (int i = 0; i < PAIRS_PER_SUBMIT; i++) {
        ops.add(goalEdit(new JsonArray().add(NOTE)));
        ops.add(goalEdit(new JsonArray().add(-NOTE.length())));
      }
      JsonObject submit = Frames.submit(board.id(), "writer", seq, rev, new JsonObject[0]).put("ops", ops);
      rev = writer.call(Addresses.SUBMIT, submit).getLong("rev");
    }
    return rev;
  }

  private static void assertCatchesUpWithChanges(BusClient viewer, CreatedBoard board, long sinceRev, int changes,
                                                 String why) {
    JsonObject caughtUp = viewer.call(Addresses.JOIN,
      Frames.join(board, "viewer", "viewer", null).put("sinceRev", sinceRev));
    assertFalse(caughtUp.containsKey("state"), why);
    assertEquals(changes, caughtUp.getJsonArray("ops").size(), why);
  }

  private static JsonObject goalEdit(JsonArray edit) {
    return new JsonObject().put("type", "text").put("id", "board").put("field", "goal").put("edit", edit);
  }

  @Test
  void aViewerCatchingUpFromTheStartGetsTheBoardNotTheOpLog() {
    CreatedBoard board = server.createBoard("Long meeting");
    BusClient writer = server.bus();
    BusClient viewer = server.bus();
    try {
      long rev = churn(writer, board);
      JsonObject reply = viewer.call(Addresses.JOIN, Frames.join(board, "viewer", "viewer", null).put("sinceRev", 0));
      int replyBytes = reply.encode().length();
      assertTrue(replyBytes < HISTORY_BYTES, "a catch-up from revision 0 answered " + replyBytes + " bytes");
      assertTrue(reply.containsKey("state"), "older than the history, the catch-up is the board itself");
      assertEquals(rev, reply.getLong("rev"));
      assertEquals("", reply.getJsonObject("state").getJsonObject("board").getString("goal"));

      assertCatchesUpWithChanges(viewer, board, rev - 1, 1, "a browser a revision behind gets only what it missed");
    } finally {
      writer.close();
      viewer.close();
    }
  }

  @Test
  void afterARestartABrowserALittleBehindStillCatchesUpWithChanges() {
    CreatedBoard board = server.createBoard("Restarted");
    BusClient writer = server.bus();
    long rev;
    try {
      writer.call(Addresses.JOIN, Frames.join(board, "participant", "typist", "Typist"));
      rev = 0;
      for (int seq = 1; seq <= 5; seq++) {
        JsonArray edit = seq == 1 ? new JsonArray().add("ab") : new JsonArray().add(2 * (seq - 1)).add("ab");
        rev = writer.call(Addresses.SUBMIT, Frames.submit(board.id(), "typist", seq, rev, goalEdit(edit)))
          .getLong("rev");
      }
    } finally {
      writer.close();
    }
    server.restart();
    BusClient viewer = server.bus();
    try {
      assertCatchesUpWithChanges(viewer, board, rev - 3, 3, "the changes before the snapshot were read back on load");
    } finally {
      viewer.close();
    }
  }

  @Test
  void aSubmitBasedOnAForgottenRevisionIsRefusedAndTheClientCanCatchUpAndSendAgain() {
    CreatedBoard board = server.createBoard("Late submit");
    BusClient writer = server.bus();
    BusClient late = server.bus();
    try {
      long rev = churn(writer, board);
      late.call(Addresses.JOIN, Frames.join(board, "participant", "late", "Late"));
      JsonObject old = Frames.submit(board.id(), "late", 1, 0, goalEdit(new JsonArray().add("hi")));
      assertEquals(Refusal.BEHIND, BusClient.failureCode(late.request(Addresses.SUBMIT, old)),
        "a submit based on revision 0 is refused as too old");

      JsonObject caughtUp = late.call(Addresses.JOIN,
        Frames.join(board, "participant", "late", "Late").put("sinceRev", 0));
      long current = caughtUp.getLong("rev");
      assertEquals(rev, current);
      JsonObject again = Frames.submit(board.id(), "late", 1, current, goalEdit(new JsonArray().add("hi")));
      assertEquals(rev + 1, late.call(Addresses.SUBMIT, again).getLong("rev"), "the same seq, sent again, lands");
    } finally {
      writer.close();
      late.close();
    }
  }
}
