package org.aantafel.sync;

import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.Map;

/**
 * The bytes the loaded boards of one hub instance hold (state and history, as each hub counts them), against the
 * instance's share of the node's budget. Lives on the instance's event loop like its hubs, so it needs no locks.
 * A board is loaded only while the boards hold less than the budget; once they hold more, a board holding more than
 * an equal share may not grow, so that the boards that filled the budget wait, not a small meeting beside them.
 */
final class MemoryBudget {
  static final String FULL = "this server is full; try again in a minute";

  private final long maxBytes;
  private final Map<String, Long> held = new HashMap<>();
  private long total;

  MemoryBudget(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** Whether one more board, holding {@code bytes}, fits. */
  boolean admits(long bytes) {
    return total + bytes <= maxBytes;
  }

  /** Counts a board that was just loaded. */
  void hold(String boardId, long bytes) {
    Long before = held.put(boardId, bytes);
    total += bytes - (before == null ? 0 : before);
  }

  /**
   * A loaded board's new size; nothing for a board already let go, whose last commits may still report after its
   * bytes were given back.
   */
  void update(String boardId, long bytes) {
    if (held.containsKey(boardId)) {
      hold(boardId, bytes);
    }
  }

  void release(String boardId) {
    Long before = held.remove(boardId);
    if (before != null) {
      total -= before;
    }
  }

  boolean mayGrow(String boardId) {
    return total <= maxBytes || held.getOrDefault(boardId, 0L) <= maxBytes / Math.max(1, held.size());
  }

  long total() {
    return total;
  }

  /** {total, budget, boards: {boardId: bytes}}. */
  JsonObject toJson() {
    JsonObject boards = new JsonObject();
    held.forEach(boards::put);
    return new JsonObject().put("total", total).put("budget", maxBytes).put("boards", boards);
  }

  static Refusal full() {
    return new Refusal(Refusal.STORAGE_UNAVAILABLE, FULL);
  }
}
