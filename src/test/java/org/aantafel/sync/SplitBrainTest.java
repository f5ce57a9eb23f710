package org.aantafel.sync;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.aantafel.testsupport.BusClient;
import org.aantafel.testsupport.TestDatabase;
import org.aantafel.testsupport.TestServer;
import org.aantafel.testsupport.TestServer.CreatedBoard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.aantafel.sync.BridgeIntegrationTest.insertGoal;
import static org.aantafel.sync.BridgeIntegrationTest.join;
import static org.aantafel.sync.BridgeIntegrationTest.submit;
import static org.aantafel.testsupport.Eventually.eventually;
import static org.aantafel.testsupport.Eventually.throughout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two hubs that both believe they own one board, as after a pause or a split network: two servers that know nothing
 * of each other over one database. The op log's key lets only one of them store a revision; the other is refused,
 * drops its hub, and the resent edit lands on top of what is stored. Nothing acknowledged is lost or doubled.
 */
class SplitBrainTest {
  private Vertx firstVertx;
  private Vertx secondVertx;
  private TestServer first;
  private TestServer second;

  @BeforeEach
  void startTwoServersOnOneDatabase() {
    // Each its own Vert.x: one event bus and one set of locks would make them one server.
    firstVertx = Vertx.vertx();
    secondVertx = Vertx.vertx();
    String dbUrl = TestDatabase.freshUrl();
    first = TestServer.start(firstVertx, new JsonObject().put("dbUrl", dbUrl));
    second = TestServer.start(secondVertx, new JsonObject().put("dbUrl", dbUrl));
  }

  @AfterEach
  void stop() {
    first.stop();
    second.stop();
    BusClient.await(firstVertx.close());
    BusClient.await(secondVertx.close());
  }

  @Test
  void twoHubsOfOneBoardCannotBothStoreARevision() {
    CreatedBoard board = first.createBoard("Owned twice");
    BusClient anna = first.bus();
    BusClient bert = second.bus();
    join(anna, board, "participant", "anna");
    join(bert, board, "participant", "bert");
    List<JsonObject> bertHears = new CopyOnWriteArrayList<>();
    bert.register(Addresses.ops(board.id()), bertHears::add);
    join(bert, board, "participant", "bert");

    assertEquals(1L, anna.call(Addresses.SUBMIT, submit(board.id(), "anna", 1, 0, insertGoal(0, "A", 0)))
      .getLong("rev"));
    // Bert's hub still believes the board is at revision 0, and numbers his edit 1: the database refuses it.
    int refused = BusClient.failureCode(bert.request(Addresses.SUBMIT,
      submit(board.id(), "bert", 1, 0, insertGoal(0, "B", 0))));
    assertEquals(Refusal.STORAGE_UNAVAILABLE, refused, "the second writer is refused, and told to send again");
    throughout(() -> assertEquals(List.of(), bertHears, "nobody is told of a revision that is not stored"));

    // The resend reaches a hub loaded from what is stored, and lands after Anna's edit.
    JsonObject resent = bert.call(Addresses.SUBMIT, submit(board.id(), "bert", 1, 0, insertGoal(0, "B", 0)));
    assertEquals(2L, resent.getLong("rev"));
    // The hub publishes in order: whatever it told of the refused revision would have come before this one.
    eventually(() -> assertEquals(List.of(2L), bertHears.stream().map(change -> change.getLong("rev")).toList()));

    BusClient auditor = second.bus();
    JsonObject log = auditor.call(Addresses.JOIN, new JsonObject().put("boardId", board.id())
      .put("token", board.token("viewer")).put("clientId", "auditor").put("sinceRev", 0));
    JsonArray changes = log.getJsonArray("ops");
    assertEquals(List.of("anna", "bert"), changes.stream().map(c -> ((JsonObject) c).getString("clientId")).toList(),
      "each acknowledged edit is stored once, in the order it was acknowledged");
    JsonObject state = join(auditor, board, "viewer", "auditor-2").getJsonObject("state");
    String goal = state.getJsonObject("board").getString("goal");
    assertTrue(goal.length() == 2 && goal.contains("A") && goal.contains("B"), "both edits once: " + goal);
    List.of(anna, bert, auditor).forEach(BusClient::close);
  }
}
