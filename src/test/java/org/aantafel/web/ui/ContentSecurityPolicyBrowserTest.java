package org.aantafel.web.ui;

import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;
import org.aantafel.testsupport.TestServer.CreatedBoard;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.aantafel.testsupport.BusClient.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every page works under the Content-Security-Policy: nothing it needs is blocked (the import map, lit, SockJS's
 * websocket, the QR code, the record page's stylesheet), and nothing it does is refused.
 */
class ContentSecurityPolicyBrowserTest extends LiveBoardTestBase {
  private final List<String> violations = new CopyOnWriteArrayList<>();
  private final List<Page> watched = new CopyOnWriteArrayList<>();

  /** A page that reports every console error and every securitypolicyviolation event. */
  private Page watchedPage(int width, int height) {
    Page page = newPage(width, height);
    page.onConsoleMessage(message -> {
      if (message.type().equals("error") || message.text().contains("Content Security Policy")) {
        violations.add(page.url() + ": " + message.text());
      }
    });
    page.addInitScript("addEventListener('securitypolicyviolation', e => console.error("
      + "'securitypolicyviolation ' + e.violatedDirective + ' ' + e.blockedURI));");
    watched.add(page);
    return page;
  }

  /**
   * Violations are reported as events after the work that caused them: once each page has painted twice more and
   * its console message after that has arrived, every report before it has arrived too (console messages keep order).
   */
  private void awaitPendingReports() {
    for (Page page : watched) {
      page.waitForConsoleMessage(new Page.WaitForConsoleMessageOptions().setPredicate(m -> m.text().equals("flushed")),
        () -> page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => {"
          + " console.log('flushed'); done(); })))"));
    }
  }

  @Test
  void startBoardRecordAndSeriesPagesRunWithoutViolations() {
    Page start = watchedPage(1280, 800);
    start.navigate(server.baseUrl() + "/");
    start.getByTestId("create-board").waitFor();

    CreatedBoard board = server.createBoard("Zorgoverleg Sam", "zorgoverleg");
    Page facilitator = join(watchedPage(1280, 800), board.link("facilitator"), "Anna", "teacher");
    facilitator.getByTestId("balance-strip").waitFor();
    facilitator.waitForFunction("() => [...document.querySelectorAll('[data-testid=balance-strip] .balance-bar span')]"
      + ".some(span => span.style.flexGrow !== '')");
    Page projector = watchedPage(1280, 800);
    projector.navigate(board.link("projector"));
    projector.locator("aan-join-qr svg").waitFor();

    assertEquals(200, await(server.http().post(server.port(), "localhost", "/api/boards/" + board.id() + "/close")
      .putHeader("Authorization", "Bearer " + board.token("facilitator")).sendJsonObject(new JsonObject()))
      .statusCode());
    Page record = watchedPage(360, 740);
    record.navigate(server.baseUrl() + "/b/" + board.id() + "/record/1#" + board.token("viewer"));
    record.getByTestId("record-series-page").waitFor();
    assertEquals("736px", record.evaluate("() => getComputedStyle(document.querySelector('main')).maxWidth"),
      "the record's own stylesheet applies (46em)");

    Page series = watchedPage(1280, 800);
    series.navigate(server.baseUrl() + "/b/" + board.id() + "/series#" + board.token("viewer"));
    series.getByTestId("series-meeting").first().waitFor();

    awaitPendingReports();
    assertEquals(List.of(), violations);
  }
}
