package org.aantafel.web;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.auth.User;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import io.vertx.ext.web.handler.sockjs.SockJSHandlerOptions;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import io.vertx.ext.web.handler.sockjs.impl.SockJSSocketBase;

import java.util.function.BiConsumer;

/**
 * A SockJS socket as the bridge sees it: every frame the browser sends passes its {@link FrameGuard} first, and what
 * the guard refuses never reaches the bridge (the browser gets {@code {type:"err", body}} with a fixed reason). The
 * bridge writes its failure answers to requests through here, so the guard and the socket's agent learn which
 * request failed and with what code. It extends Vert.x's base of SockJS sockets because the bridge casts to it to
 * close a socket that stopped pinging; every method is the wrapped socket's.
 */
final class GuardedSocket extends SockJSSocketBase {
  /** The bridge's failure answer to a request: {"type":"err","address":…,"failureCode":…}; small, never a change. */
  private static final String FAILURE_START = "{\"type\":\"err\",\"address\":";
  private static final int MAX_FAILURE_BYTES = 4096;

  private final SockJSSocket socket;
  private final FrameGuard guard = new FrameGuard();
  private final DroppedFrames dropped;
  private BiConsumer<String, Integer> failures = (replyAddress, code) -> { };

  GuardedSocket(Vertx vertx, SockJSSocket socket, DroppedFrames dropped) {
    super(vertx, socket.routingContext(), new SockJSHandlerOptions().setRegisterWriteHandler(false));
    this.socket = socket;
    this.dropped = dropped;
  }

  /** Told the reply address and code of every request of this socket that was answered with a failure. */
  void onFailedRequest(BiConsumer<String, Integer> failures) {
    this.failures = failures;
  }

  /** A reply to this socket went out: its request waits no more. */
  void answered(String replyAddress) {
    guard.answered(replyAddress);
  }

  @Override
  public SockJSSocket handler(Handler<Buffer> handler) {
    socket.handler(handler == null ? null : data -> {
      FrameGuard.Verdict verdict = guard.inspect(data);
      if (verdict == FrameGuard.Verdict.PASS) {
        handler.handle(data);
      } else {
        dropped.count(verdict);
        socket.write(new JsonObject().put("type", "err").put("body", verdict.name().toLowerCase()).encode());
      }
    });
    return this;
  }

  @Override
  public Future<Void> write(Buffer data) {
    if (data.length() < MAX_FAILURE_BYTES && data.toString().startsWith(FAILURE_START)) {
      JsonObject failure = new JsonObject(data);
      guard.answered(failure.getString("address"));
      failures.accept(failure.getString("address"), failure.getInteger("failureCode", -1));
    }
    return socket.write(data);
  }

  /** Messages to the browser, written as text by {@link OutboundLimit}. */
  @Override
  public Future<Void> write(String text) {
    return socket.write(text);
  }

  @Override
  public SockJSSocket exceptionHandler(Handler<Throwable> handler) {
    socket.exceptionHandler(handler);
    return this;
  }

  @Override
  public SockJSSocket pause() {
    socket.pause();
    return this;
  }

  @Override
  public SockJSSocket resume() {
    socket.resume();
    return this;
  }

  @Override
  public SockJSSocket fetch(long amount) {
    socket.fetch(amount);
    return this;
  }

  @Override
  public SockJSSocket endHandler(Handler<Void> handler) {
    socket.endHandler(handler);
    return this;
  }

  @Override
  public SockJSSocket closeHandler(Handler<Void> handler) {
    socket.closeHandler(handler);
    return this;
  }

  @Override
  public SockJSSocket setWriteQueueMaxSize(int maxSize) {
    socket.setWriteQueueMaxSize(maxSize);
    return this;
  }

  @Override
  public boolean writeQueueFull() {
    return socket.writeQueueFull();
  }

  @Override
  public SockJSSocket drainHandler(Handler<Void> handler) {
    socket.drainHandler(handler);
    return this;
  }

  @Override
  public String writeHandlerID() {
    return socket.writeHandlerID();
  }

  @Override
  public Future<Void> end() {
    return socket.end();
  }

  @Override
  public void close() {
    socket.close();
  }

  @Override
  public void close(int statusCode, String reason) {
    socket.close(statusCode, reason);
  }

  @Override
  public SocketAddress remoteAddress() {
    return socket.remoteAddress();
  }

  @Override
  public SocketAddress localAddress() {
    return socket.localAddress();
  }

  @Override
  public MultiMap headers() {
    return socket.headers();
  }

  @Override
  public String uri() {
    return socket.uri();
  }

  @Override
  public RoutingContext routingContext() {
    return socket.routingContext();
  }

  @Override
  public Session webSession() {
    return socket.webSession();
  }

  @Override
  public User webUser() {
    return socket.webUser();
  }
}
