package org.aantafel.board;

/**
 * One field of an entity kind. A text field is edited with {@link Op.Text} and holds a string of at most
 * {@code maxLength}; a value field is replaced with {@link Op.Set} and must satisfy its {@link ValueRule}.
 * A stamped field is written only by the server while it applies an op; a control is never stored, a set of it
 * is carried out as sets of stamped fields (see {@link Timers}).
 */
public record FieldSpec(String name, boolean isText, int maxLength, ValueRule rule, Grant writeGrant,
                        boolean isStamped, boolean isControl) {

  public static FieldSpec text(String name, int maxLength) {
    return new FieldSpec(name, true, maxLength, null, Grant.PARTICIPANT, false, false);
  }

  public static FieldSpec value(String name, ValueRule rule) {
    return new FieldSpec(name, false, 0, rule, Grant.PARTICIPANT, false, false);
  }

  /** The same field, writable only by the facilitator (e.g. moving the meeting to its next phase). */
  public FieldSpec facilitatorOnly() {
    return new FieldSpec(name, isText, maxLength, rule, Grant.FACILITATOR, isStamped, isControl);
  }

  /** The same field, set by the server only: a browser that sends it is refused, whatever its grant. */
  public FieldSpec stamped() {
    return new FieldSpec(name, isText, maxLength, rule, writeGrant, true, isControl);
  }

  /** The same field as a command that is carried out on apply and never stored. */
  public FieldSpec control() {
    return new FieldSpec(name, isText, maxLength, rule, writeGrant, isStamped, true);
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
