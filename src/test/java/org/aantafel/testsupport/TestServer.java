package org.aantafel.testsupport;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.core.buffer.Buffer;
import org.aantafel.App;
import org.aantafel.AppConfig;
import org.aantafel.store.BoardStore;
import org.aantafel.store.Stores;
import org.aantafel.store.memory.InMemoryStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * A real Aan Tafel server on a random port against a fresh database of the shared test PostgreSQL, or against an
 * in-memory store for tests of the hub and the API that do not test storage ({@link #startInMemory(Vertx)}).
 */
public final class TestServer implements AutoCloseable {
  public final Vertx vertx;
  /** The database's URL; null on the in-memory store. */
  public final String dbUrl;
  /** The in-memory store, kept across restarts so that they find the boards again; null on PostgreSQL. */
  private final BoardStore memory;
  private AppConfig config;
  private App app;
  private final WebClient http;

  private final long hubIdleMillis;
  private static final int UNLIMITED_BOARDS = 1_000_000;

  private TestServer(Vertx vertx, AppConfig config, long hubIdleMillis, BoardStore memory) {
    this.vertx = vertx;
    this.hubIdleMillis = hubIdleMillis;
    this.config = config;
    this.memory = memory;
    this.dbUrl = memory == null ? config.dbUrl() : null;
    this.http = WebClient.create(vertx);
    start();
  }

  public static TestServer start(Vertx vertx) {
    return start(vertx, 60_000);
  }

  /** With a short idle time, to see boards leave memory. */
  public static TestServer start(Vertx vertx, long hubIdleMillis) {
    return start(vertx, hubIdleMillis, new JsonObject());
  }

  /** With more configuration keys of config/aantafel.json, e.g. smtpHost and smtpPort of a test mail server. */
  public static TestServer start(Vertx vertx, JsonObject extraConfig) {
    return start(vertx, 60_000, extraConfig);
  }

  /** Sending e-mail, as aantafel@school.test, to an SMTP server of the test (GreenMail) on that port. */
  public static TestServer startWithSmtp(Vertx vertx, int smtpPort) {
    return start(vertx, smtp(smtpPort));
  }

  /** On a store in memory: milliseconds instead of PostgreSQL round trips, and nothing of it is durable. */
  public static TestServer startInMemory(Vertx vertx) {
    return start(vertx, 60_000, new JsonObject(), new InMemoryStore());
  }

  /** On a store in memory, with more configuration keys of config/aantafel.json (e.g. smaller limits). */
  public static TestServer startInMemory(Vertx vertx, JsonObject extraConfig) {
    return startInMemory(vertx, 60_000, extraConfig);
  }

  /** {@link #startInMemory(Vertx, JsonObject)} with a short idle time, to see boards leave memory. */
  public static TestServer startInMemory(Vertx vertx, long hubIdleMillis, JsonObject extraConfig) {
    return start(vertx, hubIdleMillis, extraConfig, new InMemoryStore());
  }

  /** On a store of the test's own making (e.g. an in-memory one that holds back a look-up); never durable. */
  public static TestServer startOn(Vertx vertx, BoardStore store) {
    return start(vertx, 60_000, new JsonObject(), store);
  }

  /** {@link #startWithSmtp(Vertx, int)} on a store in memory. */
  public static TestServer startInMemoryWithSmtp(Vertx vertx, int smtpPort) {
    return start(vertx, 60_000, smtp(smtpPort), new InMemoryStore());
  }

  private static JsonObject smtp(int smtpPort) {
    return new JsonObject().put("smtpHost", "127.0.0.1").put("smtpPort", smtpPort)
      .put("smtpFrom", "aantafel@school.test").put("smtpStartTls", "disabled");
  }

  private static TestServer start(Vertx vertx, long hubIdleMillis, JsonObject extraConfig) {
    return start(vertx, hubIdleMillis, extraConfig, null);
  }

  private static TestServer start(Vertx vertx, long hubIdleMillis, JsonObject extraConfig, BoardStore memory) {
    try {
      Path dataDir = Files.createTempDirectory("aantafel-test");
      AppConfig config = AppConfig.fromJson(new JsonObject()
        .put("httpHost", "127.0.0.1").put("httpPort", 0)
        // a dbUrl of the caller's own (an empty one: the server's embedded PostgreSQL) needs no test database
        .put("dbUrl", memory != null || extraConfig.containsKey("dbUrl") ? "" : TestDatabase.freshUrl())
        // Tests create many boards from one address; the test of that limit sets it back to the default.
        .put("boardsPerMinutePerClient", UNLIMITED_BOARDS)
        // Attack tests fail many joins from this one address; the test of that limit sets it back too.
        .put("failedJoinsPerMinutePerClient", UNLIMITED_BOARDS)
        // Tests seat many people from this one address; the test of that limit sets it back too.
        .put("newSeatsPerMinutePerClient", UNLIMITED_BOARDS)
        .put("dataDir", dataDir.toString()).mergeIn(extraConfig));
      return new TestServer(vertx, config, hubIdleMillis, memory);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Starts the server; after the first start always on the same port, so that browsers can reconnect. */
  public void start() {
    app = BusClient.await(memory == null ? App.start(vertx, config, hubIdleMillis)
      : App.start(vertx, config, hubIdleMillis, Future.succeededFuture(memory)));
    config = config.withHttpPort(app.port());
  }

  public void stop() {
    BusClient.await(app.stop());
  }

  /** Stops everything and starts again on the same database (or the same in-memory store): a server restart. */
  public void restart() {
    stop();
    start();
  }

  /**
   * Works on the server's store directly, beside the server: on PostgreSQL through a second store of the same
   * database, closed afterwards.
   */
  public <T> T onStore(Function<BoardStore, Future<T>> work) {
    if (memory != null) {
      return BusClient.await(work.apply(memory));
    }
    BoardStore store = BusClient.await(Stores.open(vertx, dbUrl, config.dataDir()));
    return BusClient.await(work.apply(store).eventually(store::close));
  }

  public int port() {
    return app.port();
  }

  /** Where the server keeps its files, the embedded PostgreSQL's among them. */
  public java.nio.file.Path dataDir() {
    return config.dataDir();
  }

  public String baseUrl() {
    return "http://localhost:" + port();
  }

  public BusClient bus() {
    return BusClient.connect(vertx, port());
  }

  /** Creates a board over the HTTP API and returns its answer {boardId, links}. */
  public CreatedBoard createBoard(String title) {
    return createBoard(title, "empty");
  }

  /** Creates a board from one of the templates (empty, driehoeksgesprek, startgesprek, zorgoverleg, ...). */
  public CreatedBoard createBoard(String title, String template) {
    HttpResponse<Buffer> response = BusClient.await(http.post(port(), "localhost", "/api/boards")
      .sendJsonObject(new JsonObject().put("title", title).put("language", "en").put("template", template)));
    if (response.statusCode() != 201) {
      throw new IllegalStateException("create board answered " + response.statusCode() + " " + response.bodyAsString());
    }
    return new CreatedBoard(response.bodyAsJsonObject());
  }

  public WebClient http() {
    return http;
  }

  @Override
  public void close() {
    stop();
  }

  public record CreatedBoard(JsonObject json) {
    public String id() {
      return json.getString("boardId");
    }

    public String link(String grant) {
      return json.getJsonObject("links").getString(grant);
    }

    public String token(String grant) {
      String fragment = link(grant).substring(link(grant).indexOf('#') + 1);
      int separator = fragment.indexOf('.');
      return separator < 0 ? fragment : fragment.substring(0, separator);
    }
  }
}
