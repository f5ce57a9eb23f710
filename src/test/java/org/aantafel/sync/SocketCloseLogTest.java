package org.aantafel.sync;

import io.vertx.core.json.JsonObject;
import org.aantafel.testsupport.AllLogs;
import org.aantafel.testsupport.BusClient;
import org.aantafel.testsupport.ServerTest;
import org.aantafel.testsupport.TestServer.CreatedBoard;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.aantafel.testsupport.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A browser that leaves is normal: closing its socket (with a close frame, as a closed tab or a left page does) logs
 * nothing as a warning or an error. A connection that ends without a close frame (a killed browser, a dropped network)
 * is still logged by Vert.x's bridge as ERROR "SockJSSocket exception" (see docs/security.md).
 */
class SocketCloseLogTest extends ServerTest {

  @Test
  void closingASocketLogsNoWarningOrError() throws Exception {
    CreatedBoard board = server.createBoard("Leaving");
    try (AllLogs logs = new AllLogs()) {
      for (int i = 0; i < 3; i++) {
        BusClient bus = server.bus();
        bus.call(Addresses.JOIN, new JsonObject().put("boardId", board.id()).put("token", board.token("participant"))
          .put("clientId", "c" + i).put("name", "Anna").put("role", "parent"));
        bus.register(Addresses.ops(board.id()), body -> { });
        bus.register(Addresses.presence(board.id()), body -> { });
        bus.close();
      }
      // What the server does once a socket is gone (presence, leaving the hub) happens after the close: wait until a
      // newcomer sees nobody online any more, which is the hub having handled every leave.
      eventually(() -> {
        BusClient watcher = server.bus();
        JsonObject presence = watcher.call(Addresses.JOIN, new JsonObject().put("boardId", board.id())
          .put("token", board.token("viewer")).put("clientId", "watcher"));
        watcher.close();
        assertTrue(presence.getJsonArray("participants").stream()
          .noneMatch(p -> ((JsonObject) p).getBoolean("online")), presence.encode());
      });
      List<String> lines = logs.warningsAndErrors();
      assertEquals(List.of(), lines);
    }
  }
}
