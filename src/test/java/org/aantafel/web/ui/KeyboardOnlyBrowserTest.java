package org.aantafel.web.ui;

import com.microsoft.playwright.Page;
import org.aantafel.testsupport.TestServer;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A meeting without a mouse: a parent joins, adds an agenda point and names it, and the facilitator moves the meeting
 * on, all with Tab, typing, Enter and Space; after each step the keyboard is somewhere that makes sense.
 */
class KeyboardOnlyBrowserTest extends LiveBoardTestBase {

  /** More than enough Tab presses to go once around any board page. */
  private static final int MAX_TABS = 60;

  @Override
  String locale() {
    return "en-GB";
  }

  @Test
  void joinAddAnItemAndMoveOnWithTheKeyboardOnly() {
    TestServer.CreatedBoard board = server.createBoard("Keyboard", "empty");
    Page teacher = join(board.link("facilitator"), "Anna", "teacher", 1280, 800);

    Page parent = newPage(1280, 800);
    parent.navigate(board.link("participant"));
    parent.getByTestId("join-name").waitFor();
    assertEquals("join-name", focused(parent), "the join form starts at the name");
    parent.keyboard().type("Bram");
    parent.keyboard().press("Tab");
    assertEquals("join-role", focused(parent));
    parent.keyboard().type("Parent"); // a closed select picks the option its label starts with
    assertThat(parent.getByTestId("join-role")).hasValue("parent");
    tabTo(parent, "join-submit");
    parent.keyboard().press("Enter");
    parent.locator("[data-testid=connection-status][data-state=connected]").waitFor();
    parent.getByTestId("phase-heading").waitFor();
    waitForFocus(parent, "phase-heading");

    tabTo(parent, "add-agenda-item");
    parent.keyboard().press("Enter");
    waitForFocus(parent, "agenda-item-title");
    parent.keyboard().type("Rust thuis");
    assertThat(teacher.getByTestId("agenda-item-title")).hasValue("Rust thuis");
    assertThat(teacher.getByTestId("agenda-item-proposer")).containsText("Bram");

    tabTo(teacher, "next-phase");
    teacher.keyboard().press("Space");
    teacher.locator("[data-testid=phase-nav][data-meeting-phase=checkin]").waitFor();
    parent.locator("[data-testid=phase-nav][data-meeting-phase=checkin]").waitFor();
    // The keyboard lands on the step the meeting is now at (a screen reader says it is the current one).
    waitForFocus(teacher, "phase-tab-checkin");
    tabTo(teacher, "next-phase");
    assertThat(teacher.getByTestId("next-phase")).containsText("Goal");
    teacher.keyboard().press("Enter");
    parent.locator("[data-testid=phase-nav][data-meeting-phase=goal]").waitFor();
    waitForFocus(teacher, "phase-tab-goal");
  }

  private static String focused(Page page) {
    return (String) page.evaluate("() => document.activeElement?.dataset.testid ?? document.activeElement?.tagName");
  }

  private static void waitForFocus(Page page, String testId) {
    page.waitForFunction("id => document.activeElement?.dataset.testid === id", testId);
  }

  /** Tabs forward until the element is focused: it must be reachable by keyboard. */
  private static void tabTo(Page page, String testId) {
    for (int i = 0; i < MAX_TABS; i++) {
      if (testId.equals(focused(page))) {
        return;
      }
      page.keyboard().press("Tab");
    }
    fail(testId + " is not reachable with Tab; focus ended on " + focused(page));
  }
}
