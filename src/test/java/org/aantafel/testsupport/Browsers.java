package org.aantafel.testsupport;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium for browser tests, from the system's /usr/bin/chromium (Playwright never downloads one).
 * Without Chromium a test is skipped, except on CI (env CI set), where a missing browser must fail loudly.
 *
 * <pre>
 * try (Browsers browsers = Browsers.launch()) {
 *   Page page = browsers.newPage();
 *   ...
 * }
 * </pre>
 * Or launch once in {@code @BeforeAll} and close in {@code @AfterAll}: starting Chromium takes a second or two.
 * Test classes that only need pages use {@link #shared()}: one Chromium for the whole test JVM, so that twenty
 * browser test classes do not start Playwright's driver and Chromium twenty times.
 */
public final class Browsers implements AutoCloseable {

  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
      "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

  private static Browsers shared;

  private final Playwright playwright;
  private final Browser browser;

  private Browsers(Playwright playwright, Browser browser) {
    this.playwright = playwright;
    this.browser = browser;
  }

  /** Starts Playwright and a headless Chromium; skips the calling test when there is no Chromium outside CI. */
  public static Browsers launch() {
    if (!Files.isExecutable(CHROMIUM)) {
      String message = "browser test needs Chromium at " + CHROMIUM;
      if (System.getenv("CI") != null) {
        throw new IllegalStateException(message + " (CI is set, so this is a failure, not a skip)");
      }
      Assumptions.abort(message + "; skipped");
    }
    Playwright playwright = Playwright.create(
        new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    try {
      Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
          .setExecutablePath(CHROMIUM)
          .setHeadless(true)
          .setArgs(ARGS));
      return new Browsers(playwright, browser);
    } catch (RuntimeException e) {
      playwright.close();
      throw e;
    }
  }

  /**
   * The test JVM's one Chromium, launched by the first caller and closed when the JVM exits; skips the calling test
   * as {@link #launch()} does. Its callers never close it: they close the contexts they opened, and
   * {@link #closeContexts()} at the end of their class closes whatever one of their tests left open, so no page of
   * a finished class goes on reconnecting to its stopped server.
   */
  public static synchronized Browsers shared() {
    if (shared == null) {
      Browsers launched = launch();
      Runtime.getRuntime().addShutdownHook(new Thread(launched::close, "chromium-stop"));
      shared = launched;
    }
    return shared;
  }

  /** Closes every context of this browser, and with them their pages. */
  public void closeContexts() {
    browser.contexts().forEach(BrowserContext::close);
  }

  public Browser browser() {
    return browser;
  }

  /** A page in a fresh context, so that tests share no cookies or storage. */
  public Page newPage() {
    return browser.newContext().newPage();
  }

  /** Closes the browser and stops the Playwright driver. */
  @Override
  public void close() {
    try {
      browser.close();
    } finally {
      playwright.close();
    }
  }
}
