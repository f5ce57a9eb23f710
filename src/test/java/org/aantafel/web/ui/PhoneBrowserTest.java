package org.aantafel.web.ui;

import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import org.aantafel.testsupport.Axe;
import org.aantafel.testsupport.TestServer;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A meeting as a parent lives it on a phone, held in one hand (360 x 740): long agreements are read in full, the
 * closed meeting is text and not grey boxes, the join form says which meeting this is, the header is small, adding
 * a point is on the first screen, the step tabs show that they scroll, and the record fits the screen.
 */
class PhoneBrowserTest extends LiveBoardTestBase {

  private static final int WIDTH = 360;
  private static final int HEIGHT = 740;
  private static final String AGREEMENT = "Sam krijgt na de lunch een rustmoment van een kwartier in de stilteruimte,"
    + " en de mentor vraagt elke vrijdag kort hoe de week ging";
  private static final String ACTION = "De mentor belt op maandagochtend met moeder over het rooster van de week"
    + " en zet de afspraken over het huiswerk in de agenda van Sam";
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final String DISABLED_CONTROLS = "input:disabled, textarea:disabled, select:disabled";

  /** Whether the element shows its whole text: nothing cut off sideways or below, no ellipsis. */
  private static final String FULLY_SHOWN = "el => { const style = getComputedStyle(el);"
    + " return { width: el.scrollWidth <= el.clientWidth, height: el.scrollHeight <= el.clientHeight + 1,"
    + " ellipsis: style.textOverflow === 'ellipsis', text: el.matches('input, textarea, select') ? el.value : el.textContent,"
    + " tag: el.tagName.toLowerCase() }; }";

