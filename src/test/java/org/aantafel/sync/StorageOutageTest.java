package org.aantafel.sync;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.aantafel.store.DatabaseConfig;
import org.aantafel.testsupport.BusClient;
import org.aantafel.testsupport.TestServer;
import org.aantafel.testsupport.TestServer.CreatedBoard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.aantafel.sync.BridgeIntegrationTest.createItem;
import static org.aantafel.sync.DatabaseRecoveryTest.acknowledgedOnceBack;
import static org.aantafel.sync.BridgeIntegrationTest.join;
import static org.aantafel.sync.BridgeIntegrationTest.submit;
import static org.aantafel.testsupport.BusClient.await;
import static org.aantafel.testsupport.BusClient.failureCode;
import static org.aantafel.testsupport.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * PostgreSQL goes away in the middle of a meeting: submits are refused with 503 and nothing unstored is acknowledged
 * or published; when it comes back, the same (clientId, seq) is stored exactly once.
 */
class StorageOutageTest {
  private Vertx vertx;
  private TestServer server;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    server = TestServer.start(vertx);
  }

  @AfterEach
  void stop() throws Exception {
    allowConnections(true);
    server.close();
    await(vertx.close());
  }

  @Test
  void submitsDuringAnOutageAre503AndTheResendIsStoredOnce() throws Exception {
    CreatedBoard board = server.createBoard("Outage");
    BusClient bus = server.bus();
    join(bus, board, "participant", "phone");
    List<Long> published = new CopyOnWriteArrayList<>();
    bus.register(Addresses.ops(board.id()), m -> published.add(m.getLong("rev")));
    join(bus, board, "participant", "phone");
    assertEquals(1L, bus.call(Addresses.SUBMIT, submit(board.id(), "phone", 1, 0, createItem("a", "before")))
      .getLong("rev"));

    allowConnections(false);
    JsonObject during = submit(board.id(), "phone", 2, 1, createItem("b", "during"));
    assertEquals(503, failureCode(bus.request(Addresses.SUBMIT, during)));
    assertEquals(503, failureCode(bus.request(Addresses.SUBMIT, during)), "still down: still refused");

    allowConnections(true);
    // Connections the pool still holds may fail once more before fresh ones are made.
    assertEquals(2L, acknowledgedOnceBack(bus, during));

    JsonObject state = join(bus, board, "viewer", "check").getJsonObject("state");
    assertEquals(2, state.getJsonObject("entities").size());
    eventually(() -> assertEquals(List.of(1L, 2L), published));
    bus.close();
  }

  /** Closes the board database to new connections and ends the open ones, as a crashed or restarting server would. */
  private void allowConnections(boolean allowed) throws Exception {
    DatabaseConfig board = DatabaseConfig.fromUrl(server.dbUrl);
    DatabaseConfig admin = board.withDatabase("postgres");
    try (Connection connection = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
         Statement statement = connection.createStatement()) {
      statement.execute("ALTER DATABASE " + board.database() + " ALLOW_CONNECTIONS " + allowed);
      if (!allowed) {
        statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
          + board.database() + "'");
      }
    }
  }
}
