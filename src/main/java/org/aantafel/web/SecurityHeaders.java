package org.aantafel.web;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Headers every response carries, set before any handler runs so that errors carry them too. API answers hold board
 * contents and links, so no cache (browser or proxy) may keep them; the pages and their files may be cached.
 */
final class SecurityHeaders implements Handler<RoutingContext> {
  private static final String ONE_YEAR = "31536000";

  private final String contentSecurityPolicy;
  private final boolean https;

  /** @param publicUrl the configured public URL; only when it is https:// do browsers get told to stay on https */
  SecurityHeaders(String contentSecurityPolicy, String publicUrl) {
    this.contentSecurityPolicy = contentSecurityPolicy;
    this.https = publicUrl.startsWith("https://");
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerResponse response = ctx.response()
      .putHeader("X-Content-Type-Options", "nosniff")
      .putHeader("Referrer-Policy", "no-referrer")
      .putHeader("Content-Security-Policy", contentSecurityPolicy)
      .putHeader("X-Frame-Options", "DENY");
    if (https) {
      response.putHeader("Strict-Transport-Security", "max-age=" + ONE_YEAR + "; includeSubDomains");
    }
    if (ctx.normalizedPath().startsWith("/api/")) {
      response.putHeader("Cache-Control", "no-store");
    }
    ctx.next();
  }
}
