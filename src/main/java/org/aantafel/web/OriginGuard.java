package org.aantafel.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses cross-site use of the event bus: a browser always sends Origin on websocket upgrades and on the XHR
 * fallbacks, and it must be this server's own origin (the configured public URL, or the Host the request came to).
 * SockJS itself would echo any Origin back in CORS headers, so this runs before it.
 */
final class OriginGuard implements Handler<RoutingContext> {
  private final String publicOrigin;

  OriginGuard(String publicOrigin) {
    this.publicOrigin = publicOrigin;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String origin = ctx.request().getHeader("Origin");
    if (origin == null || origin.equals(expected(ctx))) {
      ctx.next();
    } else {
      ApiError.send(ctx, 403, "this server only accepts connections from its own pages");
    }
  }

  private String expected(RoutingContext ctx) {
    if (publicOrigin != null) {
      return publicOrigin;
    }
    return ctx.request().scheme() + "://" + ctx.request().getHeader("Host");
  }
}
