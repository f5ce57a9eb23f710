package org.aantafel.sync;

import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import org.aantafel.board.BoardRejection;
import org.aantafel.store.StoreConflictException;
import org.aantafel.store.StoreUnavailableException;

/**
 * A refusal with the numeric code of the wire contract (400, 403, 404, 409, 410, 413, 429, 503). Every failure that reaches
 * a browser goes through {@link #replyTo}, so that each kind of trouble is answered the same way everywhere.
 */
public final class Refusal extends RuntimeException {
  public static final int BAD_INPUT = 400;
  public static final int FORBIDDEN = 403;
  public static final int UNKNOWN_BOARD = 404;
  public static final int CONFLICT = 409;
  /** A submit based on a revision older than the board's history: the client catches up, then sends it again. */
  public static final int BEHIND = 410;
  public static final int TOO_LARGE = 413;
  public static final int RATE_LIMITED = 429;
  public static final int STORAGE_UNAVAILABLE = 503;

  private final int code;

  public Refusal(int code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  /**
   * The one answer for a link that does not open a board: a wrong token and a board that does not exist (or no longer
   * does) must look the same, or the answer would tell a stranger which board ids exist.
   */
  public static Refusal noAccess() {
    return new Refusal(FORBIDDEN, "this link does not open this board");
  }

  public int code() {
    return code;
  }

  public static Refusal of(Throwable t) {
    if (t instanceof Refusal f) {
      return f;
    }
    if (t instanceof BoardRejection r) {
      return new Refusal(r.code(), r.getMessage());
    }
    if (t instanceof ReplyException r && r.failureCode() >= 400) {
      return new Refusal(r.failureCode(), r.getMessage());
    }
    if (t instanceof StoreConflictException) {
      return new Refusal(CONFLICT, "this change conflicts with one already stored; join again");
    }
    if (t instanceof StoreUnavailableException) {
      return new Refusal(STORAGE_UNAVAILABLE, "storage is unavailable; your edits are kept and will be sent again");
    }
    return new Refusal(STORAGE_UNAVAILABLE, "the server could not handle this right now; try again");
  }

  public static void replyTo(Message<?> message, Throwable t) {
    Refusal f = of(t);
    message.fail(f.code(), f.getMessage());
  }
}
