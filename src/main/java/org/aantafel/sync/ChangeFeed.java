package org.aantafel.sync;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.aantafel.board.Viewer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * Publishes a board's durable changes on {@link Addresses#ops}, in revision order. Every publish costs a write to
 * every socket at the board, so in a crowded room changes that become durable within {@link #WINDOW_MILLIS} of the
 * last publish wait for the window to end and go out together as one {@code {changes:[…]}}: however fast a
 * thousand authors type, each socket is written at most {@code 1000 / WINDOW_MILLIS} times a second. A board with
 * fewer than {@link #CROWD} sockets gets every change at once, and a change after a quiet window is never held.
 * Lives on its hub's event loop.
 */
final class ChangeFeed {
  static final long WINDOW_MILLIS = 20;
  /** Below this many sockets a write per change costs little, and waiting would only add latency. */
  static final int CROWD = 100;

  private final Vertx vertx;
  private final String address;
  private final IntSupplier sockets;
  private final long windowMillis;
  private List<Change> pending = new ArrayList<>();
  private long lastPublishedAt;
  private long timer = -1;

  ChangeFeed(Vertx vertx, String boardId, IntSupplier sockets) {
    this(vertx, boardId, sockets, WINDOW_MILLIS);
  }

  ChangeFeed(Vertx vertx, String boardId, IntSupplier sockets, long windowMillis) {
    this.vertx = vertx;
    this.address = Addresses.ops(boardId);
    this.sockets = sockets;
    this.windowMillis = windowMillis;
  }

  /** Changes that became durable together, oldest first. */
  void durable(List<Change> changes) {
    pending.addAll(changes);
    if (timer != -1) {
      return;
    }
    long wait = sockets.getAsInt() < CROWD ? 0 : lastPublishedAt + windowMillis - System.currentTimeMillis();
    if (wait <= 0) {
      publishPending();
    } else {
      timer = vertx.setTimer(wait, id -> {
        timer = -1;
        publishPending();
      });
    }
  }

  /** Publishes what waits now: the hub is leaving memory or stops. */
  void flush() {
    if (timer != -1) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
    if (!pending.isEmpty()) {
      publishPending();
    }
  }

  private void publishPending() {
    List<Change> changes = pending;
    pending = new ArrayList<>();
    lastPublishedAt = System.currentTimeMillis();
    var bus = vertx.eventBus();
    if (changes.stream().noneMatch(c -> c.views().screened())) {
      BoardPublications.publish(bus, address, message(changes, Change::published));
      return;
    }
    Set<String> askers = new LinkedHashSet<>();
    changes.forEach(c -> askers.addAll(c.views().askersOps().keySet()));
    Map<String, JsonObject> toAskers = new LinkedHashMap<>();
    askers.forEach(asker -> toAskers.put(asker, message(changes, c -> c.publishedFor(new Viewer(asker, false)))));
    BoardPublications.publishScreened(bus, address, message(changes, c -> c.publishedFor(Viewer.PUBLIC)),
      message(changes, Change::published), toAskers);
  }

  /** One change as it is, several as {changes:[…]}. */
  private static JsonObject message(List<Change> changes, Function<Change, JsonObject> shown) {
    if (changes.size() == 1) {
      return shown.apply(changes.get(0));
    }
    JsonArray list = new JsonArray(new ArrayList<>(changes.size()));
    changes.forEach(c -> list.add(shown.apply(c)));
    return new JsonObject().put("changes", list);
  }
}
