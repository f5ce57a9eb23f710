package org.aantafel.board;

import static org.aantafel.board.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OrderKeyTest {

  @Test
  void knownKeysMatchFractionalIndexing() {
    assertEquals("a0", OrderKey.between(null, null));
    assertEquals("a1", OrderKey.between("a0", null));
    assertEquals("Zz", OrderKey.between(null, "a0"));
    assertEquals("a0V", OrderKey.between("a0", "a1"));
    assertEquals("a0l", OrderKey.between("a0V", "a1"));
    assertEquals("b00", OrderKey.between("az", null));
    assertEquals("a0", OrderKey.between(null, "a0V"));
    assertEquals("a1", OrderKey.between("a0", "a2"));
    assertEquals("a0G", OrderKey.between("a0", "a0V"));
    assertEquals("Zy", OrderKey.between(null, "Zz"));
    assertEquals("Yzz", OrderKey.between(null, "Z0"));
  }

  @Test
  void refusesBadInput() {
    assertRejected(400, () -> OrderKey.between("a1", "a0"));
    assertRejected(400, () -> OrderKey.between("a1", "a1"));
    assertRejected(400, () -> OrderKey.between("a10", null));
    assertRejected(400, () -> OrderKey.between("", null));
    assertRejected(400, () -> OrderKey.between(null, "a"));
    assertRejected(400, () -> OrderKey.between("!x", null));
  }

  @Test
  void validity() {
    assertTrue(OrderKey.isValid("a0"));
    assertTrue(OrderKey.isValid("Zz"));
    assertTrue(OrderKey.isValid("a0V"));
    assertFalse(OrderKey.isValid("a0V0"));
    assertFalse(OrderKey.isValid("a"));
    assertFalse(OrderKey.isValid("a0-"));
    assertFalse(OrderKey.isValid(null));
    assertFalse(OrderKey.isValid("A" + "0".repeat(26)));
  }
}
