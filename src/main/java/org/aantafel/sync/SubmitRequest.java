package org.aantafel.sync;

import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.aantafel.board.Grant;

/**
 * {@code board.submit}, with what the bridge vouches for in its own headers: the grant this socket earned by joining
 * the board, the link it joined with, and the participant and client it joined as. The hub checks the link and the
 * seat again against the board as it is now; the grant is only what the bridge saw at join.
 */
record SubmitRequest(String boardId, String clientId, long seq, long baseRev, JsonArray ops,
                     Grant grant, String participantId, String link) {

  static SubmitRequest parse(Message<Object> message) {
    WireFields.refuseIfMarked(message);
    JsonObject body = WireFields.body(message.body());
    String boardId = WireFields.id(body, "boardId");
    String grant = message.headers().get(Addresses.H_GRANT);
    if (grant == null) {
      throw new Refusal(Refusal.FORBIDDEN, "join the board before editing it");
    }
    String clientId = WireFields.id(body, "clientId");
    if (!clientId.equals(message.headers().get(Addresses.H_CLIENT))) {
      throw new Refusal(Refusal.FORBIDDEN, "submit with the clientId you joined with");
    }
    long seq = WireFields.nonNegative(body, "seq");
    if (seq < 1) {
      throw WireFields.bad("seq counts from 1");
    }
    Object ops = body.getValue("ops");
    if (!(ops instanceof JsonArray array)) {
      throw WireFields.bad("ops must be a list");
    }
    return new SubmitRequest(boardId, clientId, seq, WireFields.nonNegative(body, "baseRev"), array,
      Grant.parse(grant), message.headers().get(Addresses.H_PARTICIPANT), message.headers().get(Addresses.H_LINK));
  }
}
