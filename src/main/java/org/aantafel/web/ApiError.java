package org.aantafel.web;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.aantafel.sync.SyncFailure;

/** Every HTTP error has one shape: {@code {error:{code, message}}} with the matching status. */
final class ApiError {

  static void send(RoutingContext ctx, int code, String message) {
    if (ctx.response().ended()) {
      return;
    }
    ctx.response().setStatusCode(code).putHeader("Content-Type", "application/json")
      .end(new JsonObject().put("error", new JsonObject().put("code", code).put("message", message)).encode());
  }

  static void send(RoutingContext ctx, Throwable failure) {
    SyncFailure f = SyncFailure.of(failure);
    send(ctx, f.code(), f.getMessage());
  }

  private ApiError() {
  }
}
