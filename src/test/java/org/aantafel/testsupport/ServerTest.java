package org.aantafel.testsupport;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Base of test classes that share one real server (on a fresh database) for all their tests. */
public abstract class ServerTest {
  protected static Vertx vertx;
  protected static TestServer server;

  @BeforeAll
  static void startServer() {
    vertx = Vertx.vertx();
    server = TestServer.start(vertx);
  }

  @AfterAll
  static void stopServer() {
    server.close();
    BusClient.await(vertx.close());
  }
}
