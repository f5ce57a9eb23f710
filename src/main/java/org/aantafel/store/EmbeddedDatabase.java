package org.aantafel.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A PostgreSQL server run by this process, for installations without an external database. Its data lives in
 * {@code <dataDir>/postgres} and survives restarts. Starting and stopping block: call them on a worker thread.
 *
 * <p>Other users of the machine must not get in: the superuser has a password (see {@link SuperuserPassword}),
 * every connection must give it ({@link ClientAuthentication}), the server listens on loopback only and opens no
 * unix socket.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  private static final String SUPERUSER = "postgres";
  private static final String DATABASE = "postgres";
  /** Not "localhost": that name could resolve to ::1 first, and the server listens on IPv4 loopback only. */
  private static final String HOST = "127.0.0.1";

  private final EmbeddedPostgres postgres;
  private final String password;
  private final Path directory;
  private final ProcessHandle postmaster;

  private EmbeddedDatabase(EmbeddedPostgres postgres, String password, Path directory, ProcessHandle postmaster) {
    this.postgres = postgres;
    this.password = password;
    this.directory = directory;
    this.postmaster = postmaster;
  }

  /** Starts the server on a free port, creating the cluster on first use. Blocking. */
  public static EmbeddedDatabase start(Path dataDir) {
    return start(dataDir, 0);
  }

  /**
   * Starts the server on this port (0: a free one). A server started again after it died takes its old port, so that
   * every pool and URL handed out still reaches it. Blocking.
   */
  public static EmbeddedDatabase start(Path dataDir, int port) {
    Path directory = dataDir.resolve("postgres").toAbsolutePath().normalize();
    try {
      PrivateFiles.directory(directory);
      LeftoverPostmaster.clear(directory);
      String password = SuperuserPassword.storedOrNew(directory);
      EmbeddedPostgres postgres = EmbeddedPostgres.builder()
          .setDataDirectory(directory)
          .setCleanDataDirectory(false)
          // zonky's own JVM shutdown hook would stop the server at once, racing the owner's stop while the hubs
          // still save their last snapshots; whoever starts it closes it (Main's shutdown hook, via the store).
          .setRegisterShutdownHook(false)
          .setPort(port)
          .setOverrideWorkingDirectory(PostgresBinaries.workingDirectory().toFile())
          // Runs after zonky's initdb (first start only) and before the server starts, on every start.
          .setDataDirectoryCustomizer(cluster -> lockDown(cluster, password))
          // zonky's readiness check logs in too
          .setConnectConfig("password", password)
          .setServerConfig("listen_addresses", HOST)
          .setServerConfig("unix_socket_directories", "")
          .setServerConfig("password_encryption", "scram-sha-256")
          // zonky turns both off for test speed (synchronous_commit=off, and -F for fsync); -c options come after
          // -F on the command line and win. The hub acknowledges a submit once its commit returns, so that commit
          // must be on disk.
          .setServerConfig("synchronous_commit", "on")
          .setServerConfig("fsync", "on")
          // A log segment no longer needed is removed rather than renamed for reuse, where a deleted meeting's text
          // would wait to be overwritten (DiskPurge).
          .setServerConfig("wal_recycle", "off")
          .start();
      ProcessHandle postmaster = LeftoverPostmaster.runningServer(directory)
          .orElseThrow(() -> new IOException("PostgreSQL answered, but no postmaster runs in " + directory));
      return new EmbeddedDatabase(postgres, password, directory, postmaster);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start embedded PostgreSQL in " + directory, e);
    }
  }

  /**
   * zonky's initdb always writes {@code trust} into pg_hba.conf and gives the superuser no password, and clusters
   * made by earlier versions of this class are in that state too. Both are fixed here, while no server runs: the
   * password is set in single-user mode, which listens nowhere, and only then is pg_hba.conf replaced. So there is
   * no moment in which a server accepts connections without a password, not even on the first start. Doing it in
   * this order also makes an interrupted lock-down simply happen again on the next start.
   */
  private static void lockDown(File cluster, String password) {
    Path directory = cluster.toPath();
    try {
      boolean newPassword = !SuperuserPassword.isStored(directory);
      if (newPassword) {
        SuperuserPassword.store(directory, password);
      }
      if (newPassword || !ClientAuthentication.isInstalled(directory)) {
        // base64url: no quote can end the literal early
        SingleUserPostgres.run(directory, "ALTER ROLE " + SUPERUSER + " PASSWORD '" + password + "'");
        ClientAuthentication.install(directory);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not lock down embedded PostgreSQL in " + directory, e);
    }
  }

  /** Connection details of the default database, password included. */
  public DatabaseConfig config() {
    return new DatabaseConfig(HOST, postgres.getPort(), DATABASE, SUPERUSER, password);
  }

  /** False once its postmaster has died, e.g. killed by hand or by the kernel when memory ran out. Cheap. */
  boolean isRunning() {
    return LeftoverPostmaster.runsIn(postmaster, directory);
  }

  /** Stops the server (fast shutdown); on a server that died, only releases what zonky holds. Blocking. */
  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException("could not stop embedded PostgreSQL", e);
    }
  }
}
