package org.aantafel.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

import java.nio.file.Path;

/** Opens the board store the configuration asks for: an external PostgreSQL, or an embedded one. */
public final class Stores {

  /** Small on purpose: the hub group-commits, so a board needs few connections, and the machine has few cores. */
  private static final int POOL_SIZE = 8;

  private Stores() {
  }

  /**
   * With a URL ({@code postgresql://user:pass@host:port/db} or {@code jdbc:postgresql://...}) uses that database;
   * with a blank URL starts an embedded PostgreSQL under {@code dataDir/postgres}. Either way the schema is migrated
   * before the store is handed out. Closing the store closes the pool and then stops the embedded server, if any.
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
    return vertx.executeBlocking(() -> EmbeddedDatabase.start(dataDir))
        .compose(embedded -> open(vertx, embedded.config(), embedded)
            .recover(failure -> stop(vertx, embedded).transform(stopped -> Future.failedFuture(failure))));
  }

  private static Future<BoardStore> open(Vertx vertx, DatabaseConfig database, EmbeddedDatabase embedded) {
    return Migrations.run(vertx, database).map(migrated -> {
      Pool pool = PgBuilder.pool()
          .with(new PoolOptions().setMaxSize(POOL_SIZE))
          .connectingTo(database.pgConnectOptions())
          .using(vertx)
          .build();
      return new PgBoardStore(pool, embedded == null ? null : () -> stop(vertx, embedded));
    });
  }

  private static Future<Void> stop(Vertx vertx, EmbeddedDatabase embedded) {
    return vertx.executeBlocking(() -> {
      embedded.close();
      return null;
    });
  }
}
