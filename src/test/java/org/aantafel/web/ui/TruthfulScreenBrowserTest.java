package org.aantafel.web.ui;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.WebSocketRoute;
import org.aantafel.testsupport.TestServer.CreatedBoard;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nothing typed is lost when the meeting moves on, and the screen tells the truth about whether edits arrived.
 */
class TruthfulScreenBrowserTest extends LiveBoardTestBase {

  @Override
  String locale() {
    return "en-GB";
  }

  @Test
  void whatAParentIsTypingStaysWhenTheFacilitatorMovesTheMeetingOn() {
    CreatedBoard board = server.createBoard("Moving on");
    Page teacher = join(board.link("facilitator"), "Bram", "teacher", 1280, 800);
    moveMeetingTo(teacher, "checkin");
    Page parent = join(board.link("participant"), "Anna", "parent", 360, 740);
    parent.getByTestId("phase-checkin").waitFor();
    parent.getByTestId("add-checkin").click();
    parent.keyboard().type("Ik ben half");

    teacher.getByTestId("next-phase").click();
    teacher.locator("[data-testid=phase-nav][data-meeting-phase=goal]").waitFor();
    parent.locator("[data-testid=phase-nav][data-meeting-phase=goal]").waitFor();

    Locator notice = parent.locator("[data-testid=looking-around][data-moved-on=true]");
    assertThat(notice).containsText("moved on");
    Locator field = parent.getByTestId("checkin-text");
    assertThat(field).isFocused();
    parent.keyboard().type("way through my sentence");
    assertThat(field).hasValue("Ik ben halfway through my sentence");
    parent.locator("[data-testid=connection-status][data-saving=saved]").waitFor();
    teacher.getByTestId("phase-tab-checkin").click();
    assertThat(teacher.getByTestId("checkin-text")).hasValue("Ik ben halfway through my sentence");

    // Leaving the field, she follows the meeting again.
    parent.keyboard().press("Tab");
    parent.getByTestId("phase-goal").waitFor();
    assertEquals(0, parent.locator("[data-testid=looking-around]").count());
  }

  @Test
  void aSilentConnectionIsShownAsWaitingAndEverythingIsSavedOnceItIsBack() {
    CreatedBoard board = server.createBoard("Between masts");
    Page teacher = join(board.link("facilitator"), "Bram", "teacher", 1280, 800);
    moveMeetingTo(teacher, "goal");
    Page parent = newPage(360, 740);
    AtomicBoolean silent = new AtomicBoolean(false);
    // Frames are carried between page and server only while the network "works"; a socket that opens while it does
    // not is left silent too, as a phone between masts would see it.
    parent.routeWebSocket(Pattern.compile(".*/eventbus/.*"), page -> {
      WebSocketRoute server = page.connectToServer();
      page.onMessage(frame -> {
        if (!silent.get()) {
          server.send(frame.text());
        }
      });
      server.onMessage(frame -> {
        if (!silent.get()) {
          page.send(frame.text());
        }
      });
    });
    join(parent, board.link("participant"), "Anna", "parent");
    parent.getByTestId("phase-goal").waitFor();
    Locator status = parent.getByTestId("connection-status");
    parent.getByTestId("goal").click();
    parent.keyboard().type("Sam ");
    parent.locator("[data-testid=connection-status][data-saving=saved]").waitFor();
    assertThat(parent.getByTestId("connection-text")).hasText("All saved");

    silent.set(true);
    parent.keyboard().type("sleeps well");
    parent.locator("[data-testid=connection-status][data-saving=waiting]").waitFor();
    assertThat(parent.getByTestId("connection-text")).containsText("No connection");
    assertTrue(Integer.parseInt(status.getAttribute("data-unsaved")) > 0, "the waiting changes are counted");

    silent.set(false);
    parent.locator("[data-testid=connection-status][data-saving=saved]")
      .waitFor(new Locator.WaitForOptions().setTimeout(45_000));
    assertThat(parent.getByTestId("connection-text")).hasText("All saved");
    assertThat(teacher.getByTestId("goal")).hasValue("Sam sleeps well");
  }
}
