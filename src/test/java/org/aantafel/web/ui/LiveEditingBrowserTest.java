package org.aantafel.web.ui;

import com.microsoft.playwright.Page;
import io.vertx.core.Vertx;
import org.aantafel.testsupport.BoardPages;
import org.aantafel.testsupport.Browsers;
import org.aantafel.testsupport.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.aantafel.testsupport.BoardPages.value;
import static org.aantafel.testsupport.BoardPages.waitConnected;
import static org.aantafel.testsupport.BoardPages.waitForValue;
import static org.aantafel.testsupport.BusClient.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two people typing at the same moment, and a whole server going away under a page that keeps typing. */
class LiveEditingBrowserTest {
  private static Browsers browsers;
  private static Vertx vertx;
  private static TestServer server;
  private BoardPages pages;

  @BeforeAll
  static void start() {
    browsers = Browsers.shared();
    vertx = Vertx.vertx();
    server = TestServer.start(vertx);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
      await(vertx.close());
    }
    if (browsers != null) {
      browsers.closeContexts(); // the browser itself is shared by the next classes
    }
  }

  @BeforeEach
  void openPages() {
    pages = new BoardPages(browsers.browser());
  }

  @AfterEach
  void closePages() {
    pages.close();
    assertEquals(List.of(), pages.pageErrors, "script errors on the pages");
  }

  @Test
  void twoPeopleTypingIntoTheGoalAtTheSameMomentBothKeepTheirWords() {
    TestServer.CreatedBoard board = server.createBoard("Samen typen");
    Page teacher = pages.join(board.link("facilitator"), "Anna", "teacher", 1280, 800);
    Page parent = pages.join(board.link("participant"), "Bram", "parent", 360, 740);
    LiveBoardTestBase.moveMeetingTo(teacher, "goal");
    parent.getByTestId("phase-goal").waitFor();
    teacher.getByTestId("goal").click();
    teacher.keyboard().type("--");
    waitForValue(parent, "goal", "--");
    parent.getByTestId("goal").click();
    parent.keyboard().press("Home");

    // Keystrokes alternate without waiting for each other: every one is made before the other's previous one
    // could have arrived, so both streams of edits are concurrent all the way.
    String teacherWords = "leerkracht zegt ja";
    String parentWords = "ouder zegt ook ja";
    for (int i = 0; i < Math.max(teacherWords.length(), parentWords.length()); i++) {
      if (i < teacherWords.length()) {
        teacher.keyboard().type(String.valueOf(teacherWords.charAt(i)));
      }
      if (i < parentWords.length()) {
        parent.keyboard().type(String.valueOf(parentWords.charAt(i)));
      }
    }
    waitConnected(teacher);
    waitConnected(parent);
    String expected = parentWords + "--" + teacherWords;
    waitForValue(teacher, "goal", expected);
    waitForValue(parent, "goal", expected);
  }

  @Test
  void withoutWebsocketsTheFallbackTransportsCarryTheSameLiveEdits() {
    TestServer.CreatedBoard board = server.createBoard("Zonder websocket");
    Page teacher = pages.join(board.link("facilitator"), "Anna", "teacher", 1280, 800, "xhr-streaming");
    Page parent = pages.join(board.link("participant"), "Bram", "parent", 360, 740, "xhr-polling");
    assertEquals("xhr-streaming", transportOf(teacher));
    assertEquals("xhr-polling", transportOf(parent));
    LiveBoardTestBase.moveMeetingTo(teacher, "goal");
    parent.getByTestId("phase-goal").waitFor();
    teacher.getByTestId("goal").click();
    teacher.keyboard().type("samen ");
    waitForValue(parent, "goal", "samen ");
    parent.getByTestId("goal").click();
    parent.keyboard().press("End");
    parent.keyboard().type("verder");
    waitForValue(teacher, "goal", "samen verder");
    waitConnected(parent);
  }

  private static String transportOf(Page page) {
    return (String) page.evaluate("() => document.querySelector('aan-board-page').client.bus.socket.transport");
  }

  @Test
  void aPageKeepsItsEditsWhileTheServerIsDownAndSavesThemWhenItIsBack() {
    TestServer.CreatedBoard board = server.createBoard("Verbinding weg");
    Page teacher = pages.join(board.link("facilitator"), "Anna", "teacher", 1280, 800);
    Page parent = pages.join(board.link("participant"), "Bram", "parent", 360, 740);

    server.stop();
    parent.locator("[data-testid=connection-status]:not([data-state=connected])").waitFor();
    // Looking at another phase needs no server.
    parent.getByTestId("phase-tab-goal").click();
    parent.getByTestId("goal").click();
    parent.keyboard().type("Bram is er straks weer");
    parent.getByTestId("phase-tab-prepare").click();
    parent.getByTestId("add-agenda-item").click();
    parent.keyboard().type("Vervoer");
    assertTrue(Integer.parseInt(parent.getByTestId("connection-status").getAttribute("data-unsaved")) > 0);

    server.start();
    waitConnected(parent);
    teacher.getByTestId("phase-tab-goal").click();
    waitForValue(teacher, "goal", "Bram is er straks weer");
    teacher.getByTestId("phase-tab-prepare").click();
    teacher.waitForFunction("() => [...document.querySelectorAll('[data-testid=agenda-item-title]')]"
      .concat(".some(i => i.value === 'Vervoer')"));
    // And it was really stored: a page opened now, after all that, sees the same.
    Page late = pages.open(board.link("viewer"), 360, 740);
    waitConnected(late);
    late.getByTestId("phase-tab-goal").click();
    assertEquals("Bram is er straks weer", value(late, "goal"));
  }
}
