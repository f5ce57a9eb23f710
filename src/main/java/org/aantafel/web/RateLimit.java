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
    return tryTake(1);
  }

  /** Takes what one request costs, e.g. its bytes; a cost larger than the burst never passes. */
  boolean tryTake(double cost) {
    refill();
    if (tokens >= cost) {
      tokens -= cost;
      return true;
    }
    return false;
  }

  /** Gives one token back: what was taken for a request that turned out not to count. */
  void refund() {
    tokens = Math.min(burst, tokens + 1);
  }

  /** Whether nothing was taken that has not refilled since. */
  boolean full() {
    refill();
    return tokens >= burst;
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
