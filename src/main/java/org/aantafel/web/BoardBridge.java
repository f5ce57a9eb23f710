package org.aantafel.web;

import io.vertx.core.Vertx;
import io.vertx.ext.bridge.BridgeEventType;
import io.vertx.ext.bridge.PermittedOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.sockjs.BridgeEvent;
import io.vertx.ext.web.handler.sockjs.SockJSBridgeOptions;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandlerOptions;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import io.vertx.ext.web.handler.sockjs.impl.EventBusBridgeImpl;
import org.aantafel.sync.Addresses;

import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SockJS event-bus bridge at /eventbus: only the contract's addresses pass, every raw frame passes the
 * {@link FrameGuard} of its socket before the bridge reads it, and every bridge event goes through the
 * {@link ConnectionAgent} of its socket.
 */
final class BoardBridge {
  static final String SOCKJS_LIBRARY = "/webjars/sockjs-client/1.6.1/dist/sockjs.min.js";

  private final Map<SockJSSocket, ConnectionAgent> agents = new HashMap<>();
  private final OutboundLimit outbound;
  private final FailedJoinLimit failedJoins;
  private final NewSeatLimit newSeats;
  private final SessionBinding sessions;
  private final boolean trustForwardedFor;
  private final DroppedFrames dropped = new DroppedFrames();

  BoardBridge(OutboundLimit outbound, FailedJoinLimit failedJoins, NewSeatLimit newSeats, SessionBinding sessions,
              boolean trustForwardedFor) {
    this.outbound = outbound;
    this.failedJoins = failedJoins;
    this.newSeats = newSeats;
    this.sessions = sessions;
    this.trustForwardedFor = trustForwardedFor;
  }

  Router router(Vertx vertx, String allowedOrigin) {
    SockJSHandlerOptions options = new SockJSHandlerOptions()
      .setInsertJSESSIONID(false)
      .setLibraryURL(SOCKJS_LIBRARY)
      .setRegisterWriteHandler(false);
    if (allowedOrigin != null) {
      options.setOrigin(allowedOrigin);
    }
    // Every bridge of the cluster hears of every revocation; on this verticle's event loop, where its agents live.
    vertx.eventBus().<JsonObject>consumer(Addresses.REVOKED, message -> List.copyOf(agents.entrySet()).forEach(held -> {
      String goodbye = held.getValue().goodbye(message.body());
      if (held.getValue().holdsRevoked(message.body())) {
        SockJSSocket socket = held.getKey();
        (goodbye == null ? io.vertx.core.Future.succeededFuture() : socket.write(goodbye))
          .onComplete(written -> socket.close());
      }
    }));
    SockJSBridgeOptions bridge = new SockJSBridgeOptions()
      .addInboundPermitted(new PermittedOptions().setAddress(Addresses.JOIN))
      .addInboundPermitted(new PermittedOptions().setAddress(Addresses.SUBMIT))
      .addInboundPermitted(new PermittedOptions().setAddress(Addresses.PRESENCE))
      .addInboundPermitted(new PermittedOptions().setAddress(Addresses.PING))
      .addOutboundPermitted(new PermittedOptions().setAddressRegex("board\\.[A-Za-z0-9_-]{1,64}\\.(ops|presence)"))
      .setMaxHandlersPerSocket(64)
      .setMaxAddressLength(100)
      .setPingTimeout(30_000)
      .setReplyTimeout(20_000);
    // What SockJSHandler.bridge does, with each socket wrapped first: the raw frames are not reachable otherwise,
    // and the bridge logs some of them as they came.
    EventBusBridgeImpl eventBusBridge = new EventBusBridgeImpl(vertx, null, bridge, event -> {
      if (event.type() == BridgeEventType.RECEIVE && event.socket() instanceof GuardedSocket guarded) {
        guarded.answered(event.getRawMessage().getString("address"));
      }
      sessions.track(event);
      agentOf(vertx, event).handle(outbound.guard(event));
    });
    return SockJSHandler.create(vertx, options)
      .socketHandler(socket -> eventBusBridge.handle(new GuardedSocket(vertx, socket, dropped)));
  }

  private ConnectionAgent agentOf(Vertx vertx, BridgeEvent event) {
    SockJSSocket socket = event.socket();
    ConnectionAgent agent = switch (event.type()) {
      case SOCKET_CLOSED -> agents.remove(socket);
      default -> agents.computeIfAbsent(socket, s -> newAgent(vertx, s));
    };
    return agent != null ? agent : newAgent(vertx, socket);
  }

  private ConnectionAgent newAgent(Vertx vertx, SockJSSocket socket) {
    ConnectionAgent agent = new ConnectionAgent(vertx.eventBus(), new RateLimit(30, 60), failedJoins, newSeats,
      ClientAddress.of(trustForwardedFor, socket.headers(), socket.remoteAddress()));
    if (socket instanceof GuardedSocket guarded) {
      guarded.onFailedRequest(agent::requestFailed);
    }
    return agent;
  }
}
