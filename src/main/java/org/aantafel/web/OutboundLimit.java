package org.aantafel.web;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.bridge.BridgeEventType;
import io.vertx.ext.web.handler.sockjs.BridgeEvent;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;

import java.util.HashMap;
import java.util.Map;

/**
 * A bounded outgoing queue for every bridge socket. Vert.x's bridge writes each message for a client without asking
 * whether the client keeps up, and over the websocket transport the SockJS session hands every write straight to
 * the websocket, so {@code writeQueueFull()} never turns true there: for a client that stops reading, the server
 * would keep everything meant for it. So the messages for a client are written here instead, and counted until the
 * transport reports them written out (to the network, or to the poll that fetched them); a socket with more than
 * the limit still waiting is closed, which drops what waits for it. Its browser reconnects and catches up from the
 * op log with sinceRev. A change published to a board is framed once for all sockets of this loop
 * ({@link SharedFrames}); the SockJS transport still frames and escapes it again for each socket. Like the agents,
 * this lives on the sockets' event loop and is not thread-safe.
 */
final class OutboundLimit {
  private static final System.Logger LOG = System.getLogger(OutboundLimit.class.getName());

  private static final class Backlog {
    long bytes;
    boolean closed;
  }

  private final int maxQueuedBytes;
  private final Map<SockJSSocket, Backlog> backlogs = new HashMap<>();
  private final SharedFrames shared = new SharedFrames();

  OutboundLimit(int maxQueuedBytes) {
    this.maxQueuedBytes = maxQueuedBytes;
  }

  /**
   * The event to hand to the socket's agent. For a message to the client it is a stand-in: when the agent lets the
   * message through, it is written here, and the bridge is told not to write it itself.
   */
  BridgeEvent guard(BridgeEvent event) {
    if (event.type() == BridgeEventType.SOCKET_CLOSED) {
      backlogs.remove(event.socket());
    }
    if (event.type() != BridgeEventType.RECEIVE) {
      return event;
    }
    Decision decision = new Decision(event);
    decision.future().onComplete(allowed -> {
      if (allowed.succeeded() && Boolean.TRUE.equals(allowed.result())) {
        write(event.socket(), event.getRawMessage());
      }
      if (allowed.failed()) {
        event.fail(allowed.cause());
      } else {
        event.complete(false);
      }
    });
    return decision;
  }

  private void write(SockJSSocket socket, JsonObject message) {
    Backlog backlog = backlogs.computeIfAbsent(socket, s -> new Backlog());
    if (backlog.closed) {
      return;
    }
    // One message over the limit still goes out, so a large join reply to a client that reads is never refused.
    if (backlog.bytes >= maxQueuedBytes) {
      backlog.closed = true;
      LOG.log(System.Logger.Level.WARNING, "closed a connection that stopped reading: {0} bytes were waiting for it"
        + " (limit {1})", backlog.bytes, maxQueuedBytes);
      socket.close();
      return;
    }
    // A published change is encoded once for all sockets of this loop; a reply is for this socket alone.
    SharedFrames.Frame frame = shared.of(message).orElseGet(() -> SharedFrames.Frame.of(message.encode()));
    backlog.bytes += frame.bytes();
    // Completes once written out, or failed when the socket closed and dropped it: either way it waits no more.
    // Text, not a Buffer: the SockJS session would turn a Buffer back into text for every socket.
    socket.write(frame.text()).onComplete(done -> backlog.bytes -= frame.bytes());
  }

  /** The agent's verdict on one message for the client; everything else is the bridge's event. */
  private static final class Decision implements BridgeEvent {
    private final BridgeEvent event;
    private final Promise<Boolean> verdict = Promise.promise();

    Decision(BridgeEvent event) {
      this.event = event;
    }

    @Override
    public BridgeEventType type() {
      return event.type();
    }

    @Override
    public JsonObject getRawMessage() {
      return event.getRawMessage();
    }

    @Override
    public BridgeEvent setRawMessage(JsonObject message) {
      event.setRawMessage(message);
      return this;
    }

    @Override
    public SockJSSocket socket() {
      return event.socket();
    }

    @Override
    public boolean tryComplete(Boolean result) {
      return verdict.tryComplete(result);
    }

    @Override
    public boolean tryFail(Throwable cause) {
      return verdict.tryFail(cause);
    }

    @Override
    public Future<Boolean> future() {
      return verdict.future();
    }
  }
}
