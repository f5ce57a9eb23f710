package org.aantafel.web;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import org.aantafel.Limits;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many boards one client may create: a token bucket per client address, refilled at the configured number per
 * minute, which is also the burst. Over it the answer is 429 with Retry-After, before the request's body is read.
 * Only the most recently seen {@link #MAX_CLIENTS} addresses are tracked, so a flood of addresses cannot grow the
 * map; a bucket that is dropped was the least recently used one, which has mostly filled up again anyway.
 * One instance serves every HTTP verticle (one per event loop), so that a client gets the limit once, not once per
 * event loop; the lock is held for a map lookup only.
 */
public final class BoardCreationLimit implements Handler<RoutingContext> {
  static final int MAX_CLIENTS = 10_000;
  /** Longer than any IPv6 address in text; a longer forwarded value is cut, not trusted to be short. */
  private static final int MAX_ADDRESS = 64;

  private final int perMinute;
  private final boolean trustForwardedFor;
  private final Map<String, RateLimit> buckets = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, RateLimit> eldest) {
      return size() > MAX_CLIENTS;
    }
  };

  public BoardCreationLimit(Limits limits) {
    this.perMinute = limits.boardsPerMinutePerClient();
    this.trustForwardedFor = limits.trustForwardedFor();
  }

  @Override
  public void handle(RoutingContext ctx) {
    long wait = secondsToWait(clientOf(ctx.request()));
    if (wait == 0) {
      ctx.next();
      return;
    }
    ctx.response().putHeader("Retry-After", Long.toString(wait));
    ApiError.send(ctx, 429, "too many new boards from this address; try again in " + wait + " seconds");
  }

  /** Zero if the client may create a board now (and it is counted), else whole seconds until it may. */
  private synchronized long secondsToWait(String client) {
    RateLimit bucket = buckets.computeIfAbsent(client, c -> new RateLimit(perMinute / 60.0, perMinute));
    return bucket.tryTake() ? 0 : Math.max(1, (long) Math.ceil(bucket.secondsUntilToken()));
  }

  /**
   * The TCP peer, unless configured to sit behind a proxy: then the last X-Forwarded-For entry, the one that proxy
   * added. Earlier entries come from the client and could be anything.
   */
  private String clientOf(HttpServerRequest request) {
    String forwarded = trustForwardedFor ? request.getHeader("X-Forwarded-For") : null;
    if (forwarded != null && !forwarded.isBlank()) {
      String last = forwarded.substring(forwarded.lastIndexOf(',') + 1).strip();
      return last.length() > MAX_ADDRESS ? last.substring(0, MAX_ADDRESS) : last;
    }
    return request.remoteAddress().hostAddress();
  }
}
