package org.aantafel.board;

/** Values a field can hold outside of text: JSON scalars. Lists and objects would make last-writer-wins lossy. */
final class Scalars {

  private Scalars() {
  }

  static boolean isScalar(Object value) {
    return value == null || value instanceof String || value instanceof Boolean
        || value instanceof Integer || value instanceof Long
        // NaN and the infinities have no JSON spelling.
        || (value instanceof Double d && Double.isFinite(d));
  }

  /** Returns the value with one spelling per number, so that equals() and round trips are stable. */
  static Object check(Object value, String what) {
    if (value instanceof Long l && l == l.intValue()) {
      // JSON decoders disagree on Integer vs Long for small numbers.
      return l.intValue();
    }
    if (!isScalar(value)) {
      throw BoardRejection.badInput(what + " must be a string, number, boolean or null");
    }
    return value;
  }
}
