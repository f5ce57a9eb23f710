package org.aantafel.sync;

import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;

import java.util.function.Function;

/**
 * One kind of request a board's hub takes, as {@link HubRequests} declares it.
 *
 * @param address where browsers or the server's own APIs send it; the part after the first dot is its name
 * @param claims  whether it may bring the board into this node's memory (make this node its owner); one that may not
 *                is answered {} when no hub holds the board, since there is nobody to tell
 * @param parser  reads the message into the request, refusing (400, 403, ...) what cannot be read or is not allowed
 * @param handler what the board's hub does with the request; it answers the message itself
 */
record RequestKind<R>(String address, boolean claims, Function<Message<Object>, R> parser, Handling<R> handler) {

  /** What the hub does with a request: {@code hub} is the board's hub, loaded or on its way. */
  @FunctionalInterface
  interface Handling<R> {
    void handle(HubVerticle hubs, Message<Object> message, Future<BoardHub> hub, R request);
  }

  /** Which step a message on a board's inbox asks for, in {@link Addresses#H_KIND}: "join", "submit", ... */
  String name() {
    return address.substring(address.indexOf('.') + 1);
  }

  /** Reads the message and hands it to the handler, or tells the sender why it could not be read. */
  void dispatch(HubVerticle hubs, Message<Object> message, Future<BoardHub> hub) {
    R request;
    try {
      request = parser.apply(message);
    } catch (RuntimeException e) {
      Refusal.replyTo(message, e);
      return;
    }
    handler.handle(hubs, message, hub, request);
  }
}
