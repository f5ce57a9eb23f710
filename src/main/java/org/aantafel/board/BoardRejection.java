package org.aantafel.board;

/**
 * Thrown for any op or state that must be refused. The code is an HTTP-like status so that the hub can pass it
 * to the client unchanged: 400 bad input, 403 forbidden, 409 conflict, 413 too large.
 */
public final class BoardRejection extends RuntimeException {

  private final int code;

  public BoardRejection(int code, String message) {
    // No stack trace: rejections are expected answers to client input, not bugs, and can be frequent.
    super(message, null, false, false);
    this.code = code;
  }

  public int code() {
    return code;
  }

  static BoardRejection badInput(String message) {
    return new BoardRejection(400, message);
  }
}
