package org.aantafel.store.pg;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

import java.util.List;

/**
 * PostgreSQL's DELETE only marks rows dead: a deleted meeting's text stays in the tables' pages (until their space is
 * reused) and in the write-ahead log (until its segment is removed). After a board is deleted this purge makes the
 * deletion reach the disk as far as the database allows (docs/security.md, "What a deletion leaves on disk"):
 * <ul>
 *   <li>on the embedded PostgreSQL, which is this server's alone: every table is rewritten ({@code VACUUM FULL}),
 *   so no page holds the old rows; then the log is switched to a new segment and checkpointed twice, after which the
 *   segments that held the text are removed ({@code wal_recycle=off}, see
 *   {@link org.aantafel.store.EmbeddedDatabase});</li>
 *   <li>on an external PostgreSQL, whose log, replicas and backups are its administrator's: a plain {@code VACUUM},
 *   which frees the dead rows without locking anyone out.</li>
 * </ul>
 * A rewrite locks each table for as long as it takes, so one purge runs at a time, and deletions that come while it
 * runs are covered by one more run after it, however many they are. Called from any event loop.
 */
public final class DiskPurge {
  private static final System.Logger LOG = System.getLogger(DiskPurge.class.getName());
  private static final List<String> EMBEDDED = List.of("VACUUM FULL", "CHECKPOINT", "SELECT pg_switch_wal()",
    "CHECKPOINT", "CHECKPOINT");
  private static final List<String> EXTERNAL = List.of("VACUUM");

  private final Pool pool;
  private final List<String> statements;
  private boolean running;
  private boolean again;

  private DiskPurge(Pool pool, List<String> statements) {
    this.pool = pool;
    this.statements = statements;
  }

  public static DiskPurge embedded(Pool pool) {
    return new DiskPurge(pool, EMBEDDED);
  }

  public static DiskPurge external(Pool pool) {
    return new DiskPurge(pool, EXTERNAL);
  }

  /** A board was deleted: purge once the purge that may be running now is done. */
  void soon() {
    synchronized (this) {
      if (running) {
        again = true;
        return;
      }
      running = true;
    }
    run();
  }

  private void run() {
    Future<Void> done = Future.succeededFuture();
    for (String statement : statements) {
      // VACUUM cannot run inside a transaction: each statement goes on its own, as a simple query.
      done = done.compose(v -> pool.query(statement).execute().mapEmpty());
    }
    done.onComplete(result -> {
      if (result.failed()) {
        LOG.log(System.Logger.Level.WARNING, "purging deleted boards from disk failed: {0}",
          result.cause().getClass().getSimpleName());
      }
      boolean more;
      synchronized (this) {
        more = again;
        again = false;
        running = more;
      }
      if (more) {
        run();
      }
    });
  }
}
