package org.aantafel.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.function.Executable;

/** Asserts that something is refused with a given code. */
final class Rejections {

  private Rejections() {
  }

  static BoardRejection assertRejected(int code, Executable executable) {
    BoardRejection rejection = assertThrows(BoardRejection.class, executable);
    assertEquals(code, rejection.code(), () -> "code of: " + rejection.getMessage());
    return rejection;
  }
}
