package org.aantafel.sync;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.aantafel.store.BoardStore;
import org.aantafel.store.Stores;
import org.aantafel.testsupport.BusClient;
import org.aantafel.testsupport.TestServer;
import org.aantafel.testsupport.TestServer.CreatedBoard;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.aantafel.sync.BridgeIntegrationTest.insertGoal;
import static org.aantafel.sync.BridgeIntegrationTest.join;
import static org.aantafel.sync.BridgeIntegrationTest.submit;
import static org.aantafel.testsupport.BusClient.await;
import static org.aantafel.testsupport.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** An idle board leaves memory with a snapshot of where it was, and loads again on the next join. */
class HubUnloadTest {

  @Test
  void idleBoardIsSnapshottedUnloadedAndLoadsAgain() throws Exception {
    Vertx vertx = Vertx.vertx();
    try (TestServer server = TestServer.start(vertx, 500)) {
      BoardStore store = await(Stores.open(vertx, server.dbUrl, Files.createTempDirectory("unload")));
      CreatedBoard board = server.createBoard("Idle");
      BusClient bus = server.bus();
      join(bus, board, "participant", "idle");
      for (int seq = 1; seq <= 3; seq++) {
        bus.call(Addresses.SUBMIT, submit(board.id(), "idle", seq, seq - 1, insertGoal(2 * (seq - 1), "ab", 0)));
      }
      assertEquals(0L, await(store.latestSnapshot(board.id())).orElseThrow().rev(), "no snapshot while in use");
      bus.close();
      // Unloading is the only thing that writes a snapshot below 200 revisions.
      eventually(() -> assertEquals(3L, await(store.latestSnapshot(board.id())).orElseThrow().rev()));
      JsonObject state = await(store.latestSnapshot(board.id())).orElseThrow().state();
      assertEquals("ababab", state.getJsonObject("board").getString("goal"));

      BusClient again = server.bus();
      JsonObject joined = join(again, board, "participant", "idle");
      assertEquals(3L, joined.getLong("rev"));
      assertEquals(true, again.call(Addresses.SUBMIT, submit(board.id(), "idle", 3, 2, insertGoal(4, "ab", 0)))
        .getBoolean("duplicate"));
      again.close();
      await(store.close());
    } finally {
      await(vertx.close());
    }
  }
}
