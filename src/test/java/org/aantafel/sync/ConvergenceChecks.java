package org.aantafel.sync;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.aantafel.board.BoardState;
import org.aantafel.board.BoardTemplates;
import org.aantafel.testsupport.BusClient;
import org.aantafel.testsupport.TestServer;
import org.aantafel.testsupport.TestServer.CreatedBoard;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

import static org.aantafel.testsupport.BusClient.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a convergence simulation checks once every client has settled, on whichever server it asks. */
final class ConvergenceChecks {

  /**
   * Every client holds exactly the server's state, every acknowledged insert is there exactly once (unless its item
   * was deleted), and the op log holds every submit of every client exactly once, without gaps.
   *
   * @return the committed state
   */
  static JsonObject converged(TestServer server, CreatedBoard board, String title, List<SimClient> clients,
                              int atLeastLive, String run) {
    List<SimClient.Report> reports = reports(clients, run);
    JsonObject committed = committedState(server, board);
    assertSameStateEverywhere(committed, reports, run);
    assertEveryMarkerOnce(committed, reports, atLeastLive, run);
    assertOpLogComplete(server, board, title, committed, reports, run);
    return committed;
  }

  static void assertSameStateEverywhere(JsonObject committed, List<SimClient.Report> reports, String run) {
    Map<String, Object> serverState = WireJson.map(committed.getJsonObject("state"));
    for (SimClient.Report r : reports) {
      assertEquals(serverState, r.state(), run + ": " + r.clientId() + " differs from the server");
    }
  }

  /** Every insert's marker is in its field exactly once and nowhere else, or nowhere when its item was deleted. */
  static void assertEveryMarkerOnce(JsonObject committed, List<SimClient.Report> reports, int atLeastLive, String run) {
    JsonObject state = committed.getJsonObject("state");
    StringBuilder allText = new StringBuilder(state.getJsonObject("board").getString("goal"));
    state.getJsonObject("entities").forEach(e -> allText.append('\n')
      .append(((JsonObject) e.getValue()).getString("title", "")));
    int live = 0;
    for (SimClient.Report r : reports) {
      Set<RandomEdits.Marker> acknowledged = new HashSet<>(r.acknowledgedMarkers());
      for (RandomEdits.Marker marker : r.markers()) {
        JsonObject entity = marker.entityId().equals("board") ? state.getJsonObject("board")
          : state.getJsonObject("entities").getJsonObject(marker.entityId());
        boolean deleted = entity == null || entity.getBoolean("deleted", false);
        int expected = deleted ? 0 : 1;
        live += expected;
        assertEquals(expected, occurrences(allText.toString(), marker.text()), run + ": " + marker + " on the board");
        if (!deleted) {
          assertEquals(1, occurrences(entity.getString(marker.field()), marker.text()),
            run + ": " + marker + " in its field");
          assertTrue(acknowledged.contains(marker),
            run + ": " + marker + " is on the board but was never acknowledged");
        }
      }
    }
    assertTrue(live > atLeastLive, run + ": too few surviving inserts (" + live + ") to mean much");
  }

  /**
   * The op log from revision 1: no gaps, each (clientId, seq) once, every seq of every client from 1 to its last, as
   * many revisions as acknowledged submits (duplicates added none), and replaying it gives the server's state.
   */
  static void assertOpLogComplete(TestServer server, CreatedBoard board, String title, JsonObject committed,
                                          List<SimClient.Report> reports, String run) {
    BusClient bus = server.bus();
    try {
      JsonObject log = bus.call(Addresses.JOIN, new JsonObject().put("boardId", board.id())
        .put("token", board.token("viewer")).put("clientId", "auditor").put("sinceRev", 0));
      long rev = committed.getLong("rev");
      assertEquals(rev, log.getLong("rev"), run + ": the board changed after everyone settled");
      JsonArray changes = log.getJsonArray("ops");
      Map<String, Set<Long>> seqsByClient = new HashMap<>();
      BoardState replayed = BoardTemplates.create(title, "en", "empty");
      for (int i = 0; i < changes.size(); i++) {
        JsonObject change = changes.getJsonObject(i);
        assertEquals(i + 1L, change.getLong("rev"), run + ": the op log has a gap or a repeat");
        assertTrue(seqsByClient.computeIfAbsent(change.getString("clientId"), c -> new HashSet<>())
          .add(change.getLong("seq")), run + ": " + change.getString("clientId") + " seq " + change.getLong("seq")
          + " committed twice");
        replayed.applyCommitted(WireJson.ops(change.getJsonArray("ops")));
      }
      assertEquals(rev, changes.size(), run + ": revisions");
      int acknowledged = 0;
      for (SimClient.Report r : reports) {
        Set<Long> expected = new HashSet<>();
        LongStream.rangeClosed(1, r.lastSeq()).forEach(expected::add);
        assertEquals(expected, seqsByClient.getOrDefault(r.clientId(), Set.of()), run + ": seqs of " + r.clientId());
        assertEquals(r.lastSeq(), r.acknowledged(), run + ": acknowledged submits of " + r.clientId());
        acknowledged += r.acknowledged();
      }
      assertEquals(acknowledged, rev, run + ": every acknowledged submit is one revision, duplicates none");
      assertEquals(WireJson.map(committed.getJsonObject("state")), replayed.toMap(),
        run + ": replaying the op log does not give the server's state");
    } finally {
      bus.close();
    }
  }

  static List<SimClient.Report> reports(List<SimClient> clients, String run) {
    List<SimClient.Report> reports = clients.stream().map(c -> await(c.report())).toList();
    for (SimClient.Report r : reports) {
      if (!r.errors().isEmpty()) {
        // Not an AssertionError: a protocol error will not heal, so do not wait for it.
        throw new IllegalStateException(run + ": " + r.clientId() + " saw " + r.errors());
      }
    }
    return reports;
  }

  static JsonObject committedState(TestServer server, CreatedBoard board) {
    HttpResponse<Buffer> response = await(server.http().get(server.port(), "localhost",
      "/api/boards/" + board.id() + "/state").putHeader("Authorization", "Bearer " + board.token("viewer")).send());
    assertEquals(200, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject();
  }

  static int occurrences(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      count++;
    }
    return count;
  }

  private ConvergenceChecks() {
  }
}
