package org.aantafel.web;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.aantafel.AppConfig;
import org.aantafel.store.DatabaseConfig;
import org.aantafel.testsupport.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import static org.aantafel.testsupport.BusClient.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Board creation is limited per client address (security issue point 6), with the limit the server ships with.
 * Each test speaks from its own loopback address (Linux answers all of 127.0.0.0/8), so each is a client of its own.
 */
class BoardCreationLimitTest {
  private static final int DEFAULT_LIMIT = AppConfig.load(Map.of()).limits().boardsPerMinutePerClient();
  private static Vertx vertx;
  private static TestServer server;

  @BeforeAll
  static void startServer() {
    vertx = Vertx.vertx();
    server = TestServer.start(vertx, new JsonObject().put("boardsPerMinutePerClient", DEFAULT_LIMIT));
  }

  @AfterAll
  static void stopServer() {
    server.close();
    await(vertx.close());
  }

  @Test
  void creatingBoardsWithoutLimitIsRefused() throws SQLException {
    WebClient flooder = clientFrom("127.0.0.3");
    JsonObject madeFirst = null;
    for (int i = 0; i < DEFAULT_LIMIT; i++) {
      HttpResponse<Buffer> made = create(flooder, null);
      assertEquals(201, made.statusCode(), made.bodyAsString());
      madeFirst = madeFirst == null ? made.bodyAsJsonObject() : madeFirst;
    }
    long boards = boardCount();

    HttpResponse<Buffer> refused = create(flooder, null);
    assertEquals(429, refused.statusCode());
    long retryAfter = Long.parseLong(refused.getHeader("Retry-After"));
    assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After: " + retryAfter);
    assertEquals(429, refused.bodyAsJsonObject().getJsonObject("error").getInteger("code"));
    assertTrue(refused.bodyAsJsonObject().getJsonObject("error").getString("message").contains("too many new boards"));
    assertEquals(boards, boardCount(), "a refused request must not create a board");

    // X-Forwarded-For is not believed unless configured, so it is no way around the limit.
    assertEquals(429, create(flooder, "203.0.113.7").statusCode());
    // A follow-up meeting creates a board too, and counts against the same limit.
    String facilitator = new TestServer.CreatedBoard(madeFirst).token("facilitator");
    String boardId = madeFirst.getString("boardId");
    assertEquals(429, await(flooder.post(server.port(), "127.0.0.1", "/api/boards/" + boardId + "/follow-up")
      .putHeader("Authorization", "Bearer " + facilitator).sendJsonObject(new JsonObject())).statusCode());
    assertEquals(boards, boardCount());
    flooder.close();
  }

  @Test
  void anotherClientStillCreatesBoards() {
    WebClient flooder = clientFrom("127.0.0.4");
    for (int i = 0; i < DEFAULT_LIMIT; i++) {
      create(flooder, null);
    }
    assertEquals(429, create(flooder, null).statusCode());
    WebClient teacher = clientFrom("127.0.0.5");
    assertEquals(201, create(teacher, null).statusCode());
    flooder.close();
    teacher.close();
  }

  private static WebClient clientFrom(String localAddress) {
    return WebClient.create(vertx, new WebClientOptions().setLocalAddress(localAddress));
  }

  private static HttpResponse<Buffer> create(WebClient client, String forwardedFor) {
    var request = client.post(server.port(), "127.0.0.1", "/api/boards");
    if (forwardedFor != null) {
      request.putHeader("X-Forwarded-For", forwardedFor);
    }
    return await(request.sendJsonObject(new JsonObject().put("title", "Flood").put("language", "en")));
  }

  private static long boardCount() throws SQLException {
    DatabaseConfig db = DatabaseConfig.fromUrl(server.dbUrl);
    try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
         ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM boards")) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
