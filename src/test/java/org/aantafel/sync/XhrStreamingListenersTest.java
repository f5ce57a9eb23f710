package org.aantafel.sync;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import org.aantafel.board.OrderKey;
import org.aantafel.testsupport.BusClient;
import org.aantafel.testsupport.InMemory;
import org.aantafel.testsupport.ServerTest;
import org.aantafel.testsupport.TestServer.CreatedBoard;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static org.aantafel.sync.BridgeIntegrationTest.join;
import static org.aantafel.sync.BridgeIntegrationTest.submit;
import static org.aantafel.testsupport.BusClient.await;
import static org.aantafel.testsupport.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A room of listeners behind a network that blocks websockets: over SockJS's xhr-streaming fallback, every listener
 * gets every change of the host, also after the server ended a listener's stream at its byte limit and the listener
 * opened the next one (the changes here are large enough for that).
 */
@InMemory
class XhrStreamingListenersTest extends ServerTest {
  private static final int LISTENERS = 50;
  private static final int CHANGES = 45;
  /** SockJS's maxBytesStreaming: past this a streaming response is ended and the client opens the next. */
  private static final int STREAM_LIMIT = 128 * 1024;
  private static final String NOTES = "x".repeat(3_500);

  @Test
  void everyListenerOverXhrStreamingReceivesEveryChangeOfTheHost() {
    CreatedBoard board = server.createBoard("Webinar for a year group", "webinar");
    List<Future<Listener>> joining = new ArrayList<>();
    for (int i = 0; i < LISTENERS; i++) {
      joining.add(Listener.join(board, i));
    }
    List<Listener> listeners = await(Future.all(joining)).list();
    BusClient host = server.bus();
    join(host, board, "facilitator", "host");

    Set<Long> revisions = new java.util.TreeSet<>();
    String order = null;
    for (int i = 0; i < CHANGES; i++) {
      order = OrderKey.between(order, null);
      JsonObject item = new JsonObject().put("type", "create").put("id", "item" + i).put("kind", "agendaItem")
        .put("fields", new JsonObject().put("title", "Item " + i).put("notes", NOTES).put("order", order));
      revisions.add(host.call(Addresses.SUBMIT, submit(board.id(), "host", i + 1, i, item)).getLong("rev"));
    }

    eventually(Duration.ofSeconds(30), () -> listeners.forEach(l -> assertEquals(revisions, l.revisions)));
    listeners.forEach(l -> assertTrue(l.received.get() > STREAM_LIMIT,
      "a listener's changes outgrew one streaming response: " + l.received.get() + " characters"));
    listeners.forEach(l -> assertTrue(!l.bus.isClosed(), "the session is still open"));
    host.close();
    await(Future.all(listeners.stream().map(l -> l.bus.closeAsync()).toList()));
  }

  /** Watches without a seat (the participant link, no name), over xhr-streaming. */
  private static final class Listener {
    final Set<Long> revisions = ConcurrentHashMap.newKeySet();
    final AtomicLong received = new AtomicLong();
    BusClient bus;

    static Future<Listener> join(CreatedBoard board, int index) {
      Listener listener = new Listener();
      Context context = vertx.getOrCreateContext();
      Promise<Listener> joined = Promise.promise();
      JsonObject body = new JsonObject().put("boardId", board.id()).put("token", board.token("participant"))
        .put("clientId", "listener-" + index);
      context.runOnContext(v -> BusClient.openXhrStreaming(vertx, "localhost", server.port())
        .compose(bus -> {
          listener.bus = bus;
          bus.onTextFrame(listener.received::addAndGet);
          return bus.request(Addresses.JOIN, body);
        })
        .compose(reply -> {
          listener.bus.register(Addresses.ops(board.id()), change -> listener.revisions.add(change.getLong("rev")));
          // The register frame has no reply; a join round trip afterwards proves it was processed.
          return listener.bus.request(Addresses.JOIN, body);
        })
        .map(reply -> listener)
        .onComplete(joined));
      return joined.future();
    }
  }
}
