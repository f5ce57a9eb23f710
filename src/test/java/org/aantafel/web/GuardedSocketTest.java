package org.aantafel.web;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import io.vertx.ext.web.handler.sockjs.impl.SockJSSocketBase;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The wrapper every SockJS socket gets before the bridge sees it, around a socket that records what is done to it:
 * the bridge's own uses of a socket must still work through it.
 */
class GuardedSocketTest {
  private final List<String> calls = new ArrayList<>();
  private final List<String> written = new ArrayList<>();
  private final AtomicReference<Handler<Buffer>> reader = new AtomicReference<>();

  @SuppressWarnings("unchecked")
  private final SockJSSocket recorded = (SockJSSocket) Proxy.newProxyInstance(getClass().getClassLoader(),
    new Class<?>[] {SockJSSocket.class}, (proxy, method, args) -> {
      calls.add(method.getName());
      switch (method.getName()) {
        case "handler" -> reader.set((Handler<Buffer>) args[0]);
        case "write" -> {
          written.add(args[0].toString());
          return Future.succeededFuture();
        }
        default -> { }
      }
      return method.getReturnType() == boolean.class ? false : null;
    });

  @Test
  void theBridgeClosesASilentSocketThroughIt() {
    GuardedSocket guarded = new GuardedSocket(null, recorded, new DroppedFrames());
    // What the bridge does when a socket has not pinged within its ping timeout: a cast, then this.
    ((SockJSSocketBase) guarded).closeAfterSessionExpired();
    assertTrue(calls.contains("close"), "the wrapped socket is closed: " + calls);
  }

  @Test
  void aRefusedFrameNeverReachesTheBridgeAndAFailedRequestIsReported() {
    GuardedSocket guarded = new GuardedSocket(null, recorded, new DroppedFrames());
    List<Buffer> bridge = new ArrayList<>();
    guarded.handler(bridge::add);
    reader.get().handle(Buffer.buffer("{\"type\":\"x\\nforged\",\"address\":\"a\"}"));
    reader.get().handle(Buffer.buffer("{\"type\":\"ping\"}"));
    assertEquals(1, bridge.size(), "only the heartbeat reached the bridge");
    assertEquals(List.of("{\"type\":\"err\",\"body\":\"malformed\"}"), written);

    List<String> failed = new ArrayList<>();
    guarded.onFailedRequest((label, code) -> failed.add(label + " " + code));
    guarded.write(Buffer.buffer(new JsonObject().put("type", "err").put("address", "join-1").put("failureCode", 403)
      .put("failureType", "RECIPIENT_FAILURE").put("message", "this link does not open this board").encode()));
    guarded.write(Buffer.buffer(new JsonObject().put("type", "err").put("body", "rejected").encode()));
    assertEquals(List.of("join-1 403"), failed);
  }
}
