package org.aantafel.board;

import java.util.regex.Pattern;

/**
 * The shape every entity id must have: short and safe to use in URLs, logs and SQL without escaping. A '.' is only in
 * the ids the server derives for one person's entries ({@link KindRules#PERSONAL_SEPARATOR}).
 */
final class EntityId {

  /** The board itself is an entity with this id; it always exists. */
  static final String BOARD = "board";

  static final int MAX_LENGTH = 64;
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_.-]{1," + MAX_LENGTH + "}");

  private EntityId() {
  }

  static boolean isValid(String id) {
    return id != null && VALID.matcher(id).matches();
  }

  static String check(String id) {
    if (id == null || !VALID.matcher(id).matches()) {
      throw BoardRejection.badInput("an id is 1-64 characters of A-Z a-z 0-9 _ - .: " + id);
    }
    return id;
  }
}
