package org.aantafel.web.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.aantafel.testsupport.Axe;
import org.aantafel.testsupport.BusClient;
import org.aantafel.testsupport.TestServer;
import org.junit.jupiter.api.Test;

/**
 * A webinar's live poll: the host asks a question with three options, two listeners answer on their phones and one
 * changes their mind, every screen and the big screen show the bars and the words as it happens, the host closes
 * the poll and no answer is taken after that, and the closed meeting's record holds the poll with its counts.
 */
class PollBrowserTest extends LiveBoardTestBase {

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private final List<String> problems = new ArrayList<>();

  @Test
  void theHostAsksListenersAnswerOnPhonesAndEveryScreenCountsAlong() {
    TestServer.CreatedBoard board = server.createBoard("Ouderavond groep 7", "webinar");
    Page host = join(board.link("facilitator"), "Anna", "teacher", 1280, 900);
    Page bram = join(board.link("participant"), "Bram", "parent", 360, 740);
    Page carla = join(board.link("participant"), "Carla", "parent", 360, 740);
    Page projector = newPage(1920, 1080);
    projector.navigate(board.link("projector"));
    projector.getByTestId("projector-phase").waitFor();
    moveMeetingTo(host, "agenda");

    // The webinar offers the poll right away, above the agenda.
    host.getByTestId("poll-form-question").fill("Komt u naar de informatieavond over de brugklas?");
    host.getByTestId("poll-form-option-0").fill("Ja");
    host.getByTestId("poll-form-option-1").fill("Nee");
    host.getByTestId("poll-form-add-option").click();
    host.getByTestId("poll-form-option-2").fill("Weet ik nog niet");
    host.getByTestId("poll-form-ask").click();

    for (Page page : List.of(bram, carla)) {
      page.locator("[data-testid=poll][data-open=true] [data-testid=poll-choices]").waitFor();
    }
    projector.locator("[data-testid=projector-poll][data-open=true]").waitFor();
    bram.getByTestId("poll-choice-0").check();
    carla.getByTestId("poll-choice-2").check();
    for (Page page : List.of(host, bram, carla, projector)) {
      counts(page, 1, 0, 1);
    }
    carla.getByTestId("poll-choice-0").check(); // Carla changes her mind
    for (Page page : List.of(host, bram, carla, projector)) {
      counts(page, 2, 0, 0);
      words(page, "2 van de 2 kozen: Ja");
      words(page, "0 van de 2 kozen: Weet ik nog niet");
      page.locator("[data-testid=poll-answered][data-count='2']").first().waitFor();
    }
    shot(bram, "poll-phone-open");
    shot(projector, "poll-projector-open");
    axe(host, "host, open poll");
    axe(bram, "phone, open poll");
    axe(projector, "projector, open poll");

    // The host closes the poll: the phones show the result only, and an answer sent anyway is refused.
    host.getByTestId("poll-close").click();
    for (Page page : List.of(bram, carla)) {
      page.locator("[data-testid=poll][data-open=false]").waitFor();
      assertEquals(0, page.getByTestId("poll-choices").count(), "no choices on a closed poll");
    }
    projector.locator("[data-testid=projector-poll][data-open=false]").waitFor();
    words(projector, "2 van de 2 kozen: Ja");
    bram.evaluate("() => { const client = document.querySelector('aan-board-page').client;"
      + " const id = Object.keys(client.state.entities).find((k) => k.startsWith('answer.'));"
      + " client.set(id, 'choice', 1); }");
    bram.getByTestId("error-message").filter(new Locator.FilterOptions().setHasText("this poll is closed")).waitFor();
    counts(host, 2, 0, 0);
    shot(bram, "poll-phone-closed");
    axe(bram, "phone, closed poll");
    axe(projector, "projector, closed poll");

    // The meeting is closed through the API: its record holds the poll and its counts.
    JsonObject closed = BusClient.await(server.http()
      .post(server.port(), "localhost", "/api/boards/" + board.id() + "/close")
      .putHeader("Authorization", "Bearer " + board.token("facilitator")).send()).bodyAsJsonObject();
    assertEquals(1, closed.getInteger("version"), closed.encode());
    JsonObject record = BusClient.await(server.http()
      .get(server.port(), "localhost", "/api/boards/" + board.id() + "/records/1.json")
      .putHeader("Authorization", "Bearer " + board.token("participant")).send()).bodyAsJsonObject();
    JsonArray polls = record.getJsonArray("polls");
    assertEquals(1, polls.size(), record.encode());
    JsonObject poll = polls.getJsonObject(0);
    assertEquals("Komt u naar de informatieavond over de brugklas?", poll.getString("question"));
    assertEquals(2, poll.getInteger("answered"));
    assertEquals(List.of(2, 0, 0), poll.getJsonArray("options").stream()
      .map(o -> ((JsonObject) o).getInteger("count")).toList());
    String markdown = BusClient.await(server.http()
      .get(server.port(), "localhost", "/api/boards/" + board.id() + "/records/1.md")
      .putHeader("Authorization", "Bearer " + board.token("participant")).send()).bodyAsString();
    assertTrue(markdown.replace("\\", "").contains("2 of 2 chose: Ja"), markdown);
    if (!problems.isEmpty()) {
      fail("axe-core violations\n" + String.join("\n", problems));
    }
  }

  private static void counts(Page page, int... counts) {
    for (int i = 0; i < counts.length; i++) {
      page.locator("[data-testid=poll-result][data-index='" + i + "'][data-count='" + counts[i] + "']").first().waitFor();
    }
  }

  private static void words(Page page, String words) {
    page.getByTestId("poll-result-words").filter(new Locator.FilterOptions().setHasText(words)).first().waitFor();
  }

  private static void shot(Page page, String name) {
    page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(SCREENSHOTS.resolve(name + ".png")));
  }

  private void axe(Page page, String view) {
    List<Rule> violations = Axe.violations(page);
    if (!violations.isEmpty()) {
      problems.add(view + ":\n" + violations.stream()
        .map(rule -> "  " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + "\n" + rule.getNodes().stream()
          .map(node -> "    " + node.getTarget() + " " + node.getHtml()).collect(Collectors.joining("\n")))
        .collect(Collectors.joining("\n")));
    }
  }
}
