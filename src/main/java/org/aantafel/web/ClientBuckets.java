package org.aantafel.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A token bucket per client address, refilled at a number a minute which is also the burst. Only the most recently
 * seen {@link #MAX_CLIENTS} addresses are tracked, so a flood of addresses cannot grow the map; a bucket that is
 * dropped was the least recently used one, which has mostly filled up again anyway. One instance serves every event
 * loop, so that a client gets its limit once, not once per event loop; the lock is held for a map lookup only.
 */
final class ClientBuckets {
  static final int MAX_CLIENTS = 10_000;

  private final int perMinute;
  private final Map<String, RateLimit> buckets = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, RateLimit> eldest) {
      return size() > MAX_CLIENTS;
    }
  };

  ClientBuckets(int perMinute) {
    this.perMinute = perMinute;
  }

  /** Uses the client's bucket (a full one if the client is new) under the lock. */
  synchronized <T> T with(String client, Function<RateLimit, T> use) {
    return use.apply(buckets.computeIfAbsent(client, c -> new RateLimit(perMinute / 60.0, perMinute)));
  }

  /** Takes one of the client's tokens, if one is left. */
  boolean tryTake(String client) {
    return with(client, RateLimit::tryTake);
  }

  /** Gives one token back: what was taken for a request that turned out not to count. */
  void refund(String client) {
    with(client, bucket -> {
      bucket.refund();
      return null;
    });
  }
}
