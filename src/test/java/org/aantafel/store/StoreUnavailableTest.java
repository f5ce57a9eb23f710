package org.aantafel.store;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.PoolOptions;
import org.aantafel.store.pg.PgBoardStore;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A database that cannot be reached must come out as "unavailable" (503), never as a conflict or a raw driver error. */
class StoreUnavailableTest {

  @Test
  void anUnreachableDatabaseIsReportedAsUnavailable() throws Exception {
    Vertx vertx = Vertx.vertx();
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    DatabaseConfig nowhere = new DatabaseConfig("127.0.0.1", closedPort, "aantafel", "tafel", "x");
    BoardStore store = new PgBoardStore(PgBuilder.pool().with(new PoolOptions())
        .connectingTo(nowhere.pgConnectOptions()).using(vertx).build(), null);
    try {
      ExecutionException failure = assertThrows(ExecutionException.class,
          () -> store.ping().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS));
      assertInstanceOf(StoreUnavailableException.class, failure.getCause());
    } finally {
      store.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }
}
