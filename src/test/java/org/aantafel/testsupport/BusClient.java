package org.aantafel.testsupport;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A test client speaking the Vert.x event-bus bridge frames over a real SockJS session, as sockjs-client does in a
 * browser: over a websocket ({@code /eventbus/<server>/<session>/websocket}), or over the xhr-streaming fallback
 * ({@link #openXhrStreaming}).
 */
public final class BusClient {

  /** A failure reply from the server, with the contract's numeric code. */
  public static final class Failure extends RuntimeException {
    public final int code;

    Failure(int code, String message) {
      super(code + " " + message);
      this.code = code;
    }
  }

  private static final long PING_MILLIS = 5000;
  private static final int MAX_MESSAGE = 1024 * 1024;

  private final SockJsTransport transport;
  private final Map<String, Promise<JsonObject>> replies = new ConcurrentHashMap<>();
  private final Map<String, List<Consumer<JsonObject>>> handlers = new ConcurrentHashMap<>();
  /** Frames the bridge refused outright ({"type":"err"} without a reply address). */
  public final List<JsonObject> refusals = new CopyOnWriteArrayList<>();
  private volatile Consumer<String> textFrames = text -> { };
  private volatile java.util.function.IntConsumer messageSizes = size -> { };

  private BusClient(Vertx vertx, SockJsTransport transport) {
    this.transport = transport;
    transport.onFrame(this::onSockJsFrame);
    // No reply comes over a closed session: waiting for one would hang whoever asked.
    transport.onClosed(cause -> replies.keySet().forEach(address -> {
      Promise<JsonObject> reply = replies.remove(address);
      if (reply != null) {
        reply.tryFail(new Failure(-1, "the session closed before the reply" + (cause == null ? "" : ": " + cause)));
      }
    }));
    // As vertx-eventbus.js does: the bridge closes a socket that has not pinged within its ping timeout (30 s).
    vertx.setPeriodic(PING_MILLIS, id -> {
      if (transport.isClosed()) {
        vertx.cancelTimer(id);
      } else {
        write(new JsonObject().put("type", "ping"));
      }
    });
  }

  public static BusClient connect(Vertx vertx, int port) {
    return connect(vertx, port, null);
  }

  public static BusClient connect(Vertx vertx, int port, String origin) {
    return await(open(vertx, "localhost", port, origin));
  }

  /**
   * Opens a client without blocking. Called on a Vert.x context, the socket stays on that context, so its handlers
   * never run concurrently with that context's timers.
   */
  public static Future<BusClient> open(Vertx vertx, String host, int port, String origin) {
    // As a browser, which takes frames of any size: a join reply at a board with hundreds of seated people is larger
    // than Vert.x's default 64 KiB frame, and the server allows 1 MiB.
    return open(vertx, new WebSocketClientOptions().setMaxFrameSize(MAX_MESSAGE).setMaxMessageSize(MAX_MESSAGE),
      host, port, origin);
  }

  /** With client options, e.g. a small receive buffer for a client that is meant to fall behind. */
  public static Future<BusClient> open(Vertx vertx, WebSocketClientOptions clientOptions, String host, int port,
                                       String origin) {
    return WebSocketTransport.open(vertx, clientOptions, host, port, origin).map(t -> new BusClient(vertx, t));
  }

  /**
   * Over SockJS's xhr-streaming fallback instead of a websocket, as a browser where websockets are blocked. Called on
   * a Vert.x context, its requests stay on that context.
   */
  public static Future<BusClient> openXhrStreaming(Vertx vertx, String host, int port) {
    return XhrStreamingTransport.open(vertx, host, port).map(t -> new BusClient(vertx, t));
  }

  public Future<JsonObject> request(String address, JsonObject body) {
    return request(address, body, null);
  }

  public Future<JsonObject> request(String address, JsonObject body, JsonObject headers) {
    return request(address, body, headers, UUID.randomUUID().toString());
  }

  /** With a reply address of the caller's choosing, as a hostile client may pick one. */
  public Future<JsonObject> request(String address, JsonObject body, JsonObject headers, String replyAddress) {
    if ("board.join".equals(address)) {
      return BrowserSeats.join(body, joinBody -> send(address, joinBody, headers, replyAddress));
    }
    return send(address, body, headers, replyAddress);
  }

  private Future<JsonObject> send(String address, JsonObject body, JsonObject headers, String replyAddress) {
    if (transport.isClosed()) {
      return Future.failedFuture(new Failure(-1, "the session is closed"));
    }
    Promise<JsonObject> reply = Promise.promise();
    replies.put(replyAddress, reply);
    JsonObject frame = new JsonObject().put("type", "send").put("address", address).put("body", body)
      .put("replyAddress", replyAddress);
    if (headers != null) {
      frame.put("headers", headers);
    }
    write(frame);
    return reply.future();
  }

  /**
   * Several requests in one SockJS frame, as a hostile client writes them at once: the server reads them all before
   * it can answer any. Bodies go as they are (a join presents no remembered seat).
   */
  public List<Future<JsonObject>> requestAll(String address, List<JsonObject> bodies) {
    List<Future<JsonObject>> answers = new java.util.ArrayList<>();
    List<String> frames = new java.util.ArrayList<>();
    for (JsonObject body : bodies) {
      String replyAddress = UUID.randomUUID().toString();
      Promise<JsonObject> reply = Promise.promise();
      replies.put(replyAddress, reply);
      answers.add(reply.future());
      frames.add(new JsonObject().put("type", "send").put("address", address).put("body", body)
        .put("replyAddress", replyAddress).encode());
    }
    transport.sendAll(frames);
    return answers;
  }

  /**
   * Several requests in one SockJS frame on one reply address of the caller's choosing: the server reads all of them
   * before it can answer the first, so each later one arrives while the label still waits. Like a client that keeps
   * one answer per label, the future is whatever comes back on it first. Bodies go as they are.
   */
  public Future<JsonObject> requestAllOnLabel(String address, List<JsonObject> bodies, String replyAddress) {
    Promise<JsonObject> reply = Promise.promise();
    replies.put(replyAddress, reply);
    transport.sendAll(bodies.stream().map(body -> new JsonObject().put("type", "send").put("address", address)
      .put("body", body).put("replyAddress", replyAddress).encode()).toList());
    return reply.future();
  }

  /** The SockJS session's path, {@code /eventbus/<server>/<session>}, as it appears in a proxy's access log. */
  public String sessionPath() {
    return transport.sessionPath();
  }

  public JsonObject call(String address, JsonObject body) {
    return await(request(address, body));
  }

  /** Sends any text as one SockJS message, as a broken or hostile client might. */
  public void sendRaw(String text) {
    transport.send(text);
  }

  /** Sends several messages in one write, e.g. a burst of joins that arrives at the server in one frame. */
  public void sendRawBurst(List<String> texts) {
    transport.sendAll(texts);
  }

  private void write(JsonObject frame) {
    sendRaw(frame.encode());
  }

  public void register(String address, Consumer<JsonObject> handler) {
    handlers.computeIfAbsent(address, a -> new CopyOnWriteArrayList<>()).add(handler);
    write(new JsonObject().put("type", "register").put("address", address));
  }

  public void close() {
    await(closeAsync());
  }

  public Future<Void> closeAsync() {
    return transport.close();
  }

  /** Called when the socket closes or fails, with the failure or null. */
  public void onClosed(Consumer<Throwable> handler) {
    transport.onClosed(handler);
  }

  /** Told the length (in characters) of every websocket text frame received, e.g. to count a client's traffic. */
  public void onTextFrame(java.util.function.IntConsumer lengths) {
    this.textFrames = text -> lengths.accept(text.length());
  }

  /** Told every websocket text frame received as it came: what reached this browser, whatever it was for. */
  public void onTextFrames(Consumer<String> frames) {
    this.textFrames = frames;
  }

  /**
   * Told the size of every message received as a SockJS frame of its own would carry it ({@code a["…"]}). A busy
   * server may batch several messages into one frame, so a frame's length says nothing about one message's size.
   */
  public void onMessageSize(java.util.function.IntConsumer sizes) {
    this.messageSizes = sizes;
  }

  /** Stops reading from the socket, as a client that no longer keeps up: what the server sends piles up. */
  public void pause() {
    transport.pause();
  }

  public void resume() {
    transport.resume();
  }

  public boolean isClosed() {
    return transport.isClosed();
  }

  /**
   * SockJS frames: "o" open, "h" heartbeat, "a[...]" a batch of messages, "c[code,reason]" close. Their lengths are
   * counted as received: a websocket's text frames, or the lines of an xhr stream.
   */
  private void onSockJsFrame(String text) {
    textFrames.accept(text);
    if (text.startsWith("a")) {
      new io.vertx.core.json.JsonArray(text.substring(1)).forEach(message -> {
        messageSizes.accept("a[]".length() + io.vertx.core.json.Json.encode(message).length());
        onFrame((String) message);
      });
    }
  }

  private void onFrame(String text) {
    JsonObject frame = new JsonObject(text);
    String address = frame.getString("address");
    switch (frame.getString("type")) {
      case "rec" -> {
        Promise<JsonObject> reply = address == null ? null : replies.remove(address);
        if (reply != null) {
          reply.complete(frame.getJsonObject("body"));
        } else {
          for (JsonObject message : Frames.changesIn(frame.getJsonObject("body"))) {
            handlers.getOrDefault(address, List.of()).forEach(h -> h.accept(message));
          }
        }
      }
      case "err" -> {
        Promise<JsonObject> reply = address == null ? null : replies.remove(address);
        if (reply != null) {
          reply.fail(new Failure(frame.getInteger("failureCode", -1), frame.getString("message")));
        } else {
          refusals.add(frame);
        }
      }
      default -> { }
    }
  }

  public static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** 0 for a successful reply, else the failure's code. */
  public static int outcome(Future<?> future) {
    try {
      await(future);
      return 0;
    } catch (Failure f) {
      return f.code;
    }
  }

  public static int failureCode(Future<?> future) {
    try {
      await(future);
    } catch (Failure f) {
      return f.code;
    }
    throw new AssertionError("expected a failure reply, got success");
  }
}
