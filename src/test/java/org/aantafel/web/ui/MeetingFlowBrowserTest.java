package org.aantafel.web.ui;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.aantafel.testsupport.TestServer;
import org.junit.jupiter.api.Test;


import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The meeting's own behaviour as two people see it: the balance strip and its prompt, who changed what, late items
 * after the freeze, following the facilitator's phase and looking around, the current item, and a timer that survives
 * a reload.
 */
class MeetingFlowBrowserTest extends LiveBoardTestBase {

  @Override
  String locale() {
    return "en-GB";
  }

  @Test
  void prepareFollowAndTimeTheAgenda() {
    TestServer.CreatedBoard board = server.createBoard("Flow", "empty");
    Page teacher = join(board.link("facilitator"), "Anna", "teacher", 1280, 800);
    Page parent = join(board.link("participant"), "Bram", "parent", 360, 740);

    teacher.getByTestId("family-prompt").waitFor();
    assertEquals(0, parent.getByTestId("family-prompt").count(), "only the facilitator is prompted");
    parent.getByTestId("add-agenda-item").click();
    parent.keyboard().type("Rust thuis");
    teacher.locator("[data-testid=balance-family][data-count='1']").waitFor();
    // The announcement says who, not only what: typing the title after it is not announced.
    assertThat(teacher.getByTestId("announcer")).hasText("Bram: An agenda point was added");
    teacher.getByTestId("family-prompt").waitFor(new Locator.WaitForOptions()
      .setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
    assertTrue(teacher.getByTestId("agenda-item-proposer").first().textContent().contains("Bram"));

    teacher.getByTestId("freeze-agenda").click();
    parent.getByTestId("agenda-frozen-notice").waitFor();
    parent.getByTestId("add-agenda-item").click();
    parent.keyboard().type("Te laat");
    teacher.locator("[data-testid=agenda-item][data-late=true]").waitFor();
    assertEquals(1, teacher.getByTestId("agenda-item-late").count(), "only the item after the freeze is late");

    moveMeetingTo(teacher, "agenda");
    parent.getByTestId("phase-agenda").waitFor();
    assertThat(parent.getByTestId("announcer")).hasText("Anna: The meeting is now at: Agenda");
    parent.getByTestId("phase-tab-prepare").click();
    parent.getByTestId("looking-around").waitFor();
    parent.getByTestId("back-to-meeting").click();
    parent.getByTestId("phase-agenda").waitFor();

    teacher.getByTestId("agenda-item-make-current").first().click();
    parent.locator("[data-testid=agenda-item][data-current=true]").waitFor();
    teacher.getByTestId("agenda-item-timebox").first().fill("10");
    teacher.getByTestId("agenda-item-timebox").first().press("Tab");
    parent.waitForFunction("() => document.querySelector('[data-testid=agenda-item-timebox]').value === '10'");
    teacher.getByTestId("timer-start").first().click();
    parent.locator("[data-testid=timer-display][data-running=true]").first().waitFor();
    assertEquals(0, parent.getByTestId("timer-start").count(), "only the facilitator controls the timer");

    // Once a second has been counted, a reload must still show it: the timer lives on the server's clock.
    parent.locator("[data-testid=timer-display]:not([data-elapsed-seconds='0'])").first().waitFor();
    parent.reload();
    parent.locator("[data-testid=timer-display][data-running=true]").first().waitFor();
    int elapsed = Integer.parseInt(parent.getByTestId("timer-display").first().getAttribute("data-elapsed-seconds"));
    assertTrue(elapsed >= 1, "the timer kept counting across the reload: " + elapsed);
    parent.getByTestId("presence-person").filter(new Locator.FilterOptions().setHasText("Bram")).first().waitFor();
    assertEquals(1, parent.getByTestId("presence-person").filter(new Locator.FilterOptions().setHasText("Bram")).count(),
      "a reloaded tab is the same participant");
  }
}
