package org.aantafel.store;

import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where the PostgreSQL database is and how to log in. Both Flyway (JDBC) and vertx-pg-client are configured from
 * this one value, so they can never point at different databases.
 */
public record DatabaseConfig(String host, int port, String database, String user, String password) {

  private static final String JDBC_PREFIX = "jdbc:";

  public DatabaseConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(user, "user");
    password = password == null ? "" : password;
  }

  /**
   * Accepts {@code postgresql://user:pass@host:port/db} (also {@code postgres://}) and the JDBC form
   * {@code jdbc:postgresql://host:port/db?user=..&password=..}, so an operator can paste whichever they have.
   */
  public static DatabaseConfig fromUrl(String url) {
    String uri = url.strip();
    if (uri.startsWith(JDBC_PREFIX)) {
      uri = uri.substring(JDBC_PREFIX.length());
    }
    PgConnectOptions options;
    try {
      options = PgConnectOptions.fromUri(uri);
    } catch (RuntimeException e) {
      // The message of the parser may echo the URL, password included: keep it out of logs.
      throw new IllegalArgumentException("not a PostgreSQL URL (expected postgresql://user:pass@host:port/db)");
    }
    if (options.getSslMode() != SslMode.DISABLE) {
      // Not carried through to Flyway and the pool yet; refusing beats silently connecting without TLS.
      throw new IllegalArgumentException("sslmode in the database URL is not supported yet");
    }
    return new DatabaseConfig(options.getHost(), options.getPort(), options.getDatabase(), options.getUser(),
        options.getPassword());
  }

  public DatabaseConfig withDatabase(String otherDatabase) {
    return new DatabaseConfig(host, port, otherDatabase, user, password);
  }

  public PgConnectOptions pgConnectOptions() {
    return new PgConnectOptions().setHost(host).setPort(port).setDatabase(database).setUser(user)
        .setPassword(password);
  }

  /** Without credentials: JDBC callers pass user and password separately. */
  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  /** The form {@link #fromUrl} and {@code AANTAFEL_DB_URL} accept. */
  public String url() {
    return "postgresql://" + encode(user) + ":" + encode(password) + "@" + host + ":" + port + "/" + encode(database);
  }

  private static String encode(String part) {
    return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Never prints the password: this value ends up in logs. */
  @Override
  public String toString() {
    return "postgresql://" + user + "@" + host + ":" + port + "/" + database;
  }
}
