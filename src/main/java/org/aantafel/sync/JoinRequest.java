package org.aantafel.sync;

import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

/**
 * {@code board.join}: who wants to sit at which board, and from which revision they need to catch up. A link's token,
 * a seat the server issued earlier, or both; {@code joinTicket} is the bridge's own mark for this one join, which the
 * reply carries back so that only this answer can seat the socket.
 */
record JoinRequest(String boardId, String token, String seat, String clientId, String name, String role,
                   Long sinceRev, String socketId, String nodeId, String joinTicket) {

  static final int MAX_NAME = 60;
  static final int MAX_ROLE = 40;

  /** A role is one of the table's roles, or absent (viewers and projectors need not say who they are). */
  private static String role(String role) {
    if (role != null && org.aantafel.board.Role.find(role).isEmpty()) {
      throw WireFields.bad("role must be one of: parent, student, teacher, care-coordinator, youth-care, "
        + "parent-supporter, other");
    }
    return role;
  }

  static JoinRequest parse(Message<Object> message) {
    WireFields.refuseIfMarked(message);
    JsonObject body = WireFields.body(message.body());
    String token = secret(body, "token");
    String seat = secret(body, "seat");
    if (token == null && seat == null) {
      throw new Refusal(Refusal.FORBIDDEN, "a valid link is needed to join this board");
    }
    return new JoinRequest(
      WireFields.id(body, "boardId"),
      token,
      seat,
      WireFields.id(body, "clientId"),
      WireFields.optionalPlainText(body, "name", MAX_NAME),
      role(WireFields.optionalText(body, "role", MAX_ROLE)),
      WireFields.optionalNonNegative(body, "sinceRev"),
      message.headers().get(Addresses.H_SOCKET),
      message.headers().get(Addresses.H_NODE),
      message.headers().get(Addresses.H_JOIN_TICKET));
  }

  /** A link token or seat: absent, or URL-safe text of a sane length; anything else opens nothing. */
  private static String secret(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (value == null) {
      return null;
    }
    if (value instanceof String s && s.matches("[A-Za-z0-9_-]{1,100}")) {
      return s;
    }
    throw new Refusal(Refusal.FORBIDDEN, "a valid link is needed to join this board");
  }
}
