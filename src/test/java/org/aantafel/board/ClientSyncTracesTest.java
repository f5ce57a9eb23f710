package org.aantafel.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aantafel.testsupport.ClientSync;
import org.junit.jupiter.api.Test;

/**
 * Replays the recorded client calls of client-sync-traces.json through the Java test client; the browser's BoardSync
 * replays the same file under node (src/test/js/client-sync-traces.test.js). Both reproducing every recorded result
 * is what makes the Java client a faithful stand-in for the one that ships.
 */
class ClientSyncTracesTest {

  @Test
  @SuppressWarnings("unchecked")
  void javaClientReproducesEveryRecordedStep() throws IOException {
    List<Object> traces = new JsonObject(Files.readString(ClientSyncTraces.FILE)).getJsonArray("traces").getList();
    int steps = 0;
    for (int t = 0; t < traces.size(); t++) {
      Map<String, Object> trace = (Map<String, Object>) traces.get(t);
      Map<String, Object> start = (Map<String, Object>) trace.get("start");
      List<ClientSync> clients = new ArrayList<>();
      for (Object id : (List<Object>) trace.get("clients")) {
        ClientSync client = new ClientSync((String) id, 0);
        client.load(((Number) start.get("rev")).longValue(),
            BoardState.fromMap((Map<String, Object>) start.get("state")));
        clients.add(client);
      }
      List<Map<String, Object>> recorded = (List<Map<String, Object>>) trace.get("steps");
      for (int s = 0; s < recorded.size(); s++) {
        Map<String, Object> step = recorded.get(s);
        ClientSync client = clients.get(((Number) step.get("client")).intValue());
        String where = "trace " + t + " step " + s + " (" + step.get("call") + ")";
        assertEquals(step.get("result"), ClientSyncTraces.plain(ClientSyncTraces.perform(client, step)), where);
        assertEquals(step.get("after"), ClientSyncTraces.after(client), where);
        steps++;
      }
    }
    assertTrue(steps > 500, "steps replayed: " + steps);
  }
}
