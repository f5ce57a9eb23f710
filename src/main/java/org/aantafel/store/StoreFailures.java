package org.aantafel.store;

import io.vertx.core.Future;
import io.vertx.pgclient.PgException;

/** Turns driver failures into the two outcomes the callers act on: conflict (409) or unavailable (503). */
final class StoreFailures {

  private static final String UNIQUE_VIOLATION = "23505";

  private StoreFailures() {
  }

  static <T> Future<T> translate(String action, Throwable failure) {
    if (failure instanceof StoreConflictException || failure instanceof StoreUnavailableException) {
      return Future.failedFuture(failure);
    }
    if (failure instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())) {
      return Future.failedFuture(new StoreConflictException(
          action + ": already stored (" + pg.getConstraint() + ")", failure));
    }
    return Future.failedFuture(new StoreUnavailableException(action + ": " + failure.getMessage(), failure));
  }
}
