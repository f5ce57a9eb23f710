package org.aantafel.board;

import static org.aantafel.board.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextOperationTest {

  private static TextOperation op(Object... components) {
    return TextOperation.fromComponents(Arrays.asList(components));
  }

  @Test
  void buildersNormaliseLikeOtJs() {
    TextOperation op = TextOperation.empty().retain(2).retain(3).insert("a").insert("b").delete(1).delete(2)
        .insert("c").retain(0).insert("").delete(0);
    assertEquals(List.of(5, "abc", -3), op.toComponents());
    assertEquals(8, op.baseLength());
    assertEquals(8, op.targetLength());
  }

  @Test
  void insertAfterDeleteMovesBeforeIt() {
    assertEquals(List.of(1, "x", -2), op(1, -2, "x").toComponents());
    assertEquals(List.of("x", -2), op(-2, "x").toComponents());
  }

  @Test
  void trailingRetainIsKeptBecauseItFixesTheBaseLength() {
    assertEquals(List.of("x", 4), op("x", 4).toComponents());
    assertEquals(4, op("x", 4).baseLength());
  }

  @Test
  void fromComponentsAcceptsAnyIntegralNumber() {
    assertEquals(List.of(3, -2), op(3L, -2.0).toComponents());
    assertEquals(List.of(5), op(new BigDecimal("5")).toComponents());
  }

  @Test
  void fromComponentsRefusesBadComponents() {
    assertRejected(400, () -> op(0));
    assertRejected(400, () -> op(""));
    assertRejected(400, () -> op(1.5));
    assertRejected(400, () -> op(true));
    assertRejected(400, () -> op((Object) null));
    assertRejected(400, () -> op(List.of(1)));
    assertRejected(400, () -> op(3_000_000_000L));
    assertRejected(400, () -> op(Double.NaN));
    assertRejected(400, () -> TextOperation.fromComponents(null));
  }

  @Test
  void applyAndLengthMismatch() {
    assertEquals("hello world", op(5, " world").apply("hello"));
    assertEquals("hi", op("hi", -5).apply("hello"));
    BoardRejection r = assertRejected(400, () -> op(5, " world").apply("hell"));
    assertEquals("edit does not match the text", r.getMessage());
  }

  @Test
  void isNoop() {
    assertTrue(TextOperation.empty().isNoop());
    assertTrue(op(7).isNoop());
    assertFalse(op(7, "a").isNoop());
    assertFalse(op(-7).isNoop());
  }

  @Test
  void composeMergesEffects() {
    TextOperation a = op(3, "XY", 2);
    TextOperation b = op(4, -2, 1, "!");
    assertEquals("abcXe!", a.compose(b).apply("abcde"));
    assertEquals(List.of(3, "X", -1, 1, "!"), a.compose(b).toComponents());
    assertRejected(400, () -> a.compose(op(3)));
  }

  @Test
  void transformPutsTheFirstInsertFirstAtEqualPositions() {
    TextOperation committed = op(1, "A", 1);
    TextOperation incoming = op(1, "B", 1);
    TextOperation[] primes = TextOperation.transform(committed, incoming);
    assertEquals("xABy", primes[1].apply(committed.apply("xy")));
    assertEquals("xABy", primes[0].apply(incoming.apply("xy")));
    assertRejected(400, () -> TextOperation.transform(op(1), op(2)));
  }

  @Test
  void transformOfOverlappingDeletes() {
    TextOperation a = op(1, -3, 1);
    TextOperation b = op(2, -3);
    TextOperation[] primes = TextOperation.transform(a, b);
    assertEquals("a", primes[1].apply(a.apply("abcde")));
    assertEquals(List.of(1, -1), primes[0].toComponents());
    assertEquals(List.of(1, -1), primes[1].toComponents());
  }

  @Test
  void transformIndexPushesAtInsertsAndClampsIntoDeletes() {
    TextOperation insertAt2 = op(2, "xyz", 3);
    assertEquals(1, insertAt2.transformIndex(1));
    assertEquals(5, insertAt2.transformIndex(2));
    assertEquals(6, insertAt2.transformIndex(3));
    TextOperation deleteMiddle = op(1, -3, 1);
    assertEquals(1, deleteMiddle.transformIndex(2));
    assertEquals(1, deleteMiddle.transformIndex(4));
    assertEquals(2, deleteMiddle.transformIndex(5));
  }

  @Test
  void equalsHashCodeAndToString() {
    assertEquals(op(1, "a"), TextOperation.empty().retain(1).insert("a"));
    assertEquals(op(1, "a").hashCode(), TextOperation.empty().retain(1).insert("a").hashCode());
    assertEquals("TextOperation[retain 1, insert 'a', delete 2]", op(1, "a", -2).toString());
  }

  @Test
  void buildersRefuseNegativeCounts() {
    assertRejected(400, () -> TextOperation.empty().retain(-1));
    assertRejected(400, () -> TextOperation.empty().delete(-1));
  }
}
