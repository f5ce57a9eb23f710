package org.aantafel.board;

import java.util.Optional;

/**
 * What a person is at the table, as they said when joining. Separate from the {@link Grant}: a parent may chair.
 * The wire strings are the ones of docs/meeting-model.md; webroot/js/board/meeting-rules.js has the same table.
 */
public enum Role {
  PARENT("parent", Side.FAMILY),
  STUDENT("student", Side.FAMILY),
  TEACHER("teacher", Side.SCHOOL),
  CARE_COORDINATOR("care-coordinator", Side.SCHOOL),
  YOUTH_CARE("youth-care", Side.CARE),
  PARENT_SUPPORTER("parent-supporter", Side.CARE),
  OTHER("other", Side.OTHER);

  private final String wire;
  private final Side side;

  Role(String wire, Side side) {
    this.wire = wire;
    this.side = side;
  }

  public String wire() {
    return wire;
  }

  public Side side() {
    return side;
  }

  /** Strict: an unknown role is a 400, so that a typo never silently lands on the wrong side of the table. */
  public static Role parse(String wire) {
    return find(wire).orElseThrow(() -> BoardRejection.badInput("unknown role: " + wire));
  }

  /** For callers that hold a role given before roles were checked, and must decide themselves what it becomes. */
  public static Optional<Role> find(String wire) {
    for (Role role : values()) {
      if (role.wire.equals(wire)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }

  static String[] wireNames() {
    Role[] roles = values();
    String[] names = new String[roles.length];
    for (int i = 0; i < roles.length; i++) {
      names[i] = roles[i].wire;
    }
    return names;
  }
}
