package org.aantafel.sync;

import io.vertx.core.json.JsonObject;
import org.aantafel.board.BoardState;

/**
 * How much memory boards may hold, in bytes (docs/security.md, "Memory per board"). One board: its state (tombstones
 * included) and its history of recent changes with the views kept of them. One node: every loaded board together;
 * beyond that, a board is not loaded (503) and a board holding more than its share may not grow.
 *
 * @param historyBytes the recent changes one board keeps in memory for catch-ups and late submits
 * @param stateBytes   one board's state, its quota (413 beyond it)
 * @param nodeBytes    all loaded boards of the node together, as counted by the hubs
 */
public record BoardBudget(long historyBytes, long stateBytes, long nodeBytes) {
  public static final long DEFAULT_HISTORY_BYTES = 2L * 1024 * 1024;
  /**
   * What the hubs count is the boards' JSON size; held as Java objects a board takes a few times that. A quarter of
   * the heap leaves the rest to those objects, to the sockets and to everything else.
   */
  static final int HEAP_SHARE = 4;

  public BoardBudget {
    if (historyBytes < 1 || stateBytes < 1 || nodeBytes < 0) {
      throw new IllegalArgumentException("boardHistoryBytes and boardStateBytes must be positive, boardsMemoryBytes"
        + " zero (a quarter of the heap) or positive");
    }
  }

  public static BoardBudget fromJson(JsonObject json) {
    return new BoardBudget(
      Long.parseLong(String.valueOf(json.getValue("boardHistoryBytes", DEFAULT_HISTORY_BYTES))),
      Long.parseLong(String.valueOf(json.getValue("boardStateBytes", BoardState.MAX_BYTES))),
      Long.parseLong(String.valueOf(json.getValue("boardsMemoryBytes", 0))));
  }

  /** The node's budget: as configured, or a quarter of the heap the JVM may use. */
  public long nodeBytesOrHeap() {
    return nodeBytes > 0 ? nodeBytes : Runtime.getRuntime().maxMemory() / HEAP_SHARE;
  }

  /** The share of one of the node's hub instances, each of which holds its own boards on its own event loop. */
  public BoardBudget perInstance(int instances) {
    return new BoardBudget(historyBytes, stateBytes, Math.max(1, nodeBytesOrHeap() / Math.max(1, instances)));
  }
}
