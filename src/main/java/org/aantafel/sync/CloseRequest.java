package org.aantafel.sync;

import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

/**
 * {@code hub.close}: which board, and the name the record gives as who closed it. Only the HTTP API sends this, after
 * checking the facilitator token, so the hub trusts the sender but still checks the shape. {@code atRev}, when given,
 * is the revision whose record the API checked against its limits: the hub closes only a board still at it.
 */
record CloseRequest(String boardId, String closedBy, Long atRev) {
  static final int MAX_CLOSED_BY = 60;

  static CloseRequest parse(Message<Object> message) {
    JsonObject body = WireFields.body(message.body());
    String closedBy = WireFields.optionalText(body, "closedBy", MAX_CLOSED_BY);
    Object atRev = body.getValue("atRev");
    if (atRev != null && !(atRev instanceof Long || atRev instanceof Integer)) {
      throw WireFields.bad("atRev must be a revision");
    }
    return new CloseRequest(WireFields.id(body, "boardId"), closedBy != null ? closedBy : "facilitator",
      atRev == null ? null : ((Number) atRev).longValue());
  }
}
