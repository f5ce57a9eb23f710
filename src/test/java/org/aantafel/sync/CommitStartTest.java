package org.aantafel.sync;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import org.aantafel.store.BoardStore;
import org.aantafel.store.memory.InMemoryStore;
import org.aantafel.testsupport.BusClient;
import org.aantafel.testsupport.Frames;
import org.aantafel.testsupport.TestServer;
import org.aantafel.testsupport.TestServer.CreatedBoard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.aantafel.testsupport.BusClient.await;
import static org.aantafel.testsupport.Invocations.invoke;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 18, point 2: a change used to wait two ticks of its hub's event loop before its transaction started. Now a
 * submit's transaction starts in the very turn in which the submit arrives at its board's inbox. Counted without a
 * clock: when a submit arrives, a marker is queued on the hub's loop behind that turn; every hop taken after the
 * arrival (a runOnContext) would queue behind the marker, so a transaction that starts before the marker has run
 * started in the arrival turn.
 */
class CommitStartTest {
  private final Vertx vertx = Vertx.vertx();
  private final AtomicBoolean inArrivalTurn = new AtomicBoolean();
  private final List<Boolean> startedInArrivalTurn = new CopyOnWriteArrayList<>();
  private TestServer server;

  @AfterEach
  void stop() {
    server.close();
    await(vertx.close());
  }

  @Test
  void aSubmitStartsItsTransactionInTheTurnItArrivesAtItsHub() {
    server = TestServer.startOn(vertx, notingTransactionStarts(new InMemoryStore()));
    server.vertx.eventBus().addInboundInterceptor(delivery -> {
      Message<?> message = delivery.message();
      if (message.address().startsWith("hub.board.")
        && HubRequests.SUBMIT.name().equals(message.headers().get(Addresses.H_KIND))) {
        inArrivalTurn.set(true);
        Vertx.currentContext().runOnContext(v -> inArrivalTurn.set(false));
      }
      delivery.next();
    });
    CreatedBoard board = server.createBoard("Meeting");
    BusClient mother = server.bus();
    mother.call(Addresses.JOIN, Frames.join(board, "participant", "mum", "Mia"));

    // The first submit of a client looks up its progress in the store (here at once); the second knows it.
    await(mother.request(Addresses.SUBMIT, Frames.submit(board.id(), "mum", 1, 0, Frames.createItem("a", "A"))));
    await(mother.request(Addresses.SUBMIT, Frames.submit(board.id(), "mum", 2, 1, Frames.createItem("b", "B"))));
    mother.close();

    assertEquals(List.of(true, true), startedInArrivalTurn);
  }

  /** The store, noting for every transaction of the op log whether it starts in the turn a submit arrived in. */
  private BoardStore notingTransactionStarts(BoardStore store) {
    return (BoardStore) Proxy.newProxyInstance(BoardStore.class.getClassLoader(), new Class<?>[] {BoardStore.class},
      (proxy, method, args) -> {
        if (method.getName().equals("appendChanges") && args.length == 1 && args[0] instanceof Map) {
          startedInArrivalTurn.add(inArrivalTurn.get());
        }
        return invoke(method, store, args);
      });
  }
}
