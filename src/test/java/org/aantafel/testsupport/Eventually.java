package org.aantafel.testsupport;

import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * Waits for a condition instead of a fixed time: the assertion is retried until it holds or time runs out. An absence
 * (a leak, a second commit) is the opposite: no moment proves it, so it is watched {@link #throughout} a window.
 */
public final class Eventually {
  /**
   * How long a test watches for something that must not happen. A leak or a late commit follows the action that
   * would cause it within milliseconds on a quiet machine; on a busy one, a second is still ample.
   */
  public static final Duration ABSENCE_WINDOW = Duration.ofSeconds(1);
  private static final Duration POLL = Duration.ofMillis(10);

  public static void eventually(Runnable assertion) {
    eventually(Duration.ofSeconds(20), assertion);
  }

  public static void eventually(Duration timeout, Runnable assertion) {
    Awaitility.await().atMost(timeout).pollInterval(POLL).untilAsserted(assertion::run);
  }

  /**
   * Asks every {@code every} until the answer is {@code expected}, asking again only while it is {@code meanwhile}:
   * the one answer given until what the test waits for has happened (a 503 while the database is away). Any other
   * answer fails at once, where an assertion retried until time runs out would wait through it.
   */
  public static void answers(int expected, int meanwhile, Duration timeout, Duration every, IntSupplier ask) {
    Awaitility.await().atMost(timeout).pollInterval(every).until(() -> {
      int answer = ask.getAsInt();
      if (answer != expected && answer != meanwhile) {
        throw new AssertionError("answered " + answer + " while waiting for " + expected + " through " + meanwhile);
      }
      return answer == expected;
    });
  }

  /** {@link #answers(int, int, Duration, Duration, IntSupplier)}, asking every 10 ms for up to 20 s. */
  public static void answers(int expected, int meanwhile, IntSupplier ask) {
    answers(expected, meanwhile, Duration.ofSeconds(20), POLL, ask);
  }

  /** The assertion holds at every look during {@link #ABSENCE_WINDOW}, the first of them at once. */
  public static void throughout(Runnable assertion) {
    throughout(ABSENCE_WINDOW, assertion);
  }

  /**
   * The assertion is checked again and again for the whole window, and the test fails at the first look at which it
   * does not hold: a thing that must not happen is given the window to happen in, instead of one look that may come
   * before it. It is checked on the test's own thread, so it may use a browser page.
   */
  public static void throughout(Duration window, Runnable assertion) {
    Awaitility.await().pollInSameThread().pollDelay(Duration.ZERO).pollInterval(POLL).during(window)
      .atMost(window.plus(window)).failFast("it happened within " + window.toMillis() + " ms", assertion::run)
      .until(() -> true);
  }

  private Eventually() {
  }
}
