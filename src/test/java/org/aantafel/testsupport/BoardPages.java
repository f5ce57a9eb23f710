package org.aantafel.testsupport;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Opens board pages the way people do — a link, a name, a role — each in its own browser context (its own
 * "device"), and collects script errors so a test can insist there were none.
 */
public final class BoardPages implements AutoCloseable {
  public static final double TIMEOUT_MS = 15_000;

  private final Browser browser;
  private final List<BrowserContext> contexts = new ArrayList<>();
  public final List<String> pageErrors = new CopyOnWriteArrayList<>();

  public BoardPages(Browser browser) {
    this.browser = browser;
  }

  public Page open(String link, int width, int height) {
    return open(link, width, height, null);
  }

  /**
   * Opens a page whose SockJS may use only the given transport ("xhr-streaming", "xhr-polling"), as a browser
   * behind a proxy that blocks websockets would end up doing.
   */
  public Page open(String link, int width, int height, String onlyTransport) {
    BrowserContext context = browser.newContext(new Browser.NewContextOptions()
      .setViewportSize(width, height).setLocale("nl-NL"));
    contexts.add(context);
    Page page = context.newPage();
    page.onPageError(pageErrors::add);
    // Questions such as "close the meeting?" are answered yes, as a person going on would.
    page.onDialog(dialog -> dialog.accept());
    page.setDefaultTimeout(TIMEOUT_MS);
    if (onlyTransport != null) {
      page.addInitScript(ONLY_TRANSPORT.replace("TRANSPORT", onlyTransport));
    }
    page.navigate(link);
    return page;
  }

  /** Wraps window.SockJS as soon as sockjs.min.js defines it, restricting every new socket to one transport. */
  private static final String ONLY_TRANSPORT = """
    (() => {
      let wrapper;
      Object.defineProperty(window, 'SockJS', {
        configurable: true,
        get() { return wrapper; },
        set(real) {
          wrapper = function (url, protocols, options) {
            return new real(url, protocols, Object.assign({}, options, { transports: ['TRANSPORT'] }));
          };
          Object.assign(wrapper, real);
          wrapper.prototype = real.prototype;
        },
      });
    })();
    """;

  /** Opens a link and joins with a name and a role, then waits until the board is connected. */
  public Page join(String link, String name, String role, int width, int height) {
    return join(link, name, role, width, height, null);
  }

  public Page join(String link, String name, String role, int width, int height, String onlyTransport) {
    Page page = open(link, width, height, onlyTransport);
    page.getByTestId("join-name").fill(name);
    page.getByTestId("join-role").selectOption(role);
    page.getByTestId("join-submit").click();
    waitConnected(page);
    return page;
  }

  public static void waitConnected(Page page) {
    page.locator("[data-testid=connection-status][data-state=connected][data-unsaved='0']")
      .waitFor(new Locator.WaitForOptions().setTimeout(30_000));
  }

  /** What a field shows: an editable field's value, or the text of one shown read-only. */
  private static final String SHOWN = "(e) => e == null ? null : e.matches('input, textarea, select, data') ? e.value"
    + " : (e.dataset.value ?? e.textContent.trim())";

  public static void waitForValue(Page page, String testId, String expected) {
    page.waitForFunction("([id, want]) => (" + SHOWN + ")(document.querySelector(`[data-testid=${id}]`)) === want",
      List.of(testId, expected), new Page.WaitForFunctionOptions().setTimeout(TIMEOUT_MS));
  }

  public static String value(Page page, String testId) {
    return (String) page.getByTestId(testId).evaluate(SHOWN);
  }

  @Override
  public void close() {
    contexts.forEach(BrowserContext::close);
    contexts.clear();
  }
}
