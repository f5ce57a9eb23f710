package org.aantafel.web.ui;

import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.aantafel.testsupport.Axe;
import org.aantafel.sync.Addresses;
import org.aantafel.testsupport.BusClient;
import org.aantafel.testsupport.TestServer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A meeting closed and followed up from the board: the next meeting opens with what was left open, and after it
 * is closed too the parent reads on a phone how the series is going.
 */
class SeriesBrowserTest extends LiveBoardTestBase {

  @Test
  void planTheNextMeetingFromTheBoardThenReadTheSeriesOnAPhone() {
    TestServer.CreatedBoard first = server.createBoard("Gesprek over Sam", "empty");
    Page teacher = join(first.link("facilitator"), "Anna", "teacher", 1280, 800);
    Page parent = join(first.link("participant"), "José", "parent", 360, 740);
    leaveSomethingOpen(first);

    moveMeetingTo(teacher, "closed");
    teacher.getByTestId("next-meeting-when").fill("2027-01-15T14:30");
    teacher.getByTestId("next-meeting-plan").click();
    teacher.getByTestId("next-meeting-planned").waitFor();
    teacher.getByTestId("next-meeting-open").click();

    teacher.getByTestId("join-name").fill("Anna");
    teacher.getByTestId("join-role").selectOption("teacher");
    teacher.getByTestId("join-submit").click();
    teacher.locator("[data-testid=connection-status][data-state=connected]").waitFor();
    // Agenda titles are editable fields: their text is their value.
    teacher.waitForFunction("want => [...document.querySelectorAll('[data-testid=agenda-item] textarea, "
      + "[data-testid=agenda-item] input')].map(f => f.value).join('|').includes(want)",
      "Review the open actions");
    assertTrue(teacher.locator("[data-testid=agenda-item]").first().evaluate("row => [...row.querySelectorAll("
      + "'textarea, input')].map(f => f.value).join('|')").toString().contains("Review the open actions"),
      "what was left open comes first");
    teacher.waitForFunction("want => [...document.querySelectorAll('[data-testid=agenda-item] textarea, "
      + "[data-testid=agenda-item] input')].map(f => f.value).join('|').includes(want)",
      "Continue: Wel of geen dyslexietest");
    assertEquals("2027-01-15T14:30", teacher.getByTestId("scheduled-at").inputValue(),
      "the date and time chosen when planning it");
    moveMeetingTo(teacher, "closed");
    teacher.getByTestId("series-link").click();
    teacher.locator("[data-testid=series-meeting][data-seq='2']").waitFor();
    assertEquals(2, teacher.getByTestId("series-meeting").count());

    parent.getByTestId("series-link").click();
    parent.getByTestId("series-record-2").waitFor();
    assertTrue(parent.getByTestId("goal-1-family").innerText().contains("1 Niet bereikt"),
      parent.getByTestId("goal-1-family").innerText());
    assertEquals("Ouder of verzorger: doel 0 van de 1 keer bereikt", parent.getByTestId("goal-role-parent").innerText());
    assertTrue(parent.getByTestId("topic-1-child").isVisible(), "meeting 1 evaluated 'think from the child'");
    assertEquals(0, parent.locator("[data-testid^=topic-2-]").count(), "meeting 2 evaluated nothing");
    assertEquals(0, parent.getByTestId("goal-1-other").count(), "a side that never checked the goal has no column");
    assertTrue(parent.getByTestId("actions-1").innerText().contains("1 open, nog niet aan de beurt"),
      parent.getByTestId("actions-1").innerText());
    assertEquals(List.of(), Axe.violations(parent), "the series page on a phone");

    parent.getByTestId("series-record-2").click();
    parent.getByTestId("record-series-1").waitFor();
    parent.getByTestId("record-series-1").click();
    parent.waitForFunction("() => document.body?.innerText.includes('Logopedie aanvragen') === true");
  }

  /** An open action, a disagreement and the parent's goal check, straight over the bus: the board UI is tested elsewhere. */
  private static void leaveSomethingOpen(TestServer.CreatedBoard board) {
    BusClient bus = server.bus();
    try {
      String id = bus.call(Addresses.JOIN, new JsonObject().put("boardId", board.id())
        .put("token", board.token("participant")).put("clientId", "setup").put("name", "Moeder").put("role", "parent"))
        .getJsonObject("you").getString("participantId");
      JsonArray ops = new JsonArray()
        .add(create("x1", "action", new JsonObject().put("what", "Logopedie aanvragen").put("due", "2999-01-01")
          .put("order", "a0")))
        .add(create("g1", "agreement", new JsonObject().put("text", "Wel of geen dyslexietest")
          .put("stance", "disagree").put("order", "a0")))
        .add(create("goalCheck." + id, "goalCheck", new JsonObject().put("verdict", "not")));
      bus.call(Addresses.SUBMIT, new JsonObject().put("boardId", board.id()).put("clientId", "setup").put("seq", 1)
        .put("baseRev", 0).put("ops", ops));
      bus.call(Addresses.JOIN, new JsonObject().put("boardId", board.id()).put("token", board.token("facilitator"))
        .put("clientId", "setup-chair").put("name", "Voorzitter").put("role", "care-coordinator"));
      bus.call(Addresses.SUBMIT, new JsonObject().put("boardId", board.id()).put("clientId", "setup-chair")
        .put("seq", 1).put("baseRev", 0).put("ops", new JsonArray()
          .add(create("ev1", "evaluation", new JsonObject().put("topic", "child")))));
    } finally {
      bus.close();
    }
  }

  private static JsonObject create(String id, String kind, JsonObject fields) {
    return new JsonObject().put("type", "create").put("id", id).put("kind", kind).put("fields", fields);
  }
}
