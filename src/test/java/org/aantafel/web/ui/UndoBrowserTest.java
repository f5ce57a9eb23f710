package org.aantafel.web.ui;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.aantafel.testsupport.TestServer.CreatedBoard;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mistakes can be undone, and what is someone's stays theirs: removing shows "undo", a removed item can be brought
 * back by who removed it or the facilitator, an agenda item is renamed or removed by its proposer (the template's by
 * the facilitator), the meeting's title is the facilitator's, an item names who last changed it, and closing asks
 * first.
 */
class UndoBrowserTest extends LiveBoardTestBase {

  @Override
  String locale() {
    return "en-GB";
  }

  private static void openDetails(Locator row) {
    if (!"true".equals(row.getByTestId("agenda-item-toggle").getAttribute("aria-expanded"))) {
      row.getByTestId("agenda-item-toggle").click();
    }
    row.getByTestId("agenda-item-detail").waitFor();
  }

  private static boolean textOnly(Locator field) {
    return (Boolean) field.evaluate("e => !e.matches('input, textarea, select')");
  }

  @Test
  void removingIsUndoneAndOnlyTheRightPeopleRenameRemoveOrBringBack() {
    CreatedBoard board = server.createBoard("Driehoeksgesprek Sam", "driehoeksgesprek");
    Page teacher = join(board.link("facilitator"), "Bram", "teacher", 1280, 800);
    Page mother = join(board.link("participant"), "Anna", "parent", 360, 740);
    Page father = join(board.link("participant"), "Kees", "parent", 360, 740);

    assertTrue(textOnly(mother.getByTestId("board-title")), "the meeting's title is the facilitator's");
    Locator motherRows = mother.getByTestId("agenda-item");
    Locator templateItem = motherRows.first();
    assertTrue(textOnly(templateItem.getByTestId("agenda-item-title")), "the template's items are the chair's");
    openDetails(templateItem);
    assertEquals(0, templateItem.getByTestId("agenda-item-remove").count());

    int before = motherRows.count();
    mother.getByTestId("add-agenda-item").click();
    mother.keyboard().type("Huiswerk");
    father.getByTestId("agenda-item").nth(before).waitFor();
    Locator onFathersPage = father.getByTestId("agenda-item").nth(before);
    assertThat(onFathersPage.getByTestId("agenda-item-title")).hasText("Huiswerk");
    assertTrue(textOnly(onFathersPage.getByTestId("agenda-item-title")), "another parent's item is theirs");
    openDetails(onFathersPage);
    assertEquals(0, onFathersPage.getByTestId("agenda-item-remove").count());

    Locator ownRow = mother.getByTestId("agenda-item").nth(before);
    openDetails(ownRow);
    ownRow.getByTestId("agenda-item-remove").click();
    assertThat(father.getByTestId("agenda-item")).hasCount(before);
    assertThat(mother.getByTestId("undo-bar")).containsText("Huiswerk");
    mother.getByTestId("undo-remove").click();
    assertThat(father.getByTestId("agenda-item")).hasCount(before + 1);

    openDetails(ownRow);
    ownRow.getByTestId("agenda-item-remove").click();
    assertThat(teacher.getByTestId("agenda-item")).hasCount(before);
    teacher.locator("[data-testid=removed-agendaItem] summary").click();
    Locator removed = teacher.getByTestId("removed-item");
    assertThat(removed).containsText("Huiswerk");
    assertThat(removed).containsText("removed by Anna");
    father.locator("[data-testid=removed-agendaItem] summary").click();
    assertEquals(0, father.getByTestId("restore-item").count(), "only who removed it, or the facilitator");
    teacher.getByTestId("restore-item").click();
    assertThat(mother.getByTestId("agenda-item")).hasCount(before + 1);

    moveMeetingTo(teacher, "agreements");
    father.getByTestId("phase-agreements").waitFor();
    father.getByTestId("add-agreement-agree").click();
    father.keyboard().type("Sam leest thuis");
    Locator agreementOnMother = mother.getByTestId("agreement-row").first();
    agreementOnMother.getByTestId("agreement-text").waitFor();
    assertThat(agreementOnMother.getByTestId("changed-by")).hasText("last changed by Kees");
    agreementOnMother.getByTestId("agreement-text").click();
    mother.keyboard().press("End");
    mother.keyboard().type(" elke dag");
    assertThat(teacher.getByTestId("agreement-row").first().getByTestId("changed-by"))
      .hasText("last changed by Anna");

    teacher.getByTestId("phase-tab-closed").click();
    teacher.getByTestId("move-meeting-here").click();
    teacher.locator("[data-testid=phase-nav][data-meeting-phase=closed]").waitFor();
    assertEquals(1, confirmations.size(), "closing asked first");
    assertTrue(confirmations.get(0).contains("Close the meeting?"), confirmations.get(0));
  }
}
