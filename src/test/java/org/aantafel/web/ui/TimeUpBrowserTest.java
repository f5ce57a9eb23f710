package org.aantafel.web.ui;

import com.microsoft.playwright.Page;
import org.aantafel.testsupport.TestServer;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * An agenda point's timebox running out is announced on a participant's screen, not only shown on the projector. A
 * minute's timebox is too long to wait for: the participant's page runs on Playwright's clock, moved past the minute.
 */
class TimeUpBrowserTest extends LiveBoardTestBase {

  @Override
  String locale() {
    return "en-GB";
  }

  @Test
  void timeUpIsAnnouncedOnceWhenItPassesAndShownInWords() {
    TestServer.CreatedBoard board = server.createBoard("Time", "empty");
    Page teacher = join(board.link("facilitator"), "Anna", "teacher", 1280, 800);
    Page parentPage = newPage(360, 740);
    parentPage.clock().install(); // before navigation, as Playwright requires
    Page parent = join(parentPage, board.link("participant"), "Bram", "parent");

    parent.getByTestId("add-agenda-item").click();
    parent.keyboard().type("Rust thuis");
    assertThat(teacher.getByTestId("agenda-item-title")).hasValue("Rust thuis");
    moveMeetingTo(teacher, "agenda");
    teacher.getByTestId("agenda-item-toggle").first().click();
    teacher.getByTestId("agenda-item-timebox").first().fill("1");
    teacher.getByTestId("agenda-item-timebox").first().press("Tab");
    parent.waitForFunction("() => document.querySelector('[data-testid=agenda-item-timebox-summary]').value === '1'");
    teacher.getByTestId("timer-start").first().click();
    parent.locator("[data-testid=timer-display][data-running=true]").first().waitFor();
    assertThat(parent.getByTestId("timer-over")).hasCount(0);

    parent.clock().fastForward(61_000);

    assertThat(parent.getByTestId("announcer")).hasText("Time is up for: Rust thuis");
    assertThat(parent.getByTestId("timer-over").first()).hasText(Pattern.compile("^\\+0:\\d\\d over time$"));

    // Once: another minute over time says nothing new (the last announcement stays the facilitator's).
    teacher.getByTestId("agenda-item-make-current").click();
    assertThat(parent.getByTestId("announcer")).hasText("Anna: Now being discussed: Rust thuis");
    parent.clock().fastForward(60_000);
    assertThat(parent.getByTestId("timer-over").first()).hasText(Pattern.compile("^\\+1:\\d\\d over time$"));
    assertThat(parent.getByTestId("announcer")).hasText("Anna: Now being discussed: Rust thuis");
  }
}
