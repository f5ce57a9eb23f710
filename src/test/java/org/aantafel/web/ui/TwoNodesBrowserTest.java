package org.aantafel.web.ui;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.aantafel.testsupport.BoardPages;
import org.aantafel.testsupport.Browsers;
import org.aantafel.testsupport.TestCluster;
import org.aantafel.testsupport.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.aantafel.testsupport.BoardPages.waitConnected;
import static org.aantafel.testsupport.BoardPages.waitForValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** One meeting through two servers of a cluster: the teacher's page on one, the parent's phone on the other. */
class TwoNodesBrowserTest {
  private static Browsers browsers;
  private static TestCluster cluster;
  private static List<TestServer> nodes;

  @BeforeAll
  static void start() {
    browsers = Browsers.shared();
    cluster = TestCluster.of(2);
    nodes = cluster.startNodes(0, 1).stream().map(TestCluster.Node::server).toList();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (cluster != null) {
      cluster.close();
    }
    if (browsers != null) {
      browsers.closeContexts(); // the browser itself is shared by the next classes
    }
  }

  @Test
  void aTeacherOnOneServerAndAParentOnAnotherTypeIntoOneBoard() {
    TestServer.CreatedBoard board = nodes.get(0).createBoard("Twee servers");
    try (BoardPages pages = new BoardPages(browsers.browser())) {
      Page teacher = pages.join(board.link("facilitator"), "Anna", "teacher", 1280, 800);
      String onSecondNode = board.link("participant").replace(":" + nodes.get(0).port() + "/",
        ":" + nodes.get(1).port() + "/");
      Page parent = pages.join(onSecondNode, "Bram", "parent", 360, 740);
      teacher.getByTestId("presence-person").filter(new Locator.FilterOptions().setHasText("Bram")).first().waitFor();

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
      waitConnected(teacher);
      assertEquals(List.of(), pages.pageErrors, "script errors on the pages");
    }
  }
}
