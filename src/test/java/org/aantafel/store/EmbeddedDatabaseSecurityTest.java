package org.aantafel.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Another OS user on the same machine must not get into the embedded PostgreSQL: as its superuser they could read
 * every board and run shell commands as this user ({@code COPY ... TO PROGRAM}).
 *
 * <p>Tests run as root in CI, and root can open any file whatever its mode, so file protections are checked by
 * their mode bits, not by trying to open them.
 */
class EmbeddedDatabaseSecurityTest {

  /** PostgreSQL: the password was wrong. */
  private static final String INVALID_PASSWORD = "28P01";
  /** pgjdbc: the server asked for a password and the client had none. */
  private static final String CONNECTION_REJECTED = "08004";

  @TempDir
  static Path sharedDataDir;

  private static EmbeddedDatabase server;

  @TempDir
  Path dataDir;

  @BeforeAll
  static void startServer() {
    server = EmbeddedDatabase.start(sharedDataDir);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Test
  void anotherLocalUserCannotConnectWithoutPassword() {
    DatabaseConfig config = server.config();
    Properties userOnly = new Properties();
    userOnly.setProperty("user", config.user());

    SQLException refused = assertThrows(SQLException.class,
        () -> DriverManager.getConnection(config.jdbcUrl(), userOnly).close());

    assertEquals(CONNECTION_REJECTED, refused.getSQLState(), refused.getMessage());
  }

  @Test
  void anotherLocalUserCannotConnectWithAGuessedPassword() {
    DatabaseConfig config = server.config();
    for (String guess : List.of("", "postgres", config.password() + "x")) {
      SQLException refused = assertThrows(SQLException.class,
          () -> DriverManager.getConnection(config.jdbcUrl(), config.user(), guess).close());
      assertTrue(Set.of(INVALID_PASSWORD, CONNECTION_REJECTED).contains(refused.getSQLState()),
          refused.getSQLState() + " " + refused.getMessage());
    }
  }

  @Test
  void theAppLogsInWithTheGeneratedPassword() throws Exception {
    DatabaseConfig config = server.config();

    assertEquals(43, config.password().length(), "32 random bytes, base64url without padding");
    assertEquals(config.password(), storedPassword(sharedDataDir));
    assertEquals("1", query(config, "SELECT 1").get(0));
  }

  @Test
  void anotherLocalUserCannotReadThePasswordFileOrTheData() throws Exception {
    Path cluster = sharedDataDir.resolve("postgres");

    assertEquals("rw-------", mode(cluster.resolve(SuperuserPassword.FILE_NAME)));
    assertEquals("rwx------", mode(cluster));
  }

  @Test
  void noConnectionIsTrusted() throws Exception {
    Path pgHba = sharedDataDir.resolve("postgres").resolve("pg_hba.conf");
    List<String> rules = Files.readAllLines(pgHba).stream()
        .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();

    assertEquals(List.of("host    all       all   127.0.0.1/32  scram-sha-256",
        "host    all       all   ::1/128       scram-sha-256"), rules);
    // what the running server actually loaded, not only what the file says
    assertEquals(List.of("host scram-sha-256", "host scram-sha-256"),
        query(server.config(), "SELECT type || ' ' || auth_method FROM pg_hba_file_rules ORDER BY rule_number"));
  }

  @Test
  void otherMachinesCannotReachTheServer() throws Exception {
    assertEquals(List.of("127.0.0.1"), query(server.config(), "SHOW listen_addresses"));
  }

  @Test
  void anotherLocalUserFindsNoUnixSocketInTheSharedTempDirectory() throws Exception {
    assertEquals(List.of(""), query(server.config(), "SHOW unix_socket_directories"));
    assertFalse(Files.exists(Path.of("/tmp", ".s.PGSQL." + server.config().port())));
  }

  @Test
  void anotherLocalUserCannotPlantTheirOwnPostgresProgram() throws Exception {
    Path binaries = PostgresBinaries.workingDirectory();

    assertEquals("rwx------", mode(binaries.getParent()));
    assertFalse(binaries.startsWith(Path.of(System.getProperty("java.io.tmpdir"))));
  }

  @Test
  void aRestartKeepsTheDataAndThePassword() throws Exception {
    String password;
    try (EmbeddedDatabase first = EmbeddedDatabase.start(dataDir)) {
      password = first.config().password();
      execute(first.config(), "CREATE TABLE kept (note text)", "INSERT INTO kept VALUES ('zorgoverleg')");
    }

    try (EmbeddedDatabase second = EmbeddedDatabase.start(dataDir)) {
      assertEquals(password, second.config().password());
      assertEquals(List.of("zorgoverleg"), query(second.config(), "SELECT note FROM kept"));
    }
  }

  @Test
  void aClusterLeftOpenByAnEarlierVersionIsLockedDownAndKeepsItsData() throws Exception {
    Path cluster = dataDir.resolve("postgres");
    // As the earlier version started it: zonky's defaults, trust in pg_hba.conf, no password.
    try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(cluster).setCleanDataDirectory(false)
        .start();
         Connection connection = old.getPostgresDatabase().getConnection();
         Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE kept (note text)");
      statement.execute("INSERT INTO kept VALUES ('zorgoverleg')");
    }
    assertTrue(Files.readString(cluster.resolve("pg_hba.conf")).contains("trust"));

    try (EmbeddedDatabase upgraded = EmbeddedDatabase.start(dataDir)) {
      DatabaseConfig config = upgraded.config();
      assertEquals(List.of("zorgoverleg"), query(config, "SELECT note FROM kept"));
      assertEquals(config.password(), storedPassword(dataDir));
      assertEquals(ClientAuthentication.CONTENT, Files.readString(cluster.resolve("pg_hba.conf")));
      assertThrows(SQLException.class,
          () -> DriverManager.getConnection(config.jdbcUrl(), config.user(), "").close());
    }
  }

  @Test
  void aPgHbaConfEditedToTrustIsReplacedOnTheNextStart() throws Exception {
    try (EmbeddedDatabase first = EmbeddedDatabase.start(dataDir)) {
      assertNotEquals("", first.config().password());
    }
    Path pgHba = dataDir.resolve("postgres").resolve("pg_hba.conf");
    Files.writeString(pgHba, "host all all 127.0.0.1/32 trust\n");

    try (EmbeddedDatabase second = EmbeddedDatabase.start(dataDir)) {
      assertEquals(ClientAuthentication.CONTENT, Files.readString(pgHba));
      assertEquals(List.of("1"), query(second.config(), "SELECT 1"));
    }
  }

  private static String storedPassword(Path dataDir) throws Exception {
    return Files.readString(dataDir.resolve("postgres").resolve(SuperuserPassword.FILE_NAME)).strip();
  }

  private static String mode(Path path) throws Exception {
    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
    return PosixFilePermissions.toString(permissions);
  }

  private static List<String> query(DatabaseConfig config, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password());
         Statement statement = connection.createStatement();
         ResultSet result = statement.executeQuery(sql)) {
      List<String> rows = new ArrayList<>();
      while (result.next()) {
        rows.add(result.getString(1));
      }
      return rows;
    }
  }

  private static void execute(DatabaseConfig config, String... statements) throws SQLException {
    try (Connection connection = DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password());
         Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }
}
