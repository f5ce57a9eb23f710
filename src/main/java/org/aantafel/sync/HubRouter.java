package org.aantafel.sync;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;

/**
 * Takes every board message that arrives on this node (from its sockets and its HTTP API) to the one hub that owns
 * the board, wherever in the cluster that is. When no hub owns it yet, one of this node's hub instances claims it
 * (always the same instance for a board, so a node never splits a board's work); when another node is claiming or
 * handing it over, the send is tried again for a few seconds. One router per node, on an event loop of its own: the
 * messages of one socket (join, heartbeats, leave) then reach the hub in the order they were sent, as one consumer
 * receives the messages of one sender in order. Which addresses it listens on, and which of them may bring a board in,
 * is {@link HubRequests}' to declare.
 */
public final class HubRouter extends VerticleBase {
  /** A hub's answer meaning "not here (any more)": the board is moving, try again. */
  static final int RETRY = 1;
  /** Covers a takeover after a node died: Hazelcast notices within about five seconds, the load takes less than one. */
  private static final long RETRY_FOR_MILLIS = 10_000;
  /** Longer than the retries, so a hub that does not answer in time is never asked a second time. */
  private static final long FORWARD_TIMEOUT_MILLIS = 15_000;
  private static final long FIRST_RETRY_MILLIS = 25;
  private static final long MAX_RETRY_MILLIS = 500;

  private final String nodeId;
  private final int instances;
  private EventBus bus;

  /** @param instances how many hub instances this node runs, see {@link HubVerticle} */
  public HubRouter(String nodeId, int instances) {
    this.nodeId = nodeId;
    this.instances = instances;
  }

  @Override
  public Future<?> start() {
    bus = vertx.eventBus();
    return Future.all(HubRequests.ALL.stream().map(kind -> bus.<Object>localConsumer(kind.address(),
      message -> route(message, kind)).completion()).toList());
  }

  private void route(Message<Object> message, RequestKind<?> kind) {
    String boardId;
    try {
      WireFields.refuseIfMarked(message);
      JsonObject body = WireFields.body(message.body());
      boolean seated = message.headers().get(Addresses.H_GRANT) != null;
      if (kind == HubRequests.PING && (!body.containsKey("boardId") || !seated)) {
        // Only a socket seated at the board reaches its hub: anyone else's heartbeat would load boards they do not
        // sit at (ids known from a link) into memory, for nothing.
        message.reply(new JsonObject());
        return;
      }
      boardId = WireFields.id(body, "boardId");
    } catch (RuntimeException e) {
      if (message.replyAddress() != null) {
        Refusal.replyTo(message, e);
      }
      return;
    }
    DeliveryOptions options = new DeliveryOptions()
      .setHeaders(MultiMap.caseInsensitiveMultiMap().addAll(message.headers())
        .set(Addresses.H_KIND, kind.name()).set(Addresses.H_NODE, nodeId))
      .setSendTimeout(FORWARD_TIMEOUT_MILLIS);
    if (message.replyAddress() == null) {
      bus.send(Addresses.hub(boardId), message.body(), options);
    } else {
      forward(message, kind, boardId, options, System.currentTimeMillis() + RETRY_FOR_MILLIS, FIRST_RETRY_MILLIS);
    }
  }

  private void forward(Message<Object> message, RequestKind<?> kind, String boardId, DeliveryOptions options,
                       long giveUpAt, long nextWait) {
    bus.request(Addresses.hub(boardId), message.body(), options).onComplete(answer -> {
      if (answer.succeeded()) {
        message.reply(answer.result().body());
      } else if (!notServed(answer.cause())) {
        Refusal.replyTo(message, answer.cause());
      } else if (!kind.claims()) {
        // Presence for a board nobody has loaded: there is nobody to tell.
        message.reply(new JsonObject());
      } else if (System.currentTimeMillis() > giveUpAt) {
        Refusal.replyTo(message, new Refusal(Refusal.STORAGE_UNAVAILABLE,
          "the board is moving to another server; your edits are kept and will be sent again"));
      } else {
        claim(boardId).onComplete(claimed -> {
          if (claimed.failed() && !notServed(claimed.cause())) {
            refuseClaim(message, kind, claimed.cause());
          } else {
            long wait = claimed.succeeded() ? 0 : nextWait;
            Runnable again = () -> forward(message, kind, boardId, options, giveUpAt,
              Math.min(MAX_RETRY_MILLIS, nextWait * 2));
            if (wait == 0) {
              again.run();
            } else {
              vertx.setTimer(wait, t -> again.run());
            }
          }
        });
      }
    });
  }

  /**
   * Nobody serves the board right now, or its hub is handing it over: a claim and another try may find it. A message
   * that reached an inbox while it closed is discarded unread and answered as a timeout, at once; a real timeout
   * comes after the retry deadline, so it is never tried again.
   */
  private static boolean notServed(Throwable failure) {
    return failure instanceof ReplyException r && (r.failureType() == ReplyFailure.NO_HANDLERS
      || r.failureType() == ReplyFailure.TIMEOUT || r.failureCode() == RETRY);
  }

  /** A deletion of a board that is not there has nothing to delete; any other step hears why the claim failed. */
  private static void refuseClaim(Message<Object> message, RequestKind<?> kind, Throwable cause) {
    if (kind == HubRequests.DELETE && Refusal.of(cause).code() == Refusal.FORBIDDEN) {
      message.reply(new JsonObject().put("deleted", false));
    } else {
      Refusal.replyTo(message, cause);
    }
  }

  /** The instance of this node that serves the board, so that every message for it is claimed on one event loop. */
  private Future<Message<Object>> claim(String boardId) {
    return bus.request(Addresses.claim(Math.floorMod(boardId.hashCode(), instances)), boardId);
  }
}
