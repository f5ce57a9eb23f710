package org.aantafel.web.ui;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Media;
import org.aantafel.record.PdfText;
import org.aantafel.testsupport.TestServer;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The facilitator closes the meeting on the board; the parent reads the record on a phone and takes the PDF home. */
class RecordBrowserTest extends LiveBoardTestBase {
  private static final String GOAL = "Zoë gaat met plezier naar school <script>alert(1)</script>";

  @Test
  void closeOnTheBoardThenReadAndDownloadTheRecordOnAPhone() throws Exception {
    TestServer.CreatedBoard board = server.createBoard("Gesprek over Zoë", "empty");
    Page teacher = join(board.link("facilitator"), "Anna", "teacher", 1280, 800);
    Page parent = join(board.link("participant"), "José", "parent", 360, 740);
    moveMeetingTo(teacher, "goal");
    teacher.getByTestId("goal").click();
    teacher.keyboard().type(GOAL);
    parent.waitForFunction("want => document.querySelector('[data-testid=goal]')?.value === want", GOAL);

    moveMeetingTo(teacher, "closed");
    parent.getByTestId("meeting-closed").waitFor();

    assertTrue(parent.getByTestId("record-closed-1").innerText().endsWith("door Anna"),
      "each version says when and by whom it was closed: " + parent.getByTestId("record-closed-1").innerText());
    parent.getByTestId("record-read-1").click();
    parent.waitForFunction("() => document.body?.innerText.includes('Zoë gaat met plezier') === true");
    assertTrue(parent.locator("body").innerText().contains("<script>alert(1)</script>"), "typed HTML shows as text");
    assertEquals(0, parent.locator("script").count(), "the record page runs nothing");
    parent.getByTestId("record-series-page").waitFor();
    parent.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
    assertFalse(parent.getByTestId("record-series-page").isVisible(), "printed, the record has no links");
    String printed = PdfText.text(parent.pdf()).replaceAll("\\s", "");
    assertTrue(printed.contains("Zoëgaatmetplezier"), "the browser prints the record with its goal");
    parent.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));

    parent.goBack();
    Download download = parent.waitForDownload(() -> parent.getByTestId("record-pdf-1").click());
    byte[] pdf = Files.readAllBytes(download.path());
    String text = PdfText.text(pdf).replaceAll("\\s", "");
    assertTrue(text.contains("Zoëgaatmetplezier"), "the goal with its accent is in the PDF");
    assertTrue(text.contains("José"), "the participants are in the PDF");
  }
}
