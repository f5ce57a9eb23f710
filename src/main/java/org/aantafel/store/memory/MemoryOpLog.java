package org.aantafel.store.memory;

import io.vertx.core.Future;
import org.aantafel.store.BoardStore.ClientProgress;
import org.aantafel.store.BoardStore.CommittedChange;
import org.aantafel.store.BoardStore.Snapshot;
import org.aantafel.store.OpLog;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static org.aantafel.store.memory.StoreLock.conflict;

/**
 * {@link OpLog} in memory: each board's history, which {@link MemoryBoards} starts with the board's first snapshot
 * and drops with the board, as PostgreSQL's foreign key does {@code board_ops} and {@code board_snapshots}.
 */
final class MemoryOpLog implements OpLog {
  private final StoreLock lock;
  private final Map<String, History> histories = new HashMap<>();

  MemoryOpLog(StoreLock lock) {
    this.lock = lock;
  }

  @Override
  public Future<Optional<Snapshot>> latestSnapshot(String boardId) {
    return lock.atomically(() -> find(boardId).map(history -> copy(history.snapshot)));
  }

  @Override
  public Future<List<CommittedChange>> changesBetween(String boardId, long afterRev, long uptoRev) {
    return lock.atomically(() -> find(boardId)
        .map(history -> history.ops.subMap(afterRev, false, uptoRev, true).values().stream()
            .map(MemoryOpLog::copy).toList())
        .orElse(List.of()));
  }

  @Override
  public Future<Void> appendChanges(Map<String, List<CommittedChange>> changesByBoard) {
    return lock.atomically(() -> {
      // All checked before anything is stored: one taken revision or (clientId, seq) fails the whole group.
      for (Map.Entry<String, List<CommittedChange>> group : changesByBoard.entrySet()) {
        History history = existing(group.getKey(), "appendChanges");
        Set<Long> revs = new HashSet<>();
        Set<List<Object>> clientSeqs = new HashSet<>();
        for (CommittedChange change : group.getValue()) {
          if (history.taken(change) || !revs.add(change.rev())
              || !clientSeqs.add(List.of(change.clientId(), change.seq()))) {
            throw conflict("appendChanges " + group.getKey() + ": rev " + change.rev() + " or seq " + change.seq()
                + " of " + change.clientId() + " is taken");
          }
        }
      }
      changesByBoard.forEach((boardId, changes) -> changes.forEach(change ->
          histories.get(boardId).append(copy(change))));
      return null;
    });
  }

  @Override
  public Future<Optional<ClientProgress>> lastCommitted(String boardId, String clientId) {
    return lock.atomically(() -> find(boardId)
        .map(history -> history.opsByClient.get(clientId))
        .map(TreeMap::lastEntry)
        .map(last -> new ClientProgress(last.getKey(), last.getValue().rev(), last.getValue().participantId())));
  }

  @Override
  public Future<Void> saveSnapshot(String boardId, Snapshot snapshot) {
    return lock.atomically(() -> {
      History history = existing(boardId, "saveSnapshot");
      if (snapshot.rev() >= history.snapshot.rev()) {
        history.snapshot = copy(snapshot);
      }
      return null;
    });
  }

  /** A new board's history, from its first snapshot; under the lock of {@link MemoryBoards#createBoard}. */
  void start(String boardId, Snapshot first) {
    histories.put(boardId, new History(copy(first)));
  }

  /** Drops a deleted board's history, under the lock of {@link MemoryBoards#deleteBoard}; returns its op count. */
  long forget(String boardId) {
    History gone = histories.remove(boardId);
    return gone == null ? 0 : gone.ops.size();
  }

  private Optional<History> find(String boardId) {
    return Optional.ofNullable(histories.get(boardId));
  }

  private History existing(String boardId, String action) {
    return find(boardId).orElseThrow(() -> StoreLock.noSuchBoard(action, boardId));
  }

  /** JSON goes in and out as copies, as it would through jsonb. */
  private static Snapshot copy(Snapshot snapshot) {
    return new Snapshot(snapshot.rev(), snapshot.state().copy());
  }

  private static CommittedChange copy(CommittedChange change) {
    return new CommittedChange(change.rev(), change.clientId(), change.seq(), change.participantId(),
        change.ops().copy(), change.committedAtMillis());
  }

  /** One board's rows of {@code board_ops}, and of {@code board_snapshots} only the newest: nothing reads older. */
  private static final class History {
    Snapshot snapshot;
    /** Revision to change: the key fences a second writer of a revision. */
    final TreeMap<Long, CommittedChange> ops = new TreeMap<>();
    /** Client id to its committed seqs and their changes: fences a resent (client id, seq). */
    final Map<String, TreeMap<Long, CommittedChange>> opsByClient = new HashMap<>();

    History(Snapshot snapshot) {
      this.snapshot = snapshot;
    }

    boolean taken(CommittedChange change) {
      return ops.containsKey(change.rev())
          || opsByClient.getOrDefault(change.clientId(), new TreeMap<>()).containsKey(change.seq());
    }

    void append(CommittedChange change) {
      ops.put(change.rev(), change);
      opsByClient.computeIfAbsent(change.clientId(), client -> new TreeMap<>()).put(change.seq(), change);
    }
  }
}
