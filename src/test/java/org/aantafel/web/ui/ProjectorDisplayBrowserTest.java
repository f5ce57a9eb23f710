package org.aantafel.web.ui;

import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ReducedMotion;
import com.microsoft.playwright.options.WaitForSelectorState;
import org.aantafel.testsupport.Axe;
import org.aantafel.testsupport.TestServer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The big screen is a display, not a form: at 1920×1080, in every phase, no form control at all, nothing below the
 * fold (long lists page through themselves), the join code while people join and when the facilitator asks for it,
 * the current item and its timer large; and the facilitator opens the same display from the board.
 */
class ProjectorDisplayBrowserTest extends LiveBoardTestBase {

  private static final List<String> PHASES = List.of("prepare", "checkin", "goal", "agenda", "agreements", "lookback", "closed");
  private static final String CONTROLS = "[data-testid=projector-view] :is(input, select, textarea, button)";
  private static final int AGENDA_ITEMS = 16;

  @Override
  String locale() {
    return "en-GB";
  }

  @Test
  void everyPhaseIsADisplayThatFitsTheScreen() {
    TestServer.CreatedBoard board = server.createBoard("Gesprek over Sam", "empty");
    Page teacher = join(board.link("facilitator"), "Anna", "teacher", 1280, 800);
    Page projector = newPage(1920, 1080);
    projector.emulateMedia(new Page.EmulateMediaOptions().setReducedMotion(ReducedMotion.REDUCE));
    projector.navigate(board.link("projector"));
    projector.getByTestId("projector-phase").waitFor();

    for (int i = 1; i <= AGENDA_ITEMS; i++) {
      add(teacher, "add-agenda-item", "Agendapunt nummer " + i + " over huiswerk, rust en vervoer");
    }
    projector.locator("[data-testid=agenda-item]").nth(AGENDA_ITEMS - 1).waitFor();
    // The agenda is longer than the screen: it pages by itself (here at once, as reduced motion asks).
    Locator pager = projector.locator(".display-agenda-panel aan-auto-pager");
    pager.evaluate("p => p.next()");
    assertEquals("true", pager.getAttribute("data-paged"), "the long agenda is paged");
    assertTrue(((Number) pager.evaluate("p => p.scrollTop")).intValue() > 0, "the next page is shown");
    assertTrue(projector.getByTestId("join-qr").isVisible(), "the join code while preparing");

    for (String phase : PHASES) {
      if (!phase.equals("prepare")) {
        moveMeetingTo(teacher, phase);
      }
      fill(phase, teacher);
      projector.locator("[data-testid=projector-phase][data-phase=" + phase + "]").waitFor();
      assertEquals(0, projector.locator(CONTROLS).count(), "no form controls on the big screen, " + phase);
      assertFits(projector, phase);
      boolean joining = phase.equals("prepare") || phase.equals("checkin");
      if (joining) {
        projector.getByTestId("join-qr").waitFor();
      } else {
        assertEquals(0, projector.getByTestId("join-qr").count(), "no join code unless asked, " + phase);
      }
      axe(projector, "projector, " + phase);
      if (phase.equals("agenda")) {
        Locator current = projector.getByTestId("projector-current-item");
        current.locator(".projector-item-title").filter(new Locator.FilterOptions().setHasText("Agendapunt nummer 1 ")).waitFor();
        current.locator("[data-testid=timer-display][data-running=true]").waitFor();
        assertTrue(fontSize(current.locator(".projector-item-title")) >= 48, "the current item is large");
        assertTrue(fontSize(current.getByTestId("timer-display")) >= 48, "its timer is large");
        projector.locator("[data-testid=agenda-item][data-current=true]").waitFor();

        // On request the join code comes up, and goes again.
        teacher.getByTestId("show-join-code").click();
        projector.getByTestId("join-qr").waitFor();
        assertFits(projector, "agenda with the join code");
        assertEquals(0, projector.locator(CONTROLS).count());
        teacher.getByTestId("show-join-code").click();
        projector.getByTestId("join-qr").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED));
      }
    }
  }

  @Test
  void theFacilitatorOpensTheBigScreenFromTheBoard() {
    TestServer.CreatedBoard board = server.createBoard("Gesprek over Sam", "empty");
    Page teacher = join(board.link("facilitator"), "Anna", "teacher", 1280, 800);
    String href = teacher.getByTestId("open-big-screen").getAttribute("href");
    assertTrue(href.contains("?display#"), href);
    assertEquals("_blank", teacher.getByTestId("open-big-screen").getAttribute("target"));
    Page display = newPage(1920, 1080);
    display.navigate(server.baseUrl() + href);
    display.locator("[data-testid=projector-phase][data-phase=prepare]").waitFor();
    display.getByTestId("join-qr").waitFor();
    assertEquals(0, display.locator("input, select, textarea, button").count(), "the display has no controls at all");
    assertEquals(0, display.getByTestId("join-form").count(), "the display asks no name");
    assertFits(display, "the facilitator's display");
    moveMeetingTo(teacher, "goal");
    display.locator("[data-testid=projector-phase][data-phase=goal]").waitFor();
    assertEquals(0, display.getByTestId("join-qr").count());
    axe(display, "the facilitator's display");
  }

  private static void fill(String phase, Page teacher) {
    switch (phase) {
      case "checkin" -> add(teacher, "add-checkin", "Goed, wel druk. ".repeat(12));
      case "goal" -> {
        teacher.getByTestId("goal").click();
        teacher.keyboard().type("Sam maakt zijn huiswerk op school en thuis is er rust.");
      }
      case "agenda" -> {
        teacher.getByTestId("agenda-item-make-current").first().click();
        teacher.getByTestId("timer-start").first().click();
      }
      case "agreements" -> {
        for (int i = 1; i <= 8; i++) {
          add(teacher, "add-agreement-agree", "Afspraak " + i + ": Sam zet de telefoon om negen uur weg");
          add(teacher, "add-action", "Actie " + i + ": een oplaadplek in de keuken maken");
        }
      }
      default -> { }
    }
  }

  /**
   * The words only fill the big screen, some 1,900 characters in all: they are entered as one input each, as a paste
   * is, instead of key by key (seconds of keystrokes here; typing itself is what the live-editing tests are about).
   */
  private static void add(Page page, String button, String text) {
    page.getByTestId(button).click();
    page.keyboard().insertText(text);
  }

  private static void assertFits(Page page, String what) {
    // The last change is rendered and laid out once two more frames have been painted.
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
    int scrollHeight = ((Number) page.evaluate("() => document.documentElement.scrollHeight")).intValue();
    int height = ((Number) page.evaluate("() => innerHeight")).intValue();
    assertTrue(scrollHeight <= height, what + ": the page is " + scrollHeight + " px tall on a " + height + " px screen");
  }

  private static double fontSize(Locator locator) {
    return ((Number) locator.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")).doubleValue();
  }

  private static void axe(Page page, String view) {
    List<Rule> violations = Axe.violations(page);
    assertEquals("", violations.stream().map(rule -> rule.getId() + ": " + rule.getHelp() + " " + rule.getNodes().stream()
      .map(node -> node.getTarget().toString()).collect(Collectors.joining(", "))).collect(Collectors.joining("\n")),
      "axe-core on " + view);
  }
}
