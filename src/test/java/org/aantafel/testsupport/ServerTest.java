package org.aantafel.testsupport;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;

/**
 * Base of test classes that share one real server (on a fresh database, or in memory when the class is
 * {@link InMemory}) for all their tests.
 */
public abstract class ServerTest {
  protected static Vertx vertx;
  protected static TestServer server;

  @BeforeAll
  static void startServer(TestInfo test) {
    vertx = Vertx.vertx();
    boolean inMemory = test.getTestClass().filter(type -> type.isAnnotationPresent(InMemory.class)).isPresent();
    server = inMemory ? TestServer.startInMemory(vertx) : TestServer.start(vertx);
  }

  @AfterAll
  static void stopServer() {
    server.close();
    BusClient.await(vertx.close());
  }
}
