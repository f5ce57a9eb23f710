package org.aantafel.sync;

import io.vertx.core.json.JsonObject;
import org.aantafel.testsupport.BusClient;
import org.aantafel.testsupport.ServerTest;
import org.aantafel.testsupport.TestServer.CreatedBoard;
import org.junit.jupiter.api.Test;

import static org.aantafel.sync.BridgeIntegrationTest.insertGoal;
import static org.aantafel.sync.BridgeIntegrationTest.join;
import static org.aantafel.sync.BridgeIntegrationTest.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What was acknowledged over the wire is in PostgreSQL: the rest of the wire contract runs on the in-memory store
 * ({@link BridgeIntegrationTest}), this end-to-end path on the real database.
 */
class RestartDurabilityTest extends ServerTest {

  @Test
  void acknowledgedOpsSurviveAServerRestart() {
    CreatedBoard board = server.createBoard("Restart");
    // Five typists, each within the per-connection rate limit, together past a snapshot (every 200 revisions).
    long rev = 0;
    for (int typist = 0; typist < 5; typist++) {
      BusClient bus = server.bus();
      join(bus, board, "participant", "r" + typist);
      for (int seq = 1; seq <= 50; seq++, rev++) {
        bus.call(Addresses.SUBMIT, submit(board.id(), "r" + typist, seq, rev, insertGoal((int) rev, "x", 0)));
      }
      bus.close();
    }
    server.restart();
    BusClient after = server.bus();
    JsonObject joined = join(after, board, "participant", "r4");
    assertEquals(250L, joined.getLong("rev"));
    assertEquals("x".repeat(250), joined.getJsonObject("state").getJsonObject("board").getString("goal"));
    // The restarted hub still knows this client's seqs: a resend is a duplicate, not a second copy.
    assertEquals(true, after.call(Addresses.SUBMIT, submit(board.id(), "r4", 50, 249, insertGoal(249, "x", 0)))
      .getBoolean("duplicate"));
    after.close();
  }
}
