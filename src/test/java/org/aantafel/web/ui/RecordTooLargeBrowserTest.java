package org.aantafel.web.ui;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.aantafel.sync.Addresses;
import org.aantafel.testsupport.BusClient;
import org.aantafel.testsupport.TestServer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 17, point 8: a meeting whose record would be too large is not closed. The facilitator reads why in the
 * board's language, with what to shorten, and the meeting stays open on every screen.
 */
class RecordTooLargeBrowserTest extends LiveBoardTestBase {

  @Test
  void aRefusedCloseSaysSoInPlainDutchAndTheMeetingStaysOpen() {
    TestServer.CreatedBoard board = server.createBoard("Gesprek over Noor", "empty");
    BusClient writer = server.bus();
    writer.call(Addresses.JOIN, new JsonObject().put("boardId", board.id()).put("token", board.token("participant"))
      .put("clientId", "writer").put("name", "Bram").put("role", "teacher"));
    long rev = 0;
    for (int submit = 0; submit < 5; submit++) {
      JsonArray ops = new JsonArray();
      for (int i = 0; i < 6; i++) {
        ops.add(new JsonObject().put("type", "create").put("id", "item-" + submit + "-" + i).put("kind", "agendaItem")
          .put("fields", new JsonObject().put("title", "Onderwerp").put("notes", "x".repeat(10_000))));
      }
      rev = writer.call(Addresses.SUBMIT, new JsonObject().put("boardId", board.id()).put("clientId", "writer")
        .put("seq", submit + 1).put("baseRev", rev).put("ops", ops)).getLong("rev");
    }
    Page teacher = join(board.link("facilitator"), "Anna", "teacher", 1280, 800);

    teacher.getByTestId("phase-tab-closed").click();
    teacher.getByTestId("move-meeting-here").click();

    Locator refused = teacher.getByTestId("error-message")
      .filter(new Locator.FilterOptions().setHasText("Het gesprek is niet afgesloten"));
    refused.waitFor();
    String text = refused.innerText();
    assertEquals(true, text.contains("shorten the agenda items and their notes"), text);
    assertEquals(0, teacher.getByTestId("meeting-closed").count(), "the meeting is still open");
    assertEquals("prepare", teacher.getByTestId("phase-nav").getAttribute("data-meeting-phase"));
    writer.close();
  }
}
