package org.aantafel.web.ui;

import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import org.aantafel.testsupport.Axe;
import org.aantafel.testsupport.BoardRows;
import org.aantafel.testsupport.TestServer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The facilitator deletes a closed meeting from the board after confirming; the parent's open page says so. */
class DeleteBoardBrowserTest extends LiveBoardTestBase {

  @Override
  String locale() {
    return "en-GB";
  }

  @Test
  void theFacilitatorDeletesAfterConfirmingAndEveryOpenPageShowsItIsGone() {
    TestServer.CreatedBoard board = server.createBoard("Gesprek over Sam", "empty");
    Page teacher = join(board.link("facilitator"), "Anna", "teacher", 1280, 900);
    Page parent = join(board.link("participant"), "Bram", "parent", 360, 740);
    moveMeetingTo(teacher, "closed");
    parent.getByTestId("meeting-closed").waitFor();
    assertEquals(0, parent.getByTestId("delete-board").count(), "only the facilitator can delete");

    teacher.getByTestId("delete-board").click();
    teacher.getByTestId("delete-dialog").waitFor();
    assertTrue(teacher.getByTestId("delete-dialog").innerText().contains("cannot be undone"));
    List<Rule> violations = Axe.violations(teacher);
    assertEquals(List.of(), violations.stream().map(Rule::getId).toList(), "the open dialog is accessible");
    teacher.keyboard().press("Escape");
    teacher.getByTestId("delete-dialog").waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
      .setState(com.microsoft.playwright.options.WaitForSelectorState.HIDDEN));
    assertTrue(BoardRows.total(server.dbUrl, board.id()) > 0, "Escape keeps the board");

    teacher.getByTestId("delete-board").click();
    teacher.getByTestId("delete-confirm").click();
    teacher.getByTestId("fatal-message").waitFor();
    assertTrue(teacher.getByTestId("fatal-message").innerText().contains("This board has been deleted"));
    parent.getByTestId("fatal-message").waitFor();
    assertTrue(parent.getByTestId("fatal-message").innerText().contains("This board has been deleted"));
    assertEquals(0L, BoardRows.total(server.dbUrl, board.id()));
  }
}
