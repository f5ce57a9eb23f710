package org.aantafel.web.ui;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.aantafel.testsupport.Axe;
import org.aantafel.testsupport.TestServer.CreatedBoard;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.aantafel.testsupport.Eventually.throughout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17 point 4, seat fixation: a mother who opens an attacker's personal link in the browser where she already
 * sits at the board is asked which place to use. Keeping her own (by keyboard) leaves her herself and the attacker
 * unrenamed; choosing the link's person on purpose still works.
 */
class SeatFixationBrowserTest extends LiveBoardTestBase {

  @Test
  void aPersonalLinkNeverSilentlyReplacesTheSeatThisBrowserHolds() {
    CreatedBoard board = server.createBoard("Driehoeksgesprek Sam");
    Page teacher = join(board.link("facilitator"), "Bram", "teacher", 1280, 800);
    Page mother = join(board.link("participant"), "Mia", "parent", 1280, 800);
    String mia = participantId(mother, "Mia");
    Page attacker = join(board.link("participant"), "Mallory", "other", 1280, 800);
    String mallory = participantId(attacker, "Mallory");
    // The personal link is offered once the page shows the seat this browser keeps.
    attacker.reload();
    attacker.locator("[data-testid=connection-status][data-state=connected]").waitFor();
    attacker.getByTestId("continue-toggle").click();
    String personal = attacker.getByTestId("continue-elsewhere").getByTestId("link-url").inputValue();
    assertTrue(personal.contains("~"), personal);

    mother.navigate("about:blank");
    mother.navigate(personal);
    Locator choice = mother.getByTestId("seat-choice");
    choice.waitFor();
    assertTrue(choice.innerText().contains("Mia"), "she is told who she is here: " + choice.innerText());
    throughout(() -> assertEquals(0, mother.locator("[data-testid=connection-status][data-state=connected]").count(),
      "nothing is joined before she chooses"));
    assertEquals(false, mother.url().contains("~"), "the other seat is out of the address bar at once");
    assertEquals(List.of(), Axe.violations(mother).stream().map(rule -> rule.getId()).toList(), "WCAG 2.2 AA");
    // By keyboard: the question has the focus, the first button keeps her own place.
    mother.keyboard().press("Tab");
    assertThat(mother.getByTestId("seat-keep")).isFocused();
    mother.keyboard().press("Enter");
    mother.locator("[data-testid=connection-status][data-state=connected]").waitFor();
    assertEquals(mia, participantId(mother, "Mia"), "she is still herself");
    Locator malloryAtTable = teacher.locator("[data-testid=presence-person][data-participant-id=" + mallory + "]");
    assertThat(malloryAtTable).containsText("Mallory");
    assertThat(malloryAtTable).not().containsText("Mia");
    assertEquals(mallory, participantId(teacher, "Mallory"), "the link's person keeps their own name");

    mother.navigate("about:blank");
    mother.navigate(personal);
    mother.getByTestId("seat-switch").click();
    mother.locator("[data-testid=connection-status][data-state=connected]").waitFor();
    assertEquals(0, mother.getByTestId("join-form").count(), "the person of the link needs no name");
    assertEquals(mallory, participantId(mother, "Mallory"), "chosen on purpose, the link's person it is");
    assertEquals(mia, participantId(teacher, "Mia"), "and Mia is still at the table under her own name");
  }

  private static Locator.FilterOptions hasText(String text) {
    return new Locator.FilterOptions().setHasText(text);
  }

  private static String participantId(Page page, String name) {
    Locator person = page.getByTestId("presence-person").filter(hasText(name)).first();
    person.waitFor();
    return person.getAttribute("data-participant-id");
  }
}
