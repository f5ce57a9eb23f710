package org.aantafel.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class TextOperationProperties {

  /** A random text, a random edit of it, its result, and the random source for anything more a property needs. */
  private record Case(Random random, String doc, TextOperation a, String after) {
    static Case of(long seed) {
      Random random = new Random(seed);
      String doc = RandomEdits.text(random, 40);
      TextOperation a = RandomEdits.edit(random, doc);
      return new Case(random, doc, a, a.apply(doc));
    }
  }

  @Property
  void applyChangesTheLengthsAsDeclared(@ForAll long seed) {
    Case c = Case.of(seed);
    assertEquals(c.doc().length(), c.a().baseLength());
    assertEquals(c.a().targetLength(), c.after().length());
  }

  @Property
  void composeEqualsApplyingInTurn(@ForAll long seed) {
    Case c = Case.of(seed);
    TextOperation b = RandomEdits.edit(c.random(), c.after());
    TextOperation ab = c.a().compose(b);
    assertEquals(b.apply(c.after()), ab.apply(c.doc()));
    assertEquals(c.doc().length(), ab.baseLength());
    assertEquals(b.targetLength(), ab.targetLength());
  }

  @Property
  void transformConvergesInBothOrders(@ForAll long seed) {
    Case c = Case.of(seed);
    TextOperation b = RandomEdits.edit(c.random(), c.doc());
    TextOperation[] primes = TextOperation.transform(c.a(), b);
    assertEquals(primes[1].apply(c.after()), primes[0].apply(b.apply(c.doc())));
    assertEquals(c.a().compose(primes[1]), b.compose(primes[0]));
  }

  @Property
  void transformAgainstANoopChangesNothing(@ForAll long seed) {
    Case c = Case.of(seed);
    TextOperation[] primes = TextOperation.transform(c.a(), TextOperation.empty().retain(c.doc().length()));
    assertEquals(c.a(), primes[0]);
    assertTrue(primes[1].isNoop());
  }

  @Property
  void transformIndexStaysInsideTheNewTextAndKeepsOrder(@ForAll long seed) {
    Case c = Case.of(seed);
    int previous = -1;
    for (int i = 0; i <= c.doc().length(); i++) {
      int moved = c.a().transformIndex(i);
      assertTrue(moved >= 0 && moved <= c.a().targetLength(), () -> "index out of the text: " + moved);
      assertTrue(moved >= previous, "carets keep their order");
      previous = moved;
    }
    assertEquals(c.a().targetLength(), c.a().transformIndex(c.doc().length()), "a caret at the end stays there");
  }

  @Property
  void transformIndexKeepsTheCharacterUnderARetainedCaret(@ForAll long seed) {
    Case c = Case.of(seed);
    for (int i = 0; i < c.doc().length(); i++) {
      if (survives(c.a(), i)) {
        assertEquals(c.doc().charAt(i), c.after().charAt(c.a().transformIndex(i)));
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
    TextOperation a = Case.of(seed).a();
    assertEquals(a, TextOperation.fromComponents(a.toComponents()));
    assertNormalised(a.toComponents());
  }

  @Property
  void normalisationIsIdempotentForAnySpelling(@ForAll long seed) {
    TextOperation a = Case.of(seed).a();
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
