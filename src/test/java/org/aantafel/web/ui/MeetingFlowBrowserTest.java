package org.aantafel.web.ui;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.vertx.core.Vertx;
import org.aantafel.testsupport.Browsers;
import org.aantafel.testsupport.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The meeting's own behaviour as two people see it: the balance strip and its prompt, late items after the freeze,
 * following the facilitator's phase and looking around, the current item, and a timer that survives a reload.
 */
class MeetingFlowBrowserTest {

  private static Vertx vertx;
  private static TestServer server;
  private static Browsers browsers;
  private static Browser browser;

  private final List<BrowserContext> contexts = new ArrayList<>();
  private final List<String> pageErrors = new ArrayList<>();

  @BeforeAll
  static void startServerAndBrowser() {
    browsers = Browsers.launch();
    browser = browsers.browser();
    vertx = Vertx.vertx();
    server = TestServer.start(vertx);
  }

  @AfterAll
  static void stopAll() {
    if (server != null) {
      server.close();
      vertx.close();
    }
    if (browsers != null) {
      browsers.close();
    }
  }

  @AfterEach
  void closeContexts() {
    contexts.forEach(BrowserContext::close);
    contexts.clear();
    assertEquals(List.of(), pageErrors, "script errors on the pages");
  }

  @Test
  void prepareFollowAndTimeTheAgenda() {
    TestServer.CreatedBoard board = server.createBoard("Flow", "empty");
    Page teacher = join(board.link("facilitator"), "Anna", "teacher", 1280);
    Page parent = join(board.link("participant"), "Bram", "parent", 360);

    teacher.getByTestId("family-prompt").waitFor();
    assertEquals(0, parent.getByTestId("family-prompt").count(), "only the facilitator is prompted");
    parent.getByTestId("add-agenda-item").click();
    parent.keyboard().type("Rust thuis");
    teacher.locator("[data-testid=balance-family][data-count='1']").waitFor();
    teacher.getByTestId("family-prompt").waitFor(new Locator.WaitForOptions()
      .setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
    assertTrue(teacher.getByTestId("agenda-item-proposer").first().textContent().contains("Bram"));

    teacher.getByTestId("freeze-agenda").click();
    parent.getByTestId("agenda-frozen-notice").waitFor();
    parent.getByTestId("add-agenda-item").click();
    parent.keyboard().type("Te laat");
    teacher.locator("[data-testid=agenda-item][data-late=true]").waitFor();
    assertEquals(1, teacher.getByTestId("agenda-item-late").count(), "only the item after the freeze is late");

    BoardPageBrowserTest.moveMeetingTo(teacher, "agenda");
    parent.getByTestId("phase-agenda").waitFor();
    parent.getByTestId("phase-tab-prepare").click();
    parent.getByTestId("looking-around").waitFor();
    parent.getByTestId("back-to-meeting").click();
    parent.getByTestId("phase-agenda").waitFor();

    teacher.getByTestId("agenda-item-make-current").first().click();
    parent.locator("[data-testid=agenda-item][data-current=true]").waitFor();
    teacher.getByTestId("agenda-item-timebox").first().fill("10");
    teacher.getByTestId("agenda-item-timebox").first().press("Tab");
    parent.waitForFunction("() => document.querySelector('[data-testid=agenda-item-timebox]').value === '10'");
    teacher.getByTestId("timer-start").first().click();
    parent.locator("[data-testid=timer-display][data-running=true]").first().waitFor();
    assertEquals(0, parent.getByTestId("timer-start").count(), "only the facilitator controls the timer");

    parent.waitForTimeout(1500);
    parent.reload();
    parent.locator("[data-testid=timer-display][data-running=true]").first().waitFor();
    int elapsed = Integer.parseInt(parent.getByTestId("timer-display").first().getAttribute("data-elapsed-seconds"));
    assertTrue(elapsed >= 1, "the timer kept counting across the reload: " + elapsed);
    parent.getByTestId("presence-person").filter(new Locator.FilterOptions().setHasText("Bram")).first().waitFor();
    assertEquals(1, parent.getByTestId("presence-person").filter(new Locator.FilterOptions().setHasText("Bram")).count(),
      "a reloaded tab is the same participant");
  }

  private Page join(String link, String name, String role, int width) {
    BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, 800).setLocale("en-GB"));
    contexts.add(context);
    Page page = context.newPage();
    page.onPageError(error -> pageErrors.add(error));
    page.setDefaultTimeout(10_000);
    page.navigate(link);
    page.getByTestId("join-name").fill(name);
    page.getByTestId("join-role").selectOption(role);
    page.getByTestId("join-submit").click();
    page.locator("[data-testid=connection-status][data-state=connected]").waitFor();
    page.getByTestId("phase-nav").waitFor();
    return page;
  }
}
