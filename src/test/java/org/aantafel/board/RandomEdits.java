package org.aantafel.board;

import java.util.Random;

/** Random texts and edits for property tests and test vectors, in the manner of ot.js's test helpers. */
final class RandomEdits {

  /** Includes a surrogate pair, so that code-unit counting is exercised on both sides. */
  private static final String ALPHABET = "abcxyz é\n😀";

  private RandomEdits() {
  }

  static String text(Random random, int maxLength) {
    StringBuilder s = new StringBuilder();
    int length = random.nextInt(maxLength + 1);
    while (s.length() < length) {
      int i = random.nextInt(ALPHABET.length() - 1);
      // Keep the surrogate pair whole in the generated text; edits may still split it, as users' can.
      s.append(Character.isHighSurrogate(ALPHABET.charAt(i)) ? ALPHABET.substring(i, i + 2) : ALPHABET.charAt(i));
    }
    return s.toString();
  }

  static TextOperation edit(Random random, String doc) {
    TextOperation op = TextOperation.empty();
    int left;
    while ((left = doc.length() - op.baseLength()) > 0) {
      int length = 1 + random.nextInt(Math.min(left, 20));
      double r = random.nextDouble();
      if (r < 0.2) {
        op = op.insert(text(random, 5) + "i");
      } else if (r < 0.4) {
        op = op.delete(length);
      } else {
        op = op.retain(length);
      }
    }
    if (random.nextDouble() < 0.3) {
      op = op.insert("t" + text(random, 8));
    }
    return op;
  }
}
