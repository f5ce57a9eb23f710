package org.aantafel.web;

/**
 * A token bucket per connection: bursts of typing pass, a flood does not. Not thread-safe by design; each connection
 * owns one on its own event loop.
 */
final class RateLimit {
  private final double perSecond;
  private final double burst;
  private double tokens;
  private long lastNanos = System.nanoTime();

  RateLimit(double perSecond, double burst) {
    this.perSecond = perSecond;
    this.burst = burst;
    this.tokens = burst;
  }

  boolean tryTake() {
    refill();
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }

  /** How long until {@link #tryTake} would succeed; zero if it would now. */
  double secondsUntilToken() {
    refill();
    return tokens >= 1 ? 0 : (1 - tokens) / perSecond;
  }

  private void refill() {
    long now = System.nanoTime();
    tokens = Math.min(burst, tokens + (now - lastNanos) / 1e9 * perSecond);
    lastNanos = now;
  }
}
