package org.aantafel.web;

import io.vertx.core.Vertx;
import io.vertx.ext.bridge.PermittedOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.sockjs.BridgeEvent;
import io.vertx.ext.web.handler.sockjs.SockJSBridgeOptions;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandlerOptions;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import org.aantafel.sync.Addresses;

import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SockJS event-bus bridge at /eventbus: only the contract's addresses pass, and every frame goes through the
 * {@link ConnectionAgent} of its socket.
 */
final class BoardBridge {
  static final String SOCKJS_LIBRARY = "/webjars/sockjs-client/1.6.1/dist/sockjs.min.js";

  private final Map<SockJSSocket, ConnectionAgent> agents = new HashMap<>();
  private final OutboundLimit outbound;

  BoardBridge(OutboundLimit outbound) {
    this.outbound = outbound;
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
    return SockJSHandler.create(vertx, options)
      .bridge(bridge, event -> agentOf(vertx, event).handle(outbound.guard(event)));
  }

  private ConnectionAgent agentOf(Vertx vertx, BridgeEvent event) {
    SockJSSocket socket = event.socket();
    ConnectionAgent agent = switch (event.type()) {
      case SOCKET_CLOSED -> agents.remove(socket);
      default -> agents.computeIfAbsent(socket, s -> new ConnectionAgent(vertx.eventBus(), new RateLimit(30, 60)));
    };
    return agent != null ? agent : new ConnectionAgent(vertx.eventBus(), new RateLimit(30, 60));
  }
}
