package org.aantafel.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import org.aantafel.store.pg.DiskPurge;
import org.aantafel.store.pg.PgBoardStore;

import java.nio.file.Path;
import java.util.function.Supplier;

/** Opens the board store the configuration asks for: an external PostgreSQL, or an embedded one. */
public final class Stores {

  /** Small on purpose: the hub group-commits, so a board needs few connections, and the machine has few cores. */
  private static final int POOL_SIZE = 8;

  private Stores() {
  }

  /**
   * With a URL ({@code postgresql://user:pass@host:port/db} or {@code jdbc:postgresql://...}) uses that database;
   * with a blank URL starts an embedded PostgreSQL under {@code dataDir/postgres}. Either way the schema is migrated
   * before the store is handed out. Closing the store closes the pool and then stops the embedded server, if any;
   * while the store is open, an embedded server that dies is started again ({@link EmbeddedPostgresSupervisor}).
   */
  public static Future<BoardStore> open(Vertx vertx, String dbUrlOrEmpty, Path dataDir) {
    if (dbUrlOrEmpty != null && !dbUrlOrEmpty.isBlank()) {
      DatabaseConfig database;
      try {
        database = DatabaseConfig.fromUrl(dbUrlOrEmpty);
      } catch (IllegalArgumentException e) {
        return Future.failedFuture(e);
      }
      return open(vertx, database, null);
    }
    return EmbeddedPostgresSupervisor.start(vertx, dataDir)
        .compose(embedded -> open(vertx, embedded.config(), embedded::stop)
            .recover(failure -> embedded.stop().transform(stopped -> Future.failedFuture(failure))));
  }

  /** @param afterClose stops what serves the database once the pool is closed; null when nothing here does */
  private static Future<BoardStore> open(Vertx vertx, DatabaseConfig database, Supplier<Future<Void>> afterClose) {
    return Migrations.run(vertx, database).map(migrated -> {
      Pool pool = PgBuilder.pool()
          .with(new PoolOptions().setMaxSize(POOL_SIZE))
          .connectingTo(database.pgConnectOptions())
          .using(vertx)
          .build();
      // The embedded server is this one's alone: a deletion may rewrite its tables and drop its old log.
      return new PgBoardStore(pool, afterClose,
          afterClose == null ? DiskPurge.external(pool) : DiskPurge.embedded(pool));
    });
  }
}
