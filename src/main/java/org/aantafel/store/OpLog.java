package org.aantafel.store;

import io.vertx.core.Future;
import org.aantafel.store.BoardStore.ClientProgress;
import org.aantafel.store.BoardStore.CommittedChange;
import org.aantafel.store.BoardStore.Snapshot;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A board's history as the hub writes and replays it: committed changes and periodic snapshots. The hub is its only
 * writer per board, and the uniqueness checks of {@link #appendChanges(Map)} are what fence a stale one.
 */
public interface OpLog {

  /** The newest snapshot of a board, or empty when the board does not exist. */
  Future<Optional<Snapshot>> latestSnapshot(String boardId);

  /** Committed changes with {@code afterRev < rev <= uptoRev}, in revision order. */
  Future<List<CommittedChange>> changesBetween(String boardId, long afterRev, long uptoRev);

  /**
   * Appends a group of changes of one board in one transaction. Fails as a whole with {@link StoreConflictException}
   * when any revision or any (clientId, seq) is already taken: that is how a stale writer is fenced.
   */
  default Future<Void> appendChanges(String boardId, List<CommittedChange> changes) {
    return appendChanges(Map.of(boardId, changes));
  }

  /**
   * Appends groups of changes of several boards in one transaction, so that one commit (one disk flush) serves many
   * boards at once. Fails as a whole like {@link #appendChanges(String, List)}.
   */
  Future<Void> appendChanges(Map<String, List<CommittedChange>> changesByBoard);

  /** The highest committed seq of a client on a board with its revision, or empty when that client never committed. */
  Future<Optional<ClientProgress>> lastCommitted(String boardId, String clientId);

  /** Stores a snapshot; older snapshots beyond the newest few may be pruned. */
  Future<Void> saveSnapshot(String boardId, Snapshot snapshot);
}
