package org.aantafel.testsupport;

import java.time.Duration;

/** Waits for a condition instead of sleeping a fixed time: polls the assertion until it holds or time runs out. */
public final class Eventually {

  public static void eventually(Runnable assertion) {
    eventually(Duration.ofSeconds(20), assertion);
  }

  public static void eventually(Duration timeout, Runnable assertion) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        assertion.run();
        return;
      } catch (AssertionError e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.onSpinWait();
        try {
          Thread.sleep(10);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  private Eventually() {
  }
}
