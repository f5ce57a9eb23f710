package org.aantafel.web.ui;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.aantafel.testsupport.TestServer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real pages in headless Chromium against a real server: what a parent on a phone and a teacher on a laptop
 * see of each other's edits. Element lookups go through the data-testid attributes the pages promise.
 */
class BoardPageBrowserTest extends LiveBoardTestBase {

  @Test
  void startPageSetsUpAMeetingAndShowsItsFourLinks() {
    Page page = newPage(360, 740);
    page.navigate(server.baseUrl() + "/");
    page.getByTestId("new-board-title").fill("Gesprek over Sam");
    page.getByTestId("create-board").click();
    page.getByTestId("board-links").waitFor();
    for (String grant : List.of("facilitator", "participant", "viewer", "projector")) {
      String url = page.locator("[data-testid=link-" + grant + "] [data-testid=link-url]").inputValue();
      assertTrue(url.matches("http://[^/]+/b/[^#]+#.+"), grant + " link: " + url);
    }
  }

  @Test
  void aTimeboxBeingTypedIsNotOverwrittenBySomeoneElsesEdit() {
    TestServer.CreatedBoard board = server.createBoard("Timebox");
    Page teacher = join(board.link("facilitator"), "Anna", "teacher", 1280, 800);
    Page parent = join(board.link("participant"), "Bram", "parent", 1280, 800);
    parent.getByTestId("add-agenda-item").click();
    parent.keyboard().type("Huiswerk");
    assertThat(teacher.getByTestId("agenda-item-title").first()).hasValue("Huiswerk");
    teacher.getByTestId("agenda-item-toggle").first().click();
    teacher.getByTestId("agenda-item-timebox").first().fill("15");

    // While the teacher is still in the field, the parent's edit re-renders the teacher's agenda.
    parent.getByTestId("add-agenda-item").click();
    parent.keyboard().type("Vervoer");
    assertThat(teacher.getByTestId("agenda-item-title").nth(1)).hasValue("Vervoer");
    assertThat(teacher.getByTestId("agenda-item-timebox").first()).hasValue("15");

    teacher.getByTestId("agenda-item-timebox").first().press("Tab");
    parent.waitForFunction("() => document.querySelector('[data-testid=agenda-item-timebox-summary]').value === '15'");
  }

  @Test
  void goalIsEditedLiveAndTheCaretStaysWhereTheOtherIsTyping() {
    TestServer.CreatedBoard board = server.createBoard("Live goal");
    Page teacher = join(board.link("facilitator"), "Anna", "teacher", 1280, 800);
    Page parent = join(board.link("participant"), "Bram", "parent", 360, 800);
    moveMeetingTo(teacher, "goal");
    parent.getByTestId("phase-goal").waitFor();

    teacher.getByTestId("goal").click();
    teacher.keyboard().type("Iedereen weet wie wat doet");
    waitForValue(parent, "goal", "Iedereen weet wie wat doet");

    teacher.getByTestId("goal").evaluate("g => g.setSelectionRange(8, 8)");
    parent.getByTestId("goal").click();
    parent.keyboard().press("Home");
    parent.keyboard().type("Dat ");
    waitForValue(teacher, "goal", "Dat Iedereen weet wie wat doet");
    teacher.keyboard().type("!");

    waitForValue(parent, "goal", "Dat Iedereen! weet wie wat doet");
    waitForValue(teacher, "goal", "Dat Iedereen! weet wie wat doet");
  }

  @Test
  void agendaItemsAreAddedAndReorderedForEveryone() {
    TestServer.CreatedBoard board = server.createBoard("Agenda");
    Page teacher = join(board.link("facilitator"), "Anna", "teacher", 1280, 800);
    Page parent = join(board.link("participant"), "Bram", "parent", 360, 800);

    for (String title : List.of("Thuis", "Rekenen", "Huiswerk")) {
      parent.getByTestId("add-agenda-item").click();
      parent.keyboard().type(title);
    }
    parent.getByTestId("agenda-item").nth(2).getByTestId("agenda-item-toggle").click();
    parent.getByTestId("agenda-item").nth(2).getByTestId("agenda-item-up").click();

    teacher.waitForFunction("() => [...document.querySelectorAll('[data-testid=agenda-item-title]')]"
      + ".map(i => i.value).join('|') === 'Thuis|Huiswerk|Rekenen'", null,
      new Page.WaitForFunctionOptions().setTimeout(TIMEOUT_MS));
  }

  @Test
  void viewerLinkShowsTheBoardButCannotChangeIt() {
    TestServer.CreatedBoard board = server.createBoard("Read only");
    Page viewer = newPage(360, 740);
    viewer.navigate(board.link("viewer"));
    viewer.getByTestId("read-only-notice").waitFor();
    assertEquals(0, viewer.getByTestId("join-form").count(), "a viewer is not asked for a name");
    // What a viewer may not change is shown as text, not as a disabled field.
    assertEquals("Read only", viewer.getByTestId("board-title").textContent());
    assertEquals(0, viewer.locator("input:disabled, textarea:disabled, select:disabled").count());
    assertEquals(0, viewer.getByTestId("add-agenda-item").count());
    viewer.getByTestId("phase-tab-goal").click();
    assertEquals("p", viewer.getByTestId("goal").evaluate("el => el.tagName.toLowerCase()"));
    assertEquals(0, viewer.getByTestId("presence-person").count(), "a nameless viewer is not someone at the table");
  }

  @Test
  void editsMadeWhileOfflineAreSavedAfterReconnecting() {
    TestServer.CreatedBoard board = server.createBoard("Offline");
    Page teacher = join(board.link("facilitator"), "Anna", "teacher", 1280, 800);
    Page parent = join(board.link("participant"), "Bram", "parent", 360, 800);

    parent.getByTestId("phase-tab-goal").click();
    teacher.getByTestId("phase-tab-goal").click();
    parent.context().setOffline(true);
    parent.evaluate("() => document.querySelector('aan-board-page').client.bus.socket.close()");
    parent.getByTestId("goal").click();
    parent.keyboard().type("thuis rustig");
    Locator status = parent.getByTestId("connection-status");
    parent.locator("[data-testid=connection-status]:not([data-state=connected])").waitFor();
    assertTrue(Integer.parseInt(status.getAttribute("data-unsaved")) > 0, "unsaved edits are counted");

    parent.context().setOffline(false);
    parent.locator("[data-testid=connection-status][data-state=connected][data-unsaved='0']")
      .waitFor(new Locator.WaitForOptions().setTimeout(30_000));
    waitForValue(teacher, "goal", "thuis rustig");
  }

  private static void waitForValue(Page page, String testId, String expected) {
    page.waitForFunction("([id, want]) => document.querySelector(`[data-testid=${id}]`).value === want",
      List.of(testId, expected), new Page.WaitForFunctionOptions().setTimeout(TIMEOUT_MS));
  }
}
