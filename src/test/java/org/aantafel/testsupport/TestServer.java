package org.aantafel.testsupport;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.core.buffer.Buffer;
import org.aantafel.App;
import org.aantafel.AppConfig;

import java.nio.file.Files;
import java.nio.file.Path;

/** A real Aan Tafel server on a random port against a fresh database of the shared test PostgreSQL. */
public final class TestServer implements AutoCloseable {
  public final Vertx vertx;
  public final String dbUrl;
  private AppConfig config;
  private App app;
  private final WebClient http;

  private final long hubIdleMillis;
  private static final int UNLIMITED_BOARDS = 1_000_000;

  private TestServer(Vertx vertx, AppConfig config, long hubIdleMillis) {
    this.vertx = vertx;
    this.hubIdleMillis = hubIdleMillis;
    this.config = config;
    this.dbUrl = config.dbUrl();
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
    return start(vertx, new JsonObject().put("smtpHost", "127.0.0.1").put("smtpPort", smtpPort)
      .put("smtpFrom", "aantafel@school.test").put("smtpStartTls", "disabled"));
  }

  private static TestServer start(Vertx vertx, long hubIdleMillis, JsonObject extraConfig) {
    try {
      Path dataDir = Files.createTempDirectory("aantafel-test");
      AppConfig config = AppConfig.fromJson(new JsonObject()
        .put("httpHost", "127.0.0.1").put("httpPort", 0).put("dbUrl", TestDatabase.freshUrl())
        // Tests create many boards from one address; the test of that limit sets it back to the default.
        .put("boardsPerMinutePerClient", UNLIMITED_BOARDS)
        .put("dataDir", dataDir.toString()).mergeIn(extraConfig));
      return new TestServer(vertx, config, hubIdleMillis);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Starts the server; after the first start always on the same port, so that browsers can reconnect. */
  public void start() {
    app = BusClient.await(App.start(vertx, config, hubIdleMillis));
    config = config.withHttpPort(app.port());
  }

  public void stop() {
    BusClient.await(app.stop());
  }

  /** Stops everything and starts again on the same database: a server restart. */
  public void restart() {
    stop();
    start();
  }

  public int port() {
    return app.port();
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
