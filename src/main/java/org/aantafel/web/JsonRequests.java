package org.aantafel.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.util.Locale;

/**
 * API request bodies are JSON and must say so: a body of any other type (a form, text/plain, which a page of another
 * site could send without asking) is refused with 415 before it is read. A request without a body needs no type.
 */
final class JsonRequests implements Handler<RoutingContext> {

  @Override
  public void handle(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    if (type == null ? hasBody(ctx) : !isJson(type)) {
      ApiError.send(ctx, 415, "send the request body as Content-Type: application/json");
    } else {
      ctx.next();
    }
  }

  /** application/json, optionally with parameters such as charset=utf-8. */
  static boolean isJson(String contentType) {
    int parameters = contentType.indexOf(';');
    String mediaType = parameters < 0 ? contentType : contentType.substring(0, parameters);
    return mediaType.strip().toLowerCase(Locale.ROOT).equals("application/json");
  }

  private static boolean hasBody(RoutingContext ctx) {
    String length = ctx.request().getHeader("Content-Length");
    return ctx.request().getHeader("Transfer-Encoding") != null || (length != null && !length.strip().equals("0"));
  }
}
