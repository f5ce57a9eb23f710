package org.aantafel.board;

import java.util.Map;
import java.util.Set;

/**
 * Removing an item is a change like any other, not the end of it: a removed agenda item, agreement or action keeps
 * its fields with {@code removed: true} and who removed it, so that it can be brought back by them or the
 * facilitator. Everything that reads the board as a meeting (the balance strip, the record, the follow-up, the
 * agenda by e-mail) treats a removed item as gone.
 */
public final class Removal {
  public static final String REMOVED = "removed";
  static final String REMOVED_BY = "removedBy";
  static final String REMOVED_BY_NAME = "removedByName";
  /** Kinds whose items are removed with undo, never deleted (the table of {@link KindRules}). */
  static final Set<String> KINDS = BoardSchema.STANDARD.kindsEnding(KindRules.Ending.REMOVED);

  private Removal() {
  }

  /** Whether an entity's state map (as in the board's state) is no longer part of the meeting. */
  public static boolean gone(Map<?, ?> fields) {
    return Boolean.TRUE.equals(fields.get("deleted")) || Boolean.TRUE.equals(fields.get(REMOVED));
  }
}
