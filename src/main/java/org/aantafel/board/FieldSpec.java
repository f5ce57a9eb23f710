package org.aantafel.board;

/**
 * One field of an entity kind. A text field is edited with {@link Op.Text} and holds a string of at most
 * {@code maxLength}; a value field is replaced with {@link Op.Set} and must satisfy its {@link ValueRule}.
 * A stamped field is written only by the server while it applies an op; a control is never stored, a set of it
 * is carried out as sets of stamped fields (see {@link Timers}). A fixed field is given at create and never changed.
 */
public record FieldSpec(String name, boolean isText, int maxLength, ValueRule rule, Grant writeGrant,
                        boolean isStamped, boolean isControl, boolean isPlain, boolean isFixed) {

  public static FieldSpec text(String name, int maxLength) {
    return new FieldSpec(name, true, maxLength, null, Grant.PARTICIPANT, false, false, false, false);
  }

  public static FieldSpec value(String name, ValueRule rule) {
    return new FieldSpec(name, false, 0, rule, Grant.PARTICIPANT, false, false, false, false);
  }

  /** The same field, writable only by the facilitator (e.g. moving the meeting to its next phase). */
  public FieldSpec facilitatorOnly() {
    return new FieldSpec(name, isText, maxLength, rule, Grant.FACILITATOR, isStamped, isControl, isPlain, isFixed);
  }

  /** The same field, set by the server only: a browser that sends it is refused, whatever its grant. */
  public FieldSpec stamped() {
    return new FieldSpec(name, isText, maxLength, rule, writeGrant, true, isControl, isPlain, isFixed);
  }

  /** The same field as a command that is carried out on apply and never stored. */
  public FieldSpec control() {
    return new FieldSpec(name, isText, maxLength, rule, writeGrant, isStamped, true, isPlain, isFixed);
  }

  /**
   * The same field as a name or title: what is written to it may not hold direction controls ({@link PlainText}).
   * Only writes are refused, so a board stored before this rule still loads.
   */
  public FieldSpec plain() {
    return new FieldSpec(name, isText, maxLength, rule, writeGrant, isStamped, isControl, true, isFixed);
  }

  /** The same field, given when the entity is made and never changed (what a vote or an answer belongs to). */
  public FieldSpec fixed() {
    return new FieldSpec(name, isText, maxLength, rule, writeGrant, isStamped, isControl, isPlain, true);
  }

  /** Refuses direction controls in text written to a plain field: a new value, or what an edit inserts. */
  void checkWritten(String written) {
    if (isPlain && PlainText.hasDirectionControls(written)) {
      throw BoardRejection.badInput(name + " must not contain direction controls (U+202A-U+202E, U+2066-U+2069, "
        + "U+200E, U+200F, U+061C)");
    }
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
