package org.aantafel.testsupport;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.aantafel.store.DatabaseConfig;
import org.aantafel.store.EmbeddedDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * One embedded PostgreSQL per test JVM, and a fresh empty database from it for every caller.
 *
 * <p>Starting PostgreSQL takes seconds, creating a database a fraction of one, so tests share the server but never
 * see each other's data. Hand the URL to {@code Stores.open(vertx, url, dataDir)}: it migrates the new database.
 */
public final class TestDatabase {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedDatabase server;

  private TestDatabase() {
  }

  /** A {@code postgresql://user:pass@host:port/db} URL of a new, empty database. */
  public static String freshUrl() {
    return freshConfig().url();
  }

  public static DatabaseConfig freshConfig() {
    DatabaseConfig admin = server().config();
    String name = "test_" + DATABASES.incrementAndGet() + "_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection connection = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
         Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create test database " + name, e);
    }
    return admin.withDatabase(name);
  }

  private static synchronized EmbeddedDatabase server() {
    if (server == null) {
      // A directory per JVM: test runs of different worktrees or forks never share a cluster.
      Path dataDir = Path.of("target", "test-postgres", UUID.randomUUID().toString());
      server = EmbeddedDatabase.start(dataDir);
      EmbeddedDatabase started = server;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        started.close();
        // zonky's own shutdown hook may be the one still stopping the server: delete only once it is down.
        if (waitUntilGone(dataDir.resolve("postgres").resolve("postmaster.pid"))) {
          deleteQuietly(dataDir); // a cluster is tens of megabytes; one per test JVM would fill target/
        }
      }, "test-postgres-stop"));
    }
    return server;
  }

  private static boolean waitUntilGone(Path file) {
    try {
      Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
        .until(() -> !Files.exists(file));
      return true;
    } catch (ConditionTimeoutException e) {
      return false;
    }
  }

  private static void deleteQuietly(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // Only disk space is at stake; mvn clean removes the rest.
    }
  }
}