  @Test
  void aParentReadsTheWholeMeetingOnAPhone() {
    TestServer.CreatedBoard board = server.createBoard("Gesprek over Sam", "empty");

    // The join form says where this link leads.
    Page parent = newPage(WIDTH, HEIGHT);
    parent.navigate(board.link("participant"));
    parent.getByTestId("join-form").waitFor();
    assertTrue(parent.getByTestId("join-board-title").innerText().contains("Gesprek over Sam"),
      "the join form names the meeting: " + parent.getByTestId("join-board-title").innerText());
    axe(parent, "join form");
    join(parent, board.link("participant"), "Bram", "parent");
    Page teacher = join(board.link("facilitator"), "Anna", "teacher", WIDTH, HEIGHT);

    // A small header, and adding a point on the first screen of the facilitator's Prepare.
    for (Page page : List.of(teacher, parent)) {
      double header = page.locator(".top-bar").boundingBox().height;
      assertTrue(header <= 72, "the header takes little height on a phone: " + header);
    }
    parent.getByTestId("add-agenda-item").click();
    parent.keyboard().type("Rust na de lunch");
    parent.evaluate("() => document.activeElement.blur()"); // done typing: the parent's screen follows the meeting again
    teacher.locator("[data-testid=agenda-item-title]").first().waitFor();
    teacher.evaluate("() => window.scrollTo(0, 0)");
    shot(teacher, "phone-facilitator-prepare");
    BoundingBox add = teacher.getByTestId("add-agenda-item").boundingBox();
    assertTrue(add.y >= 0 && add.y + add.height <= HEIGHT, "adding a point is within the first screen: " + add.y);
    BoundingBox balance = teacher.getByTestId("balance-strip").boundingBox();
    assertTrue(add.y < balance.y, "adding a point comes before the balance strip");
    axe(teacher, "facilitator, prepare");

    // The step tabs scroll sideways and show it; the step shown is in sight.
    Locator nav = teacher.getByTestId("phase-nav");
    assertEquals("true", nav.getAttribute("data-scrolls"), "the steps do not fit 360 px");
    teacher.waitForFunction("() => document.querySelector('[data-testid=phase-nav]').classList.contains('more-after')");
    moveMeetingTo(teacher, "agreements");
    teacher.waitForFunction("() => { const row = document.querySelector('.phase-nav ol').getBoundingClientRect();"
      + " const tab = document.querySelector('[data-testid=phase-tab-agreements]').getBoundingClientRect();"
      + " return tab.left >= row.left && tab.right <= row.right; }");
    teacher.waitForFunction("() => document.querySelector('[data-testid=phase-nav]').classList.contains('more-before')");

    // Long texts typed on the facilitator's phone, read in full on the parent's.
    teacher.getByTestId("add-agreement-agree").click();
    teacher.keyboard().type(AGREEMENT);
    teacher.getByTestId("add-action").click();
    teacher.keyboard().type(ACTION);
    parent.waitForFunction("want => document.querySelector('[data-testid=action-what]')?.value === want", ACTION);
    parent.waitForFunction("want => document.querySelector('[data-testid=agreement-text]')?.value === want", AGREEMENT);
    assertFullyShown(parent, "agreement-text", AGREEMENT, "textarea");
    assertFullyShown(parent, "action-what", ACTION, "textarea");
    assertFullyShown(teacher, "agreement-text", AGREEMENT, "textarea");
    shot(parent, "phone-parent-agreements");

    // Closed: the parent reads the agreements as text, with no grey disabled fields anywhere.
    moveMeetingTo(teacher, "closed");
    parent.getByTestId("meeting-closed").waitFor();
    parent.getByTestId("record-version").waitFor();
    assertEquals(0, parent.locator(DISABLED_CONTROLS).count(), "no disabled fields in the closed meeting");
    assertEquals(0, teacher.locator(DISABLED_CONTROLS).count(), "no disabled fields for the facilitator either");
    assertFullyShown(parent, "agreement-text", AGREEMENT, "p");
    assertFullyShown(parent, "action-what", ACTION, "p");
    assertFullyShown(parent, "board-title", "Gesprek over Sam", "p");

    // PDF and the page stay in sight; Markdown and JSON wait behind a disclosure.
    assertTrue(parent.getByTestId("record-pdf-1").isVisible(), "the PDF is offered");
    assertTrue(parent.getByTestId("record-read-1").isVisible(), "the page is offered");
    assertFalse(parent.getByTestId("record-md-1").isVisible(), "Markdown is out of the way");
    assertFalse(parent.getByTestId("record-json-1").isVisible(), "JSON is out of the way");
    axe(parent, "phone, closed");
    shot(parent, "phone-parent-closed");
    parent.locator("[data-testid=record-more-formats-1] summary").click();
    assertTrue(parent.getByTestId("record-md-1").isVisible(), "Markdown is there for who wants it");
    assertTrue(parent.getByTestId("record-json-1").isVisible(), "JSON is there for who wants it");

    // The record page fits the phone: no sideways scrolling.
    parent.getByTestId("record-read-1").click();
    parent.waitForFunction("want => document.body?.innerText.includes(want) === true", "Sam krijgt na de lunch");
    Number scrollWidth = (Number) parent.evaluate("() => document.scrollingElement.scrollWidth");
    assertTrue(scrollWidth.doubleValue() <= WIDTH, "the record page does not scroll sideways: " + scrollWidth);
    axe(parent, "record page");
    shot(parent, "phone-record-page");
  }

  private static void assertFullyShown(Page page, String testId, String text, String tag) {
    Locator element = page.getByTestId(testId).first();
    element.scrollIntoViewIfNeeded();
    @SuppressWarnings("unchecked")
    java.util.Map<String, Object> shown = (java.util.Map<String, Object>) element.evaluate(FULLY_SHOWN);
    assertEquals(tag, shown.get("tag"), testId + " is shown as " + tag);
    assertEquals(text, shown.get("text"), testId + " holds the whole text");
    assertEquals(Boolean.TRUE, shown.get("width"), testId + " is not cut off sideways: " + shown);
    assertEquals(Boolean.TRUE, shown.get("height"), testId + " is not cut off below: " + shown);
    assertEquals(Boolean.FALSE, shown.get("ellipsis"), testId + " has no ellipsis");
    BoundingBox box = element.boundingBox();
    assertTrue(box.x >= 0 && box.x + box.width <= WIDTH, testId + " fits the screen's width: " + box.x + "+" + box.width);
  }

  private static void axe(Page page, String view) {
    List<Rule> violations = Axe.violations(page);
    assertEquals("", violations.stream()
      .map(rule -> rule.getId() + ": " + rule.getHelp() + " " + rule.getNodes().stream()
        .map(node -> node.getTarget() + " " + node.getHtml()).collect(Collectors.joining("; ")))
      .collect(Collectors.joining("\n")), "axe-core on " + view);
  }

  private static void shot(Page page, String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
  }
}
