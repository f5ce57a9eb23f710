package org.aantafel.sync;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.aantafel.testsupport.Frames;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * One SockJS websocket session to the event-bus bridge (the frames sockjs-client and vertx-eventbus.js send), with
 * faults injected on the client's side: every outgoing and incoming bridge frame may be dropped, duplicated or delayed
 * (Vert.x timers, so frames overtake each other). Requests time out, as a browser gives up on a missing reply.
 *
 * <p>Not thread-safe: it lives on the context of the client that opened it, and calls back on that context.
 */
final class FaultyLink {
  private final Vertx vertx;
  private final WebSocket socket;
  private final Random random;
  private final Supplier<Faults> faults;
  private final BiConsumer<String, JsonObject> onMessage;
  private final Runnable onLost;
  private final Map<String, Promise<JsonObject>> replies = new HashMap<>();
  private boolean closed;

  private FaultyLink(Vertx vertx, WebSocket socket, Random random, Supplier<Faults> faults,
                     BiConsumer<String, JsonObject> onMessage, Runnable onLost) {
    this.vertx = vertx;
    this.socket = socket;
    this.random = random;
    this.faults = faults;
    this.onMessage = onMessage;
    this.onLost = onLost;
    socket.textMessageHandler(this::onSockJsFrame);
    socket.closeHandler(v -> lost());
    socket.exceptionHandler(e -> lost());
  }

  /** A new session: {@code onMessage} gets frames that are not replies, {@code onLost} a close we did not ask for. */
  static Future<FaultyLink> open(Vertx vertx, WebSocketClient client, int port, Random random, Supplier<Faults> faults,
                                 BiConsumer<String, JsonObject> onMessage, Runnable onLost) {
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("localhost").setPort(port)
      .setURI("/eventbus/000/" + UUID.randomUUID().toString().replace("-", "") + "/websocket");
    return client.connect(options).map(socket -> new FaultyLink(vertx, socket, random, faults, onMessage, onLost));
  }

  /** A send with a reply; fails with a {@link ReplyException} (the server's code) or a {@link TimeoutException}. */
  Future<JsonObject> request(String address, JsonObject body, long timeoutMillis) {
    String replyAddress = UUID.randomUUID().toString();
    Promise<JsonObject> reply = Promise.promise();
    if (closed) {
      reply.fail(new TimeoutException("link closed"));
      return reply.future();
    }
    replies.put(replyAddress, reply);
    long timer = vertx.setTimer(timeoutMillis, t -> {
      if (replies.remove(replyAddress) != null) {
        reply.tryFail(new TimeoutException("no reply from " + address + " within " + timeoutMillis + " ms"));
      }
    });
    reply.future().onComplete(ar -> vertx.cancelTimer(timer));
    send(new JsonObject().put("type", "send").put("address", address).put("body", body)
      .put("replyAddress", replyAddress));
    return reply.future();
  }

  void register(String address) {
    send(new JsonObject().put("type", "register").put("address", address));
  }

  /** Cuts the connection; pending requests fail at once. */
  void close() {
    if (!closed) {
      closed = true;
      failPending();
      socket.close();
    }
  }

  private void send(JsonObject frame) {
    Faults f = faults.get();
    if (random.nextDouble() < f.dropOut()) {
      return;
    }
    int copies = random.nextDouble() < f.duplicateOut() ? 2 : 1;
    String text = new JsonArray().add(frame.encode()).encode();
    for (int i = 0; i < copies; i++) {
      later(f, () -> {
        if (!closed) {
          socket.writeTextMessage(text);
        }
      });
    }
  }

  /** SockJS frames: "o" open, "h" heartbeat, "a[...]" a batch of messages, "c[code,reason]" close. */
  private void onSockJsFrame(String text) {
    if (!text.startsWith("a")) {
      return;
    }
    for (Object message : new JsonArray(text.substring(1))) {
      Faults f = faults.get();
      if (random.nextDouble() < f.dropIn()) {
        continue;
      }
      int copies = random.nextDouble() < f.duplicateIn() ? 2 : 1;
      JsonObject frame = new JsonObject((String) message);
      for (int i = 0; i < copies; i++) {
        later(f, () -> {
          if (!closed) {
            deliver(frame);
          }
        });
      }
    }
  }

  private void deliver(JsonObject frame) {
    String address = frame.getString("address");
    Promise<JsonObject> reply = address == null ? null : replies.remove(address);
    if ("err".equals(frame.getString("type"))) {
      if (reply != null) {
        reply.tryFail(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, frame.getInteger("failureCode", -1),
          frame.getString("message")));
      }
    } else if (reply != null) {
      reply.tryComplete(frame.getJsonObject("body"));
    } else if ("rec".equals(frame.getString("type")) && frame.getValue("body") instanceof JsonObject body) {
      Frames.changesIn(body).forEach(change -> onMessage.accept(address, change));
    }
  }

  private void later(Faults f, Runnable action) {
    int delay = f.maxDelayMillis() > 0 ? random.nextInt(f.maxDelayMillis() + 1) : 0;
    if (delay == 0) {
      action.run();
    } else {
      vertx.setTimer(delay, t -> action.run());
    }
  }

  private void lost() {
    if (!closed) {
      closed = true;
      failPending();
      onLost.run();
    }
  }

  private void failPending() {
    new ArrayList<>(replies.values()).forEach(p -> p.tryFail(new TimeoutException("connection closed")));
    replies.clear();
  }
}
