package org.aantafel.sync;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;

/**
 * Tells a board's screens who is there. Changes are gathered and published at most every {@link #EVERY_MS}: a room
 * filling up costs a few messages a second, not one to everyone per arrival. Only a new person or a new name goes out
 * at once, so that screens know the name before that person's first change, which names them.
 */
final class PresenceBroadcast {
  static final long EVERY_MS = 200;

  private final Vertx vertx;
  private final EventBus bus;
  private final String address;
  private final Presence presence;
  private boolean due;
  private boolean stopped;

  PresenceBroadcast(Vertx vertx, String boardId, Presence presence) {
    this.vertx = vertx;
    this.bus = vertx.eventBus();
    this.address = Addresses.presence(boardId);
    this.presence = presence;
  }

  void now() {
    if (!stopped) {
      BoardPublications.publish(bus, address, presence.snapshot());
    }
  }

  void soon() {
    if (due) {
      return;
    }
    due = true;
    vertx.setTimer(EVERY_MS, id -> {
      due = false;
      now();
    });
  }

  /** The board is gone: nothing more is said about it. */
  void stop() {
    stopped = true;
  }
}
