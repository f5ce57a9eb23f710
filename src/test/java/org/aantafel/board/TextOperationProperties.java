package org.aantafel.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class TextOperationProperties {

  @Property
  void applyChangesTheLengthsAsDeclared(@ForAll long seed) {
    Random random = new Random(seed);
    String doc = RandomEdits.text(random, 40);
    TextOperation a = RandomEdits.edit(random, doc);
    assertEquals(doc.length(), a.baseLength());
    assertEquals(a.targetLength(), a.apply(doc).length());
  }

  @Property
  void composeEqualsApplyingInTurn(@ForAll long seed) {
    Random random = new Random(seed);
    String doc = RandomEdits.text(random, 40);
    TextOperation a = RandomEdits.edit(random, doc);
    String afterA = a.apply(doc);
    TextOperation b = RandomEdits.edit(random, afterA);
    TextOperation ab = a.compose(b);
    assertEquals(b.apply(afterA), ab.apply(doc));
    assertEquals(doc.length(), ab.baseLength());
    assertEquals(b.targetLength(), ab.targetLength());
  }

  @Property
  void transformConvergesInBothOrders(@ForAll long seed) {
    Random random = new Random(seed);
    String doc = RandomEdits.text(random, 40);
    TextOperation a = RandomEdits.edit(random, doc);
    TextOperation b = RandomEdits.edit(random, doc);
    TextOperation[] primes = TextOperation.transform(a, b);
    String viaA = primes[1].apply(a.apply(doc));
    String viaB = primes[0].apply(b.apply(doc));
    assertEquals(viaA, viaB);
    assertEquals(a.compose(primes[1]), b.compose(primes[0]));
  }

  @Property
  void transformAgainstANoopChangesNothing(@ForAll long seed) {
    Random random = new Random(seed);
    String doc = RandomEdits.text(random, 40);
    TextOperation a = RandomEdits.edit(random, doc);
    TextOperation noop = TextOperation.empty().retain(doc.length());
    TextOperation[] primes = TextOperation.transform(a, noop);
    assertEquals(a, primes[0]);
    assertTrue(primes[1].isNoop());
  }

  @Property
  void transformIndexStaysInsideTheNewTextAndKeepsOrder(@ForAll long seed) {
    Random random = new Random(seed);
    String doc = RandomEdits.text(random, 40);
    TextOperation a = RandomEdits.edit(random, doc);
    int previous = -1;
    for (int i = 0; i <= doc.length(); i++) {
      int moved = a.transformIndex(i);
      assertTrue(moved >= 0 && moved <= a.targetLength(), () -> "index out of the text: " + moved);
      assertTrue(moved >= previous, "carets keep their order");
      previous = moved;
    }
    assertEquals(a.targetLength(), a.transformIndex(doc.length()), "a caret at the end stays at the end");
  }

  @Property
  void transformIndexKeepsTheCharacterUnderARetainedCaret(@ForAll long seed) {
    Random random = new Random(seed);
    String doc = RandomEdits.text(random, 40);
    TextOperation a = RandomEdits.edit(random, doc);
    String after = a.apply(doc);
    for (int i = 0; i < doc.length(); i++) {
      if (survives(a, i)) {
        assertEquals(doc.charAt(i), after.charAt(a.transformIndex(i)));
      }
    }
  }

  private static boolean survives(TextOperation op, int index) {
    int position = 0;
    for (Object c : op.toComponents()) {
      if (c instanceof Integer n) {
        if (index < position + Math.abs(n)) {
          return n > 0;
        }
        position += Math.abs(n);
      }
    }
    return false;
  }

  @Property
  void componentsRoundTripAndAreNormalised(@ForAll long seed) {
    Random random = new Random(seed);
    String doc = RandomEdits.text(random, 40);
    TextOperation a = RandomEdits.edit(random, doc);
    assertEquals(a, TextOperation.fromComponents(a.toComponents()));
    assertNormalised(a.toComponents());
  }

  @Property
  void normalisationIsIdempotentForAnySpelling(@ForAll long seed) {
    Random random = new Random(seed);
    TextOperation a = RandomEdits.edit(random, RandomEdits.text(random, 40));
    // Spell the same edit badly: split every component and put deletes before inserts.
    List<Object> split = new ArrayList<>();
    for (Object c : a.toComponents()) {
      if (c instanceof String s && s.length() > 1) {
        split.add(s.substring(0, 1));
        split.add(s.substring(1));
      } else if (c instanceof Integer n && Math.abs(n) > 1) {
        split.add(Integer.signum(n));
        split.add(n - Integer.signum(n));
      } else {
        split.add(c);
      }
    }
    TextOperation once = TextOperation.fromComponents(split);
    assertEquals(a, once);
    assertEquals(once, TextOperation.fromComponents(once.toComponents()));
  }

  static void assertNormalised(List<Object> components) {
    for (int i = 1; i < components.size(); i++) {
      Object prev = components.get(i - 1);
      Object c = components.get(i);
      assertTrue(!sameType(prev, c), () -> "adjacent components of one type in " + components);
      assertTrue(!(TextOperation.isDelete(prev) && c instanceof String), () -> "delete before insert in " + components);
    }
  }

  private static boolean sameType(Object a, Object b) {
    return (a instanceof String && b instanceof String)
        || (TextOperation.isRetain(a) && TextOperation.isRetain(b))
        || (TextOperation.isDelete(a) && TextOperation.isDelete(b));
  }
}
