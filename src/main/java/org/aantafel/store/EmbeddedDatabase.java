package org.aantafel.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A PostgreSQL server run by this process, for installations without an external database. Its data lives in
 * {@code <dataDir>/postgres} and survives restarts. Starting and stopping block: call them on a worker thread.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  private static final String SUPERUSER = "postgres";
  private static final String DATABASE = "postgres";

  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /** Starts the server on a free port, creating the cluster on first use. Blocking. */
  public static EmbeddedDatabase start(Path dataDir) {
    Path directory = dataDir.resolve("postgres").toAbsolutePath().normalize();
    try {
      Files.createDirectories(directory);
      LeftoverPostmaster.clear(directory);
      EmbeddedPostgres postgres = EmbeddedPostgres.builder()
          .setDataDirectory(directory)
          .setCleanDataDirectory(false)
          // zonky turns both off for test speed (synchronous_commit=off, and -F for fsync); -c options come after
          // -F on the command line and win. The hub acknowledges a submit once its commit returns, so that commit
          // must be on disk.
          .setServerConfig("synchronous_commit", "on")
          .setServerConfig("fsync", "on")
          .start();
      return new EmbeddedDatabase(postgres);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start embedded PostgreSQL in " + directory, e);
    }
  }

  /** Connection details of the default database. The cluster trusts local connections, so any password works. */
  public DatabaseConfig config() {
    return new DatabaseConfig("localhost", postgres.getPort(), DATABASE, SUPERUSER, SUPERUSER);
  }

  /** Stops the server (fast shutdown). Blocking. */
  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException("could not stop embedded PostgreSQL", e);
    }
  }
}
