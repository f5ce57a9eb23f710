package org.aantafel.sync;

import io.vertx.core.Future;
import org.aantafel.store.BoardStore;
import org.aantafel.store.BoardStore.Snapshot;

/**
 * When a board's state is saved whole, so that loading it replays only the changes after that: every
 * {@link #EVERY} revisions, when the board closes (the closed state is read by everyone and never changes), and when
 * the hub unloads. A snapshot is saved only once its revision is durable: one ahead of the op log would keep changes
 * that were never acknowledged. It is only a shortcut for loading, so a failed one is logged and nothing else.
 */
final class Snapshots {
  static final int EVERY = 200;
  private static final System.Logger LOG = System.getLogger(Snapshots.class.getName());

  private final String boardId;
  private final BoardStore store;
  private long savedRev;

  Snapshots(String boardId, BoardStore store, long savedRev) {
    this.boardId = boardId;
    this.store = store;
    this.savedRev = savedRev;
  }

  boolean due(long rev) {
    return rev - savedRev >= EVERY;
  }

  boolean upToDate(long rev) {
    return rev == savedRev;
  }

  /**
   * Saves the snapshot once {@code durable} completes. Fails only as {@code durable} does: a failed save itself is
   * logged, and the next due snapshot tries again.
   */
  Future<Void> saveWhen(Future<Void> durable, Snapshot snapshot) {
    long previous = savedRev;
    savedRev = Math.max(savedRev, snapshot.rev());
    return durable.compose(v -> store.saveSnapshot(boardId, snapshot).recover(e -> {
      savedRev = Math.min(savedRev, previous);
      LOG.log(System.Logger.Level.WARNING, "board {0}: snapshot at revision {1} failed: {2}", boardId,
        snapshot.rev(), e.toString());
      return Future.succeededFuture();
    }));
  }
}
