package org.aantafel.web;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.bridge.BridgeEventType;
import io.vertx.ext.web.handler.sockjs.BridgeEvent;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import org.aantafel.sync.Addresses;
import org.aantafel.sync.BoardPublications;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.aantafel.testsupport.BusClient.await;
import static org.aantafel.testsupport.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * A change published to a board is encoded once for all sockets of an event loop, not once per socket. The sockets
 * are stand-ins that record what is written to them; everything between the publish and the write is the server's
 * own: the event bus, one consumer per socket as the bridge registers them, each socket's agent and the loop's
 * outbound writer.
 */
class SharedFramesTest {
  private static final int SOCKETS = 50;
  private static final int CHANGES = 20;

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    await(vertx.close());
  }

  @Test
  void eachChangeIsEncodedOnceForAllSocketsOfAnEventLoop() {
    String address = Addresses.ops("b1");
    List<List<Object>> written = listen(vertx.getOrCreateContext(), address, SOCKETS);

    List<JsonObject> changes = new ArrayList<>();
    for (int i = 1; i <= CHANGES; i++) {
      changes.add(new JsonObject().put("rev", i).put("clientId", "c").put("seq", i).put("participantId", "p")
        .put("ops", new io.vertx.core.json.JsonArray().add(new JsonObject().put("type", "set").put("id", "board")
          .put("field", "goal").put("value", "Dag \"één\" " + i))));
      BoardPublications.publish(vertx.eventBus(), address, changes.get(i - 1));
    }

    eventually(() -> written.forEach(socket -> assertEquals(CHANGES, socket.size())));
    Set<Object> frames = Collections.newSetFromMap(new IdentityHashMap<>());
    written.forEach(frames::addAll);
    assertEquals(CHANGES, frames.size(), "one frame a change for " + SOCKETS + " sockets, not one a socket");
    // The browser's wire is what the bridge itself would have written: the body is an object, not a string.
    for (List<Object> socket : written) {
      for (int i = 0; i < CHANGES; i++) {
        assertEquals(new JsonObject().put("type", "rec").put("address", address).put("body", changes.get(i)).encode(),
          socket.get(i));
      }
    }
  }

  @Test
  void equalTextFromAnotherNodeSharesTheFrameAndAReplyIsNeverShared() {
    SharedFrames shared = new SharedFrames();
    String body = new JsonObject().put("watching", 3).encode();
    JsonObject here = new JsonObject().put("type", "rec").put("address", Addresses.presence("b1")).put("body", body);
    JsonObject fromCluster = here.copy().put("body", new String(body.toCharArray()));
    assertSame(shared.of(here).orElseThrow(), shared.of(fromCluster).orElseThrow());
    assertNotSame(shared.of(here).orElseThrow(), shared.of(here.copy().put("address", Addresses.ops("b1")))
      .orElseThrow());
    assertEquals(java.util.Optional.empty(), shared.of(new JsonObject().put("type", "rec").put("address", "a-label")
      .put("body", new JsonObject().put("rev", 1))), "a reply is for one socket and carries an object");
    assertEquals(java.util.Optional.empty(), shared.of(here.copy().put("replyAddress", "x")));
  }

  /**
   * Sockets on one context, each with its own consumer and agent as the bridge gives them, all sharing the
   * context's outbound writer.
   * @return what was written to each socket, as the objects handed to it
   */
  private List<List<Object>> listen(Context context, String address, int sockets) {
    OutboundLimit outbound = new OutboundLimit(1 << 20);
    List<List<Object>> written = new ArrayList<>();
    Promise<List<MessageConsumer<Object>>> registered = Promise.promise();
    context.runOnContext(v -> {
      List<MessageConsumer<Object>> consumers = new ArrayList<>();
      for (int i = 0; i < sockets; i++) {
        List<Object> frames = new CopyOnWriteArrayList<>();
        written.add(frames);
        SockJSSocket socket = recordingSocket(frames);
        ConnectionAgent agent = new ConnectionAgent(vertx.eventBus(), new RateLimit(30, 60), new FailedJoinLimit(30),
          new NewSeatLimit(60), "127.0.0.1");
        consumers.add(vertx.eventBus().consumer(address, message -> agent.handle(outbound.guard(receive(socket,
          new JsonObject().put("type", "rec").put("address", address).put("body", message.body()))))));
      }
      registered.complete(consumers);
    });
    await(registered.future().compose(all -> Future.all(all.stream().map(MessageConsumer::completion).toList())));
    return written;
  }

  private static SockJSSocket recordingSocket(List<Object> frames) {
    return proxy(SockJSSocket.class, (proxy, method, args) -> switch (method.getName()) {
      case "write" -> {
        frames.add(args[0]);
        yield Future.succeededFuture();
      }
      case "equals" -> proxy == args[0];
      case "hashCode" -> System.identityHashCode(proxy);
      default -> null;
    });
  }

  /** The bridge's event for a message on its way to the socket, as the bridge makes it. */
  private static BridgeEvent receive(SockJSSocket socket, JsonObject envelope) {
    Promise<Boolean> verdict = Promise.promise();
    return proxy(BridgeEvent.class, (proxy, method, args) -> switch (method.getName()) {
      case "type" -> BridgeEventType.RECEIVE;
      case "getRawMessage" -> envelope;
      case "socket" -> socket;
      case "future" -> verdict.future();
      case "tryComplete" -> verdict.tryComplete((Boolean) args[0]);
      case "tryFail" -> verdict.tryFail((Throwable) args[0]);
      default -> method.isDefault() ? InvocationHandler.invokeDefault(proxy, method, args) : null;
    });
  }

  private static <T> T proxy(Class<T> type, InvocationHandler handler) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }
}
