package org.aantafel.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.flywaydb.core.Flyway;

/** Brings the schema up to date from {@code db/migration} on the class path before anything uses the database. */
public final class Migrations {

  private Migrations() {
  }

  /** Runs on a worker thread: Flyway talks JDBC and blocks. */
  public static Future<Void> run(Vertx vertx, DatabaseConfig database) {
    return vertx.executeBlocking(() -> {
      Flyway.configure()
          .dataSource(database.jdbcUrl(), database.user(), database.password())
          .locations("classpath:db/migration")
          .load()
          .migrate();
      return null;
    });
  }
}
