package org.aantafel.testsupport;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;

import java.util.List;

/**
 * axe-core on one page, run in that page itself (axe's "legacy mode"). The default mode runs axe frame by frame and
 * then opens one more page, in a browser context of its own, only to merge the frames' results: axe's 550 kB
 * script is injected twice and a context made and closed for every check. Aan Tafel's pages have no frames, so the
 * rules and the elements they look at are the same either way; the suite runs some forty checks.
 */
public final class Axe {

  /** What axe finds wrong on the page as it is now; fails if axe could not run at all, rather than find nothing. */
  public static List<Rule> violations(Page page) {
    AxeResults results = new AxeBuilder(page).setLegacyMode(true).analyze();
    if (results.isErrored()) {
      throw new AssertionError("axe-core did not run: " + results.getErrorMessage());
    }
    return results.getViolations();
  }

  private Axe() {
  }
}
