package org.aantafel.store.memory;

import io.vertx.core.Future;
import org.aantafel.store.BoardStore;
import org.aantafel.store.ComposedBoardStore;
import org.aantafel.store.StoreUnavailableException;

/**
 * {@link BoardStore} in the JVM's memory, FOR TESTS ONLY: nothing is ever written to disk, so everything is gone with
 * the process. It lets the hub and API tests run without PostgreSQL while keeping the contract the hub relies on
 * (conflicts that fence a stale writer, immutable record versions, seat and series rules); the contract tests run
 * against both drivers so that they cannot drift.
 *
 * <p>Its parts ({@link MemoryOpLog}, {@link MemoryBoards}, {@link MemoryRecords}, {@link MemoryContacts},
 * {@link MemorySendQuotas}) share one {@link StoreLock}, which stands in for PostgreSQL's transactions. A write to an
 * unknown board fails with {@link StoreUnavailableException} like PostgreSQL's foreign key violation. JSON goes in
 * and out as copies, as it would through jsonb.
 *
 * <p>{@link #close()} forgets nothing: an App restarted on the same instance finds its boards again, which lets a
 * restart test run in memory.
 */
public final class InMemoryStore extends ComposedBoardStore {

  public InMemoryStore() {
    super(parts(new StoreLock()));
  }

  private static Parts parts(StoreLock lock) {
    BoardTable boards = new BoardTable();
    MemoryOpLog opLog = new MemoryOpLog(lock);
    MemoryRecords records = new MemoryRecords(lock, boards);
    MemoryContacts contacts = new MemoryContacts(lock, boards);
    return new Parts(opLog, new MemoryBoards(lock, boards, opLog, records, contacts), records, contacts,
        new MemorySendQuotas(lock));
  }

  @Override
  public Future<Void> ping() {
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> close() {
    return Future.succeededFuture();
  }
}
