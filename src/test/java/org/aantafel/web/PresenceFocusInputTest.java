package org.aantafel.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.aantafel.sync.Addresses;
import org.aantafel.testsupport.BusClient;
import org.aantafel.testsupport.Frames;
import org.aantafel.testsupport.InMemory;
import org.aantafel.testsupport.ServerTest;
import org.aantafel.testsupport.TestServer.CreatedBoard;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.aantafel.testsupport.BusClient.await;
import static org.aantafel.testsupport.BusClient.failureCode;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Found by the hostile-client fuzzer: a presence message whose focus was not an object was answered 503, "the server
 * could not handle this right now", as if the server had failed; it is bad input, and says so.
 */
@InMemory
class PresenceFocusInputTest extends ServerTest {

  @Test
  void aFocusThatIsNotAnObjectIsBadInputAndAFieldsFocusIsTaken() {
    CreatedBoard board = server.createBoard("Focus");
    BusClient anna = server.bus();
    try {
      anna.call(Addresses.JOIN, Frames.join(board, "participant", "anna", "Anna"));
      for (Object focus : List.<Object>of(false, 0, "goal", new JsonArray().add("goal"))) {
        assertEquals(400, failureCode(anna.request(Addresses.PRESENCE,
          new JsonObject().put("boardId", board.id()).put("focus", focus))), "focus " + focus);
      }
      JsonObject field = new JsonObject().put("id", "board").put("field", "goal");
      assertEquals(new JsonObject(), await(anna.request(Addresses.PRESENCE,
        new JsonObject().put("boardId", board.id()).put("focus", field))));
      assertEquals(new JsonObject(), await(anna.request(Addresses.PRESENCE,
        new JsonObject().put("boardId", board.id()).putNull("focus"))));
    } finally {
      anna.close();
    }
  }
}
