package org.aantafel.store.pg;

import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import org.aantafel.store.StoreConflictException;
import org.aantafel.store.StoreUnavailableException;

import java.util.function.Supplier;

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

  /** Also catches what the driver throws instead of returning a failed future, so callers see only our two types. */
  static <T> Future<T> guard(String action, Supplier<Future<T>> work) {
    Future<T> started;
    try {
      started = work.get();
    } catch (RuntimeException e) {
      started = Future.failedFuture(e);
    }
    return started.recover(failure -> translate(action, failure));
  }
}
