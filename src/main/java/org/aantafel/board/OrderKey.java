package org.aantafel.board;

/**
 * Fractional order keys for lists, after rocicorp's fractional-indexing with base-62 digits. A key is an integer
 * part (a head letter that tells its length, then digits) and an optional fraction without trailing zero.
 * Appending or prepending steps the integer part, so keys stay a few characters long however often the ends
 * grow; inserting between two neighbours extends the fraction. Keys compare by code unit, like String.compareTo
 * and JavaScript's {@code <}.
 */
public final class OrderKey {

  static final String DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final char ZERO = DIGITS.charAt(0);
  private static final char LAST = DIGITS.charAt(DIGITS.length() - 1);
  /** The smallest integer: a key equal to it would leave no room before it. */
  private static final String SMALLEST_INTEGER = "A" + String.valueOf(ZERO).repeat(26);

  private OrderKey() {
  }

  /**
   * A key strictly between a and b; null stands for the open end. between(null, null) is the first key of a
   * list. Requires a < b.
   */
  public static String between(String a, String b) {
    if (a != null) {
      check(a);
    }
    if (b != null) {
      check(b);
    }
    if (a != null && b != null && a.compareTo(b) >= 0) {
      throw BoardRejection.badInput("order keys out of order: " + a + " >= " + b);
    }
    if (a == null) {
      return b == null ? "a" + ZERO : before(b);
    }
    if (b == null) {
      return after(a);
    }
    String ia = integerPart(a);
    String ib = integerPart(b);
    String fa = a.substring(ia.length());
    if (ia.equals(ib)) {
      return ia + midpoint(fa, b.substring(ib.length())).toString();
    }
    String next = increment(ia);
    if (next == null) {
      throw BoardRejection.badInput("order key space exhausted");
    }
    return next.compareTo(b) < 0 ? next : ia + midpoint(fa, null);
  }

  private static String before(String b) {
    String ib = integerPart(b);
    String fb = b.substring(ib.length());
    if (ib.equals(SMALLEST_INTEGER)) {
      return ib + midpoint("", fb);
    }
    if (ib.length() < b.length()) {
      // b has a fraction, so its bare integer part sorts just before it.
      return ib;
    }
    String previous = decrement(ib);
    if (previous == null) {
      throw BoardRejection.badInput("order key space exhausted");
    }
    return previous;
  }

  private static String after(String a) {
    String ia = integerPart(a);
    String next = increment(ia);
    return next != null ? next : ia + midpoint(a.substring(ia.length()), null);
  }

  public static boolean isValid(String key) {
    try {
      check(key);
      return true;
    } catch (BoardRejection e) {
      return false;
    }
  }

  private static void check(String key) {
    if (key == null || key.isEmpty() || key.equals(SMALLEST_INTEGER)) {
      throw invalid(key);
    }
    for (int i = 1; i < key.length(); i++) {
      if (DIGITS.indexOf(key.charAt(i)) < 0) {
        throw invalid(key);
      }
    }
    String integer = integerPart(key);
    if (key.length() > integer.length() && key.charAt(key.length() - 1) == ZERO) {
      // A trailing zero in the fraction would leave no key between it and its prefix.
      throw invalid(key);
    }
  }

  private static BoardRejection invalid(String key) {
    return BoardRejection.badInput("invalid order key: " + key);
  }

  private static int integerLength(char head) {
    if (head >= 'a' && head <= 'z') {
      return head - 'a' + 2;
    }
    if (head >= 'A' && head <= 'Z') {
      return 'Z' - head + 2;
    }
    throw BoardRejection.badInput("invalid order key head: " + head);
  }

  private static String integerPart(String key) {
    int length = integerLength(key.charAt(0));
    if (length > key.length()) {
      throw invalid(key);
    }
    return key.substring(0, length);
  }

  /** A fraction strictly between fractions a and b (b null: open end). Neither has a trailing zero. */
  private static CharSequence midpoint(String a, String b) {
    StringBuilder prefix = new StringBuilder();
    if (b != null) {
      int n = 0;
      while (n < b.length() && digitAt(a, n) == b.charAt(n)) {
        n++;
      }
      if (n > 0) {
        return prefix.append(b, 0, n).append(midpoint(a.substring(Math.min(n, a.length())), b.substring(n)));
      }
    }
    int digitA = a.isEmpty() ? 0 : DIGITS.indexOf(a.charAt(0));
    int digitB = b != null ? DIGITS.indexOf(b.charAt(0)) : DIGITS.length();
    if (digitB - digitA > 1) {
      return String.valueOf(DIGITS.charAt((digitA + digitB + 1) / 2));
    }
    if (b != null && b.length() > 1) {
      return b.substring(0, 1);
    }
    return prefix.append(DIGITS.charAt(digitA)).append(midpoint(a.isEmpty() ? "" : a.substring(1), null));
  }

  private static char digitAt(String s, int i) {
    return i < s.length() ? s.charAt(i) : ZERO;
  }

  /** The next integer of the same or the next length, or null after the largest. */
  private static String increment(String integer) {
    return step(integer, +1);
  }

  /** The previous integer, or null before the smallest. */
  private static String decrement(String integer) {
    return step(integer, -1);
  }

  private static String step(String integer, int delta) {
    char head = integer.charAt(0);
    StringBuilder digits = new StringBuilder(integer.substring(1));
    char wrapFrom = delta > 0 ? LAST : ZERO;
    char wrapTo = delta > 0 ? ZERO : LAST;
    for (int i = digits.length() - 1; i >= 0; i--) {
      if (digits.charAt(i) != wrapFrom) {
        digits.setCharAt(i, DIGITS.charAt(DIGITS.indexOf(digits.charAt(i)) + delta));
        return head + digits.toString();
      }
      digits.setCharAt(i, wrapTo);
    }
    // Carried out of every digit: the integer needs another length, which the head letter encodes.
    if (delta > 0) {
      if (head == 'Z') {
        return "a" + ZERO;
      }
      if (head == 'z') {
        return null;
      }
      char next = (char) (head + 1);
      return next > 'a' ? next + digits.toString() + ZERO : next + digits.substring(0, digits.length() - 1);
    }
    if (head == 'a') {
      return "Z" + LAST;
    }
    if (head == 'A') {
      return null;
    }
    char previous = (char) (head - 1);
    return previous < 'Z' ? previous + digits.toString() + LAST : previous + digits.substring(0, digits.length() - 1);
  }
}
