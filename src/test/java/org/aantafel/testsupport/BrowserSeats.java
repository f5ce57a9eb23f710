package org.aantafel.testsupport;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What a browser's localStorage does for the tests' clients: the seat the server issued to a (board, clientId) is
 * presented again when that client joins again, on any socket. A join body that names "seat" itself (a value, or
 * null for none) is sent as it is, so attack tests choose exactly what they present.
 */
final class BrowserSeats {
  private static final Map<String, String> SEATS = new ConcurrentHashMap<>();

  static Future<JsonObject> join(JsonObject body, Function<JsonObject, Future<JsonObject>> send) {
    String key = body.getValue("boardId") + "/" + body.getValue("clientId");
    JsonObject sent = body;
    if (!body.containsKey("seat") && SEATS.containsKey(key)) {
      sent = body.copy().put("seat", SEATS.get(key));
    } else if (body.containsKey("seat") && body.getValue("seat") == null) {
      sent = body.copy();
      sent.remove("seat");
    }
    return send.apply(sent).onSuccess(reply -> {
      JsonObject you = reply.getJsonObject("you");
      if (you != null && you.getString("seat") != null) {
        SEATS.put(key, you.getString("seat"));
      }
    });
  }

  private BrowserSeats() {
  }
}
