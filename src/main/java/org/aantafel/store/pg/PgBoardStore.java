package org.aantafel.store.pg;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import org.aantafel.store.BoardStore;
import org.aantafel.store.ComposedBoardStore;
import org.aantafel.store.StoreConflictException;
import org.aantafel.store.StoreUnavailableException;

import java.util.function.Supplier;

/**
 * {@link BoardStore} on PostgreSQL through vertx-pg-client: {@link PgOpLog}, {@link PgBoards}, {@link PgRecords},
 * {@link PgContacts} and {@link PgSendQuotas} on one pool. An operation that spans two of them runs in one
 * transaction: the part that owns it passes its connection to the other. Failures come out as
 * {@link StoreConflictException} (unique violation) or {@link StoreUnavailableException} (everything else).
 */
public final class PgBoardStore extends ComposedBoardStore {

  private final Pool pool;
  private final Supplier<Future<Void>> afterClose;

  /** @param afterClose runs once the pool is closed, e.g. to stop an embedded server; may be null */
  public PgBoardStore(Pool pool, Supplier<Future<Void>> afterClose) {
    this(pool, afterClose, DiskPurge.external(pool));
  }

  /** @param purge what follows a deletion, so that it reaches the disk ({@link DiskPurge}) */
  public PgBoardStore(Pool pool, Supplier<Future<Void>> afterClose, DiskPurge purge) {
    super(parts(pool, purge));
    this.pool = pool;
    this.afterClose = afterClose == null ? Future::succeededFuture : afterClose;
  }

  private static Parts parts(Pool pool, DiskPurge purge) {
    PgOpLog opLog = new PgOpLog(pool);
    PgContacts contacts = new PgContacts(pool);
    PgBoards boards = new PgBoards(pool, opLog, contacts, purge);
    return new Parts(opLog, boards, new PgRecords(pool, boards), contacts, new PgSendQuotas(pool));
  }

  @Override
  public Future<Void> ping() {
    return StoreFailures.guard("ping", () -> pool.query("SELECT 1").execute().mapEmpty());
  }

  @Override
  public Future<Void> close() {
    return pool.close().eventually(afterClose::get);
  }
}
