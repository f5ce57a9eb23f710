package org.aantafel.sync;

import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

/** {@code board.join}: who wants to sit at which board, and from which revision they need to catch up. */
record JoinRequest(String boardId, String token, String clientId, String name, String role, Long sinceRev,
                   String socketId) {

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
    Object token = body.getValue("token");
    if (!(token instanceof String t) || t.isEmpty() || t.length() > 100) {
      throw new SyncFailure(SyncFailure.FORBIDDEN, "a valid link is needed to join this board");
    }
    return new JoinRequest(
      WireFields.id(body, "boardId"),
      t,
      WireFields.id(body, "clientId"),
      WireFields.optionalPlainText(body, "name", MAX_NAME),
      role(WireFields.optionalText(body, "role", MAX_ROLE)),
      WireFields.optionalNonNegative(body, "sinceRev"),
      message.headers().get(Addresses.H_SOCKET));
  }
}
