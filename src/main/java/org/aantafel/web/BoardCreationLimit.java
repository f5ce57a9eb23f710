package org.aantafel.web;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import org.aantafel.Limits;

/**
 * How many boards one client may create: a token bucket per client address ({@link ClientBuckets}), refilled at the
 * configured number per minute, which is also the burst. Over it the answer is 429 with Retry-After, before the
 * request's body is read. One instance serves every HTTP verticle (one per event loop).
 */
public final class BoardCreationLimit implements Handler<RoutingContext> {
  private final boolean trustForwardedFor;
  private final ClientBuckets buckets;

  public BoardCreationLimit(Limits limits) {
    this.buckets = new ClientBuckets(limits.boardsPerMinutePerClient());
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
  private long secondsToWait(String client) {
    return buckets.with(client, bucket -> bucket.tryTake() ? 0
      : Math.max(1, (long) Math.ceil(bucket.secondsUntilToken())));
  }

  private String clientOf(HttpServerRequest request) {
    return ClientAddress.of(trustForwardedFor, request.headers(), request.remoteAddress());
  }
}
