package org.aantafel.testsupport;

import com.microsoft.playwright.Browser;
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
 */
public final class Browsers implements AutoCloseable {

  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
      "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

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
