package org.aantafel.store;

/**
 * The database could not do what was asked (unreachable, timed out, or failed in a way that is not a conflict).
 * Callers answer 503 and must not acknowledge anything that depended on it.
 */
public class StoreUnavailableException extends RuntimeException {

  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
