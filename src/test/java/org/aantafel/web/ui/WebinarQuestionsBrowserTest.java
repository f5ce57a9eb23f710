package org.aantafel.web.ui;

import static org.aantafel.testsupport.Eventually.throughout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.aantafel.testsupport.TestServer;
import org.junit.jupiter.api.Test;

/** A webinar as in Slido: two listeners ask and vote, the host approves, answers one now and marks it answered. */
class WebinarQuestionsBrowserTest extends LiveBoardTestBase {

  private static final String FIRST = "Hoe laat begint het?";
  private static final String SECOND = "Is er opvang?";

  @Test
  void listenersAskAndVoteTheHostModeratesAndTheBigScreenShowsTheQuestionBeingAnswered() {
    TestServer.CreatedBoard board = server.createBoard("Ouderavond online", "webinar");
    Page host = join(board.link("facilitator"), "Meneer Jansen", "teacher", 1280, 900);
    host.getByTestId("questions-need-approval").check();

    Page anna = join(board.link("participant"), "Anna", "parent", 1280, 900);
    Page bram = newPage(1280, 900);
    StringBuffer bramReceived = new StringBuffer();
    bram.onWebSocket(socket -> socket.onFrameReceived(frame -> bramReceived.append(frame.text())));
    join(bram, board.link("participant"), "Bram", "parent");
    // Listeners listen: no agenda editing, no balance between family, school and care.
    assertEquals(0, anna.getByTestId("add-agenda-item").count());
    assertEquals(0, anna.getByTestId("agenda-item-remove").count());
    assertEquals(0, anna.getByTestId("agenda-item-up").count());
    assertEquals(0, anna.locator("aan-balance-strip").count());

    String first = ask(anna, FIRST);
    anna.locator(row(first) + " [data-testid=question-pending]").waitFor();
    String second = ask(bram, SECOND);
    host.locator(row(second)).waitFor();
    throughout(() -> {
      assertEquals(0, bram.locator(row(first)).count(), "an unapproved question is shown to its asker and the host");
      assertFalse(bramReceived.toString().contains(FIRST), "and its text never reached another listener's browser");
    });

    host.locator(row(first) + " [data-testid=question-approve]").click();
    host.locator(row(second) + " [data-testid=question-approve]").click();
    bram.locator(row(first)).waitFor();
    // Someone else's question can be voted for, not reworded or withdrawn.
    assertEquals(0, bram.locator(row(first) + " textarea").count());
    assertEquals(0, bram.locator(row(first) + " [data-testid=question-withdraw]").count());

    anna.locator(row(first) + " [data-testid=question-vote]").click();
    bram.locator(row(first) + " [data-testid=question-vote]").click();
    bram.locator(row(second) + " [data-testid=question-vote]").click();
    host.locator(row(first) + "[data-votes='2']").waitFor();
    host.locator(row(second) + "[data-votes='1']").waitFor();
    bram.locator(row(second) + " [data-testid=question-vote]").click();
    host.locator(row(second) + "[data-votes='0']").waitFor();
    bram.locator(row(second) + " [data-testid=question-vote]").click();
    host.locator(row(second) + "[data-votes='1']").waitFor();

    Locator rows = host.locator("[data-testid=question-list] [data-testid=question-row]");
    assertEquals(first, rows.first().getAttribute("data-id"), "most votes first");
    host.getByTestId("questions-sort-newest").click();
    host.locator("[data-testid=question-list] [data-testid=question-row]").first()
        .and(host.locator(row(second))).waitFor();
    host.getByTestId("questions-sort-votes").click();

    Page projector = newPage(1920, 1080);
    projector.navigate(board.link("projector"));
    projector.getByTestId("projector-phase").waitFor();
    host.locator(row(first) + " [data-testid=question-answer-now]").click();
    Locator large = projector.getByTestId("projector-current-question-text");
    large.waitFor();
    assertEquals(FIRST, large.textContent().trim());
    anna.locator(row(first) + "[data-current=true] [data-testid=question-current-badge]").waitFor();

    host.locator(row(first) + " [data-testid=question-answered]").check();
    bram.locator(row(first) + "[data-answered=true] [data-testid=question-answered-badge]").waitFor();
    projector.getByTestId("projector-current-question").waitFor(
        new Locator.WaitForOptions().setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
    assertEquals(second, bram.locator("[data-testid=question-list] [data-testid=question-row]").first()
        .getAttribute("data-id"), "answered questions go last");

    host.locator(row(second) + " [data-testid=question-hide]").click();
    anna.locator(row(second)).waitFor(new Locator.WaitForOptions()
        .setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
    bram.locator(row(second) + " [data-testid=question-hidden]").waitFor();
    host.locator(row(second) + " [data-testid=question-approve]").click();
    anna.locator(row(second)).waitFor();
    assertEquals(0, pageErrors.size(), "hiding and approving again applied without errors: " + pageErrors);
  }

  private static String row(String id) {
    return "[data-testid=question-row][data-id='" + id + "']";
  }

  private static String ask(Page page, String text) {
    int before = page.locator("[data-testid=question-row]").count();
    page.getByTestId("add-question").click();
    Locator mine = page.locator("[data-testid=question-row]").nth(before);
    mine.locator("textarea[data-testid=question-text]").fill(text);
    page.evaluate("() => document.activeElement?.blur()");
    return mine.getAttribute("data-id");
  }
}
