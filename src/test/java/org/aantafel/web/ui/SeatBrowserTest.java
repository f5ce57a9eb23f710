package org.aantafel.web.ui;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.aantafel.testsupport.TestServer.CreatedBoard;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One person, one seat, in a real browser: a mother on her phone stays herself across a reload and on her laptop
 * through her own "continue on another device" link, and another parent with the same participant link cannot write
 * in her name.
 */
class SeatBrowserTest extends LiveBoardTestBase {

  @Test
  void aParentStaysHerselfAcrossAReloadAndAnotherDeviceAndNobodyElseEditsHerCheckin() {
    CreatedBoard board = server.createBoard("Driehoeksgesprek Sam");
    Page teacher = join(board.link("facilitator"), "Bram", "teacher", 1280, 800);
    moveMeetingTo(teacher, "checkin");

    Page phone = join(board.link("participant"), "Anna", "parent", 360, 740);
    phone.getByTestId("phase-checkin").waitFor();
    phone.getByTestId("add-checkin").click();
    phone.keyboard().type("Ik ben benieuwd");
    allSaved(phone);
    String anna = participantId(phone, "Anna");

    phone.reload();
    phone.locator("[data-testid=connection-status][data-state=connected]").waitFor();
    assertEquals(0, phone.getByTestId("join-form").count(), "she is not asked who she is again");
    assertEquals(anna, participantId(phone, "Anna"), "the same person after a reload");
    Locator ownCheckin = phone.locator("[data-testid=checkin-card][data-participant-id=" + anna + "] textarea");
    assertThat(ownCheckin).isEditable();
    assertEquals(1, phone.getByTestId("presence-person").filter(hasText("Anna")).count());

    phone.getByTestId("continue-toggle").click();
    String personal = phone.getByTestId("continue-elsewhere").getByTestId("link-url").inputValue();
    assertTrue(personal.contains("~"), personal);
    phone.getByTestId("continue-qr").locator("svg").waitFor();

    Page laptop = newPage(1280, 800);
    laptop.navigate(personal);
    laptop.locator("[data-testid=connection-status][data-state=connected]").waitFor();
    assertEquals(0, laptop.getByTestId("join-form").count(), "the personal link says who she is");
    assertFalse(laptop.url().contains("~"), "the seat leaves the address bar once the browser keeps it");
    Locator onLaptop = laptop.locator("[data-testid=checkin-card][data-participant-id=" + anna + "] textarea");
    assertThat(onLaptop).isEditable();
    onLaptop.click();
    laptop.keyboard().press("End");
    laptop.keyboard().type(", ook op de laptop");
    allSaved(laptop);
    assertThat(ownCheckin).hasValue("Ik ben benieuwd, ook op de laptop");
    assertEquals(1, teacher.getByTestId("presence-person").filter(hasText("Anna")).count(),
      "one Anna at the table, on two devices");

    Page otherParent = join(board.link("participant"), "Anna", "parent", 360, 740);
    String other = otherParent.getByTestId("presence-person").filter(hasText("(")).getAttribute("data-participant-id");
    assertNotEquals(anna, other, "the same link and the same name make another person");
    assertEquals(0, otherParent.locator("[data-testid=checkin-card][data-participant-id=" + anna + "] textarea").count(),
      "another person's check-in is text to read, not a field");
    assertEquals(0, otherParent.getByTestId("continue-elsewhere").getByTestId("link-url").count(),
      "nobody sees another person's personal link");
  }

  private static Locator.FilterOptions hasText(String text) {
    return new Locator.FilterOptions().setHasText(text);
  }

  private static String participantId(Page page, String name) {
    return page.getByTestId("presence-person").filter(hasText(name)).first().getAttribute("data-participant-id");
  }

  private static void allSaved(Page page) {
    page.locator("[data-testid=connection-status][data-state=connected][data-unsaved='0']").waitFor();
  }
}
