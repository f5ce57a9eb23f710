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

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A real server and headless Chromium for tests of the pages, with one browser context per person, so that people
 * share no storage. Script errors on any page fail the test.
 */
abstract class LiveBoardTestBase {

  static final double TIMEOUT_MS = 20_000;

  static Vertx vertx;
  static TestServer server;
  static Browsers browsers;
  static Browser browser;

  private final List<BrowserContext> contexts = new ArrayList<>();
  final List<String> pageErrors = new ArrayList<>();
  /** What the pages asked to confirm; every question is answered yes, as a person going on would. */
  final List<String> confirmations = new java.util.concurrent.CopyOnWriteArrayList<>();

  @BeforeAll
  static void startServerAndBrowser() {
    browsers = Browsers.shared(); // first: without Chromium the class is skipped before a server starts
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
      browsers.closeContexts(); // the browser itself is shared by the next classes
    }
  }

  @AfterEach
  void closeContextsAndCheckErrors() {
    contexts.forEach(BrowserContext::close);
    contexts.clear();
    List<String> errors = List.copyOf(pageErrors);
    pageErrors.clear();
    assertEquals(List.of(), errors, "script errors on the pages");
  }

  /** The browser language of new pages: it decides the page language. */
  String locale() {
    return "nl-NL";
  }

  Page newPage(int width, int height) {
    BrowserContext context = browser.newContext(new Browser.NewContextOptions()
      .setViewportSize(width, height).setLocale(locale()));
    contexts.add(context);
    Page page = context.newPage();
    page.onPageError(pageErrors::add);
    page.onDialog(dialog -> {
      confirmations.add(dialog.message());
      dialog.accept();
    });
    page.setDefaultTimeout(TIMEOUT_MS);
    return page;
  }

  /** Opens a participant or facilitator link, gives name and role, and waits for the connected board. */
  Page join(String link, String name, String role, int width, int height) {
    return join(newPage(width, height), link, name, role);
  }

  /** The same on a page made beforehand, e.g. with a fake clock installed before navigation. */
  static Page join(Page page, String link, String name, String role) {
    page.navigate(link);
    page.getByTestId("join-name").fill(name);
    page.getByTestId("join-role").selectOption(role);
    page.getByTestId("join-submit").click();
    page.locator("[data-testid=connection-status][data-state=connected]").waitFor();
    page.getByTestId("presence-person").filter(new Locator.FilterOptions().setHasText(name)).first().waitFor();
    return page;
  }

  /** The facilitator looks at a phase and moves the meeting there. */
  static void moveMeetingTo(Page facilitator, String phase) {
    // Everyone has finished their sentence: a field someone is still typing in would keep them where they are.
    facilitator.context().browser().contexts().forEach(context -> context.pages()
      .forEach(page -> page.evaluate("() => document.activeElement?.blur()")));
    facilitator.getByTestId("phase-tab-" + phase).click();
    facilitator.getByTestId("move-meeting-here").click();
    facilitator.locator("[data-testid=phase-nav][data-meeting-phase=" + phase + "]").waitFor();
  }
}
