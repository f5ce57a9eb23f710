package org.aantafel.sync;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.shareddata.Lock;

import java.util.function.Supplier;

/**
 * This node's claim on one board: a lock of the whole cluster (held until released, or until this node leaves the
 * cluster, when Hazelcast frees it for another node) and the board's inbox on the event bus. The lock keeps a second
 * hub from being loaded while this one lives; should two ever own a board anyway (a pause, a split network), the
 * op log's primary key refuses the second writer's revisions and that hub drops itself.
 */
final class Ownership {
  /** Short: a lock held elsewhere means another node serves the board, and the router retries the send instead. */
  private static final long LOCK_WAIT_MILLIS = 200;

  private final Lock lock;
  private MessageConsumer<Object> inbox;

  private Ownership(Lock lock) {
    this.lock = lock;
  }

  /** Fails when another node (or another hub instance of this node) holds the board. */
  static Future<Ownership> claim(Vertx vertx, String boardId) {
    return vertx.sharedData().getLockWithTimeout(lockName(boardId), LOCK_WAIT_MILLIS).map(Ownership::new);
  }

  static String lockName(String boardId) {
    return "aantafel.board." + boardId;
  }

  /** Completes once messages for the board reach the handler from every node. */
  Future<Void> open(Vertx vertx, String boardId, Handler<Message<Object>> handler) {
    inbox = vertx.eventBus().consumer(Addresses.hub(boardId), handler);
    return inbox.completion();
  }

  /**
   * Stops taking messages first, then runs the hub's last words (its final snapshot), and only then lets another
   * hub claim the board, so the next one loads what this one left.
   */
  Future<Void> release(Supplier<Future<Void>> lastWords) {
    Future<Void> closed = inbox == null ? Future.succeededFuture() : inbox.unregister();
    return closed.transform(v -> lastWords.get()).eventually(() -> {
      lock.release();
      return Future.succeededFuture();
    });
  }
}
