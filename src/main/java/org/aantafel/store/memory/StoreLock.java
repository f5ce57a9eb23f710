package org.aantafel.store.memory;

import io.vertx.core.Future;
import org.aantafel.store.StoreConflictException;
import org.aantafel.store.StoreUnavailableException;

import java.util.function.Supplier;

/**
 * One lock for every part of the in-memory store, standing in for PostgreSQL's transactions: every method of every
 * part runs its work under it, so each is atomic and safe from any event loop, and an operation that spans parts (a
 * board's creation or deletion, a removed seat's address) is atomic too. It is held only for map operations.
 */
final class StoreLock {

  /** Runs under the lock; the conflicts and failures the work throws become failed futures. */
  synchronized <T> Future<T> atomically(Supplier<T> work) {
    try {
      return Future.succeededFuture(work.get());
    } catch (StoreConflictException | StoreUnavailableException e) {
      return Future.failedFuture(e);
    }
  }

  static StoreConflictException conflict(String message) {
    return new StoreConflictException(message, null);
  }

  /** What PostgreSQL's foreign keys make of a row of an unknown board. */
  static StoreUnavailableException noSuchBoard(String action, String boardId) {
    return new StoreUnavailableException(action + " " + boardId + ": no such board", null);
  }
}
