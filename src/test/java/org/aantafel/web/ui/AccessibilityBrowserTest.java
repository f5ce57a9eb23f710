package org.aantafel.web.ui;

import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import org.aantafel.testsupport.Axe;
import org.aantafel.testsupport.TestServer;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * axe-core on every view: the start page, the join form, the board in each phase for the facilitator (laptop) and
 * for a parent on a 360 px phone, and the projector. The board is filled first, so that the checks see the
 * controls of a real meeting and not empty lists. Screenshots of phone and projector go to target/screenshots.
 */
class AccessibilityBrowserTest extends LiveBoardTestBase {

  private static final List<String> PHASES =
    List.of("prepare", "checkin", "goal", "agenda", "agreements", "lookback", "closed");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final List<String> problems = new ArrayList<>();

  @Override
  String locale() {
    return "en-GB";
  }

  @Test
  void startPageAndJoinFormHaveNoViolations() {
    Page page = newPage(360, 740);
    page.navigate(server.baseUrl() + "/");
    page.getByTestId("create-form").waitFor();
    check(page, "start page");
    page.getByTestId("new-board-title").fill("Gesprek over Sam");
    page.getByTestId("new-board-template").selectOption("driehoeksgesprek");
    page.getByTestId("create-board").click();
    page.getByTestId("board-links").waitFor();
    check(page, "start page with links");

    String participantLink = page.locator("[data-testid=link-participant] [data-testid=link-url]").inputValue();
    Page joining = newPage(360, 740);
    joining.navigate(participantLink);
    joining.getByTestId("join-form").waitFor();
    check(joining, "join form");
    assertNoProblems();
  }

  @Test
  void everyPhaseForFacilitatorAndPhoneAndTheProjectorHaveNoViolations() {
    TestServer.CreatedBoard board = server.createBoard("Gesprek over Sam", "driehoeksgesprek");
    Page teacher = join(board.link("facilitator"), "Anna", "teacher", 1280, 900);
    Page parent = join(board.link("participant"), "Bram", "parent", 360, 740);
    Page projector = newPage(1920, 1080);
    projector.navigate(board.link("projector"));
    projector.getByTestId("projector-phase").waitFor();

    parent.getByTestId("add-agenda-item").click();
    parent.keyboard().type("Huiswerk en rust thuis");

    for (String phase : PHASES) {
      if (!phase.equals("prepare")) {
        // The parent is done typing: a field someone is still in keeps their screen where it is.
        parent.evaluate("() => document.activeElement?.blur()");
        moveMeetingTo(teacher, phase);
      }
      fill(phase, teacher, parent);
      parent.locator("[data-testid=phase-nav][data-meeting-phase=" + phase + "]").waitFor();
      projector.locator("[data-testid=projector-phase][data-phase=" + phase + "]").waitFor();
      check(teacher, "facilitator, " + phase);
      check(parent, "phone, " + phase);
      check(projector, "projector, " + phase);
      parent.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(SCREENSHOTS.resolve("phone-" + phase + ".png")));
      projector.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("projector-" + phase + ".png")));
      teacher.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(SCREENSHOTS.resolve("facilitator-" + phase + ".png")));
    }
    parent.getByTestId("phase-tab-agenda").click();
    parent.getByTestId("looking-around").waitFor();
    check(parent, "phone, looking around");
    assertNoProblems();
  }

  // Content for the phase, so that its controls are on the page when axe looks.
  private static void fill(String phase, Page teacher, Page parent) {
    switch (phase) {
      case "checkin" -> {
        parent.getByTestId("add-checkin").click();
        parent.keyboard().type("Goed, een beetje gespannen");
      }
      case "goal" -> {
        teacher.getByTestId("goal").click();
        teacher.keyboard().type("Iedereen weet wie wat doet");
      }
      case "agenda" -> {
        teacher.getByTestId("agenda-item-make-current").first().click();
        teacher.getByTestId("agenda-item-timebox").first().fill("10");
        teacher.getByTestId("agenda-item-timebox").first().press("Tab");
        teacher.getByTestId("timer-start").first().click();
      }
      case "agreements" -> {
        teacher.getByTestId("add-agreement-agree").click();
        teacher.keyboard().type("Sam maakt huiswerk op school");
        teacher.getByTestId("add-agreement-disagree").click();
        teacher.keyboard().type("Hoeveel huiswerk");
        teacher.getByTestId("add-action").click();
        teacher.keyboard().type("Rooster maken");
      }
      case "lookback" -> {
        parent.getByTestId("goal-check-verdict-partly").check();
        parent.getByTestId("goal-check-comment").waitFor();
        teacher.getByTestId("evaluation-assignee").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Bram (Parent or carer)"));
        teacher.getByTestId("add-evaluation").click();
        parent.getByTestId("evaluation-how").waitFor();
      }
      default -> { }
    }
  }

  private void check(Page page, String view) {
    List<Rule> violations = Axe.violations(page);
    if (!violations.isEmpty()) {
      problems.add(view + ":\n" + violations.stream()
        .map(rule -> "  " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + "\n" + rule.getNodes().stream()
          .map(node -> "    " + node.getTarget() + " " + node.getHtml())
          .collect(Collectors.joining("\n")))
        .collect(Collectors.joining("\n")));
    }
  }

  private void assertNoProblems() {
    if (!problems.isEmpty()) {
      fail("axe-core violations\n" + String.join("\n", problems));
    }
  }
}
