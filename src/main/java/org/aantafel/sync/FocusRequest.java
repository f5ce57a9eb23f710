package org.aantafel.sync;

import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

/**
 * {@code board.presence}: where on the board the sender is (the item it edits), or null when nowhere. Small, since
 * everyone at the board is told it.
 */
record FocusRequest(Sender sender, JsonObject focus) {
  static final int MAX_FOCUS = 200;

  static FocusRequest parse(Message<Object> message) {
    Object given = WireFields.body(message.body()).getValue("focus");
    if (given != null && !(given instanceof JsonObject)) {
      throw WireFields.bad("focus must be an object or null");
    }
    JsonObject focus = (JsonObject) given;
    if (focus != null && focus.encode().length() > MAX_FOCUS) {
      throw new Refusal(Refusal.TOO_LARGE, "focus is too large");
    }
    return new FocusRequest(Sender.of(message), focus);
  }
}
