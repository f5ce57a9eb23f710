package org.aantafel.board;

/**
 * One field of an entity kind. A text field is edited with {@link Op.Text} and holds a string of at most
 * {@code maxLength}; a value field is replaced with {@link Op.Set} and must satisfy its {@link ValueRule}.
 */
public record FieldSpec(String name, boolean isText, int maxLength, ValueRule rule, Grant writeGrant) {

  public static FieldSpec text(String name, int maxLength) {
    return new FieldSpec(name, true, maxLength, null, Grant.PARTICIPANT);
  }

  public static FieldSpec value(String name, ValueRule rule) {
    return new FieldSpec(name, false, 0, rule, Grant.PARTICIPANT);
  }

  /** The same field, writable only by the facilitator (e.g. moving the meeting to its next phase). */
  public FieldSpec facilitatorOnly() {
    return new FieldSpec(name, isText, maxLength, rule, Grant.FACILITATOR);
  }

  /** Checks a whole new value: a value against its rule, a text against its length. */
  void checkValue(Object value) {
    if (!isText) {
      rule.check(name, value);
      return;
    }
    if (!(value instanceof String s)) {
      throw BoardRejection.badInput(name + " is a text and must be a string");
    }
    checkTextLength(s.length());
  }

  void checkTextLength(int length) {
    if (length > maxLength) {
      throw new BoardRejection(413, name + " is longer than " + maxLength);
    }
  }
}
