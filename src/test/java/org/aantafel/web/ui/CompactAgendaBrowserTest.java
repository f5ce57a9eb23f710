package org.aantafel.web.ui;

import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.aantafel.testsupport.Axe;
import org.aantafel.testsupport.TestServer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agenda is a compact list: title, proposer, timebox, status and the current item's timer; one item opens (a
 * disclosure button) to work on it. Eight items on a 1280×800 laptop stay within about one and a half screens, and a
 * timebox can be set while preparing.
 */
class CompactAgendaBrowserTest extends LiveBoardTestBase {

  @Override
  String locale() {
    return "en-GB";
  }

  @Test
  void eightItemsStayCompactAndOneOpensToWorkOn() {
    TestServer.CreatedBoard board = server.createBoard("Gesprek over Sam", "empty");
    Page teacher = join(board.link("facilitator"), "Anna", "teacher", 1280, 800);
    Page parent = join(board.link("participant"), "Bram", "parent", 360, 740);
    for (int i = 1; i <= 8; i++) {
      teacher.getByTestId("add-agenda-item").click();
      teacher.keyboard().type("Punt " + i + " over huiswerk en rust");
    }
    Locator rows = teacher.getByTestId("agenda-item");
    rows.nth(7).waitFor();

    // Preparing: the timebox is set in an opened item; the closed row shows it.
    Locator third = rows.nth(2);
    Locator toggle = third.getByTestId("agenda-item-toggle");
    assertEquals("false", toggle.getAttribute("aria-expanded"));
    assertEquals(0, third.getByTestId("agenda-item-timebox").count(), "closed: no controls");
    toggle.click();
    assertEquals("true", toggle.getAttribute("aria-expanded"));
    assertEquals(third.getByTestId("agenda-item-detail").getAttribute("id"), toggle.getAttribute("aria-controls"));
    third.getByTestId("agenda-item-timebox").fill("15");
    third.getByTestId("agenda-item-timebox").press("Tab");
    parent.waitForFunction("() => document.querySelectorAll('[data-testid=agenda-item-timebox-summary]')[2]?.value === '15'");
    toggle.click();
    assertEquals("false", toggle.getAttribute("aria-expanded"));
    assertEquals(0, third.getByTestId("agenda-item-timebox").count(), "closed again");
    assertEquals("15", third.getByTestId("agenda-item-timebox-summary").getAttribute("value"));

    // The meeting: the current item is open, with its timer; the whole step stays compact.
    moveMeetingTo(teacher, "agenda");
    rows.nth(0).getByTestId("agenda-item-make-current").click();
    Locator first = rows.nth(0);
    first.getByTestId("agenda-item-notes").waitFor();
    assertEquals("true", first.getByTestId("agenda-item-toggle").getAttribute("aria-expanded"), "the current item is open");
    first.getByTestId("timer-start").click();
    assertEquals(1, teacher.getByTestId("agenda-item-detail").count(), "only the current item is open");
    teacher.screenshot(new Page.ScreenshotOptions().setFullPage(true)
      .setPath(java.nio.file.Path.of("target", "screenshots", "compact-agenda.png")));
    // The agenda: from the top of the page to the end of the agenda's own card (the side column, and the folded poll
    // form under the agenda, are not the agenda).
    int height = ((Number) teacher.evaluate("() => Math.ceil(document.querySelector('aan-agenda-section').getBoundingClientRect().bottom + scrollY)")).intValue();
    assertTrue(height <= 1200, "eight items take " + height + " px on an 800 px screen");
    axe(teacher, "compact agenda, facilitator");

    // Another item opens with the keyboard to show its notes, status and timebox, and closes again.
    Locator fifth = rows.nth(4);
    fifth.getByTestId("agenda-item-toggle").focus();
    teacher.keyboard().press("Enter");
    fifth.getByTestId("agenda-item-notes").waitFor();
    fifth.getByTestId("agenda-item-status").selectOption("done");
    assertTrue(fifth.getByTestId("agenda-item-timebox").isVisible());
    parent.locator("[data-testid=agenda-item][data-status=done]").waitFor();
    axe(teacher, "compact agenda with two items open");
    teacher.keyboard().press("Enter");
    assertEquals(0, fifth.getByTestId("agenda-item-notes").count(), "closed again");
    assertEquals("false", fifth.getByTestId("agenda-item-toggle").getAttribute("aria-expanded"));
    assertEquals("Discussed", fifth.getByTestId("agenda-item-status-summary").textContent().trim());
    axe(parent, "compact agenda, phone");
  }

  private static void axe(Page page, String view) {
    List<Rule> violations = Axe.violations(page);
    assertEquals("", violations.stream().map(rule -> rule.getId() + ": " + rule.getHelp() + " " + rule.getNodes().stream()
      .map(node -> node.getTarget().toString()).collect(Collectors.joining(", "))).collect(Collectors.joining("\n")),
      "axe-core on " + view);
  }
}
