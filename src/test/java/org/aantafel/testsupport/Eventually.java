package org.aantafel.testsupport;

import org.awaitility.Awaitility;

import java.time.Duration;

/** Waits for a condition instead of a fixed time: the assertion is retried until it holds or time runs out. */
public final class Eventually {

  public static void eventually(Runnable assertion) {
    eventually(Duration.ofSeconds(20), assertion);
  }

  public static void eventually(Duration timeout, Runnable assertion) {
    Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(10)).untilAsserted(assertion::run);
  }

  private Eventually() {
  }
}
