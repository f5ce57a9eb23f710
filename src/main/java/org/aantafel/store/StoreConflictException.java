package org.aantafel.store;

/**
 * A write collided with something already stored (a taken revision, a committed (clientId, seq), an existing
 * board id). Nothing of the failed write was stored; callers answer 409.
 */
public class StoreConflictException extends RuntimeException {

  public StoreConflictException(String message, Throwable cause) {
    super(message, cause);
  }
}
