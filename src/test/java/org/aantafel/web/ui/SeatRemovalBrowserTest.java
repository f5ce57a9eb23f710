package org.aantafel.web.ui;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.aantafel.testsupport.Axe;
import org.aantafel.testsupport.TestServer.CreatedBoard;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 17 point 5 on the facilitator's page: who has a seat, and taking one back by keyboard after a confirm step.
 * The person's seat leaves the table; everyone else stays.
 */
class SeatRemovalBrowserTest extends LiveBoardTestBase {

  @Test
  void theFacilitatorTakesASeatBackByKeyboardAfterConfirming() {
    CreatedBoard board = server.createBoard("Driehoeksgesprek Sam");
    Page teacher = join(board.link("facilitator"), "Bram", "teacher", 1280, 900);
    Page mother = join(board.link("participant"), "Mia", "parent", 1280, 800);
    Page intruder = join(board.link("participant"), "Mallory", "other", 1280, 800);
    String mallory = intruder.getByTestId("presence-person").filter(hasText("Mallory")).first()
      .getAttribute("data-participant-id");
    String mia = mother.getByTestId("presence-person").filter(hasText("Mia")).first()
      .getAttribute("data-participant-id");

    Locator holders = teacher.getByTestId("seat-holders");
    Locator malloryRow = holders.locator("[data-testid=seat-holder][data-participant-id=" + mallory + "]");
    malloryRow.waitFor();
    assertEquals(0, holders.getByText("Bram").count(), "the facilitator does not remove themself");
    assertEquals(0, mother.getByTestId("seat-holders").count(), "only the facilitator sees the list");

    malloryRow.getByTestId("seat-remove").focus();
    teacher.keyboard().press("Enter");
    Locator dialog = teacher.getByTestId("seat-dialog");
    assertThat(dialog).isVisible();
    assertThat(dialog).containsText("Mallory");
    assertThat(teacher.getByTestId("seat-cancel")).isFocused();
    assertEquals(List.of(), Axe.violations(teacher).stream().map(rule -> rule.getId()).toList(), "WCAG 2.2 AA");
    teacher.keyboard().press("Escape");
    assertThat(dialog).not().isVisible();
    assertThat(malloryRow).isVisible();

    malloryRow.getByTestId("seat-remove").focus();
    teacher.keyboard().press("Enter");
    teacher.keyboard().press("Tab");
    assertThat(teacher.getByTestId("seat-confirm")).isFocused();
    teacher.keyboard().press("Enter");

    assertThat(malloryRow).hasCount(0);
    assertThat(teacher.locator("[data-testid=presence-person][data-participant-id=" + mallory + "]")).hasCount(0);
    assertThat(teacher.locator("[data-testid=presence-person][data-participant-id=" + mia + "]")).hasCount(1);
    assertThat(holders.locator("[data-testid=seat-holder][data-participant-id=" + mia + "]")).hasCount(1);
    assertThat(intruder.getByTestId("fatal-message")).containsText("plek");
    assertEquals(null, intruder.evaluate("id => localStorage.getItem('aantafel.seat.' + id)", board.id()),
      "the removed person's page forgets the seat and does not come back as someone new by itself");
  }

  private static Locator.FilterOptions hasText(String text) {
    return new Locator.FilterOptions().setHasText(text);
  }
}
