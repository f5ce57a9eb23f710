package org.aantafel.sync;

import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

import java.time.Instant;

/**
 * {@code hub.delete}: which board, and whether retention asks. Only the HTTP API (after checking the facilitator
 * token) and the retention sweep send it; both build the message here, so its shape is defined in one place.
 *
 * @param closedBefore null when the facilitator deletes; for retention, the board goes only if it is still closed
 *                     and was closed before this moment (it may have been reopened since the sweep looked)
 * @param retentionDays for retention, the period that passed; only logged
 */
public record DeleteRequest(String boardId, Instant closedBefore, Integer retentionDays) {

  public static JsonObject byFacilitator(String boardId) {
    return new JsonObject().put("boardId", boardId);
  }

  public static JsonObject byRetention(String boardId, Instant closedBefore, int retentionDays) {
    return byFacilitator(boardId).put("closedBefore", closedBefore.toEpochMilli())
      .put("retentionDays", retentionDays);
  }

  boolean retention() {
    return closedBefore != null;
  }

  static DeleteRequest parse(Message<Object> message) {
    JsonObject body = WireFields.body(message.body());
    Long closedBefore = WireFields.optionalNonNegative(body, "closedBefore");
    Long days = WireFields.optionalNonNegative(body, "retentionDays");
    return new DeleteRequest(WireFields.id(body, "boardId"),
      closedBefore == null ? null : Instant.ofEpochMilli(closedBefore), days == null ? null : days.intValue());
  }
}
