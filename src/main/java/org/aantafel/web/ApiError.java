package org.aantafel.web;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.aantafel.mail.MailNotAccepted;
import org.aantafel.sync.Refusal;

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
    if (failure instanceof MailNotAccepted notAccepted) {
      send(ctx, BAD_GATEWAY, notAccepted.getMessage());
      return;
    }
    Refusal f = Refusal.of(failure);
    send(ctx, f.code(), f.getMessage());
  }

  /** The school's mail server, not the request, is at fault. */
  private static final int BAD_GATEWAY = 502;

  private ApiError() {
  }
}
