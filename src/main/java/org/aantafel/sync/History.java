package org.aantafel.sync;

import io.vertx.core.Future;
import org.aantafel.store.BoardStore;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The recent revisions of a board, kept in memory for transforming late submits and for catching up reconnecting
 * browsers. Anything older is read back from the op log, which holds every revision forever.
 */
final class History {
  static final int KEEP = 2000;

  private final ArrayDeque<Change> recent = new ArrayDeque<>();
  /** The revision just before the oldest one kept. */
  private long floor;

  History(long floor) {
    this.floor = floor;
  }

  void add(Change change) {
    recent.addLast(change);
  }

  /**
   * Forgets the oldest changes beyond {@link #KEEP}, but only durable ones: what is not stored yet can be read from
   * nowhere else.
   */
  void forgetDurable(long durableRev) {
    while (recent.size() > KEEP && recent.peekFirst().rev() <= durableRev) {
      floor = recent.removeFirst().rev();
    }
  }

  /** The changes with {@code afterRev < rev <= uptoRev}, from memory when possible. */
  Future<List<Change>> between(long afterRev, long uptoRev, BoardStore store, String boardId) {
    if (afterRev >= uptoRev) {
      return Future.succeededFuture(List.of());
    }
    if (afterRev >= floor) {
      return Future.succeededFuture(fromMemory(afterRev, uptoRev));
    }
    // Only what is older than the memory comes from the store: the newest changes may not be stored yet.
    List<Change> recent = uptoRev > floor ? fromMemory(floor, uptoRev) : List.of();
    return store.changesBetween(boardId, afterRev, Math.min(floor, uptoRev)).map(stored -> {
      List<Change> changes = new ArrayList<>(stored.size() + recent.size());
      stored.forEach(c -> changes.add(Change.fromStored(c)));
      changes.addAll(recent);
      return changes;
    });
  }

  /** Walks back from the newest, since a submit is nearly always only a few revisions behind. */
  private List<Change> fromMemory(long afterRev, long uptoRev) {
    ArrayDeque<Change> result = new ArrayDeque<>();
    var newestFirst = recent.descendingIterator();
    while (newestFirst.hasNext()) {
      Change change = newestFirst.next();
      if (change.rev() <= afterRev) {
        break;
      }
      if (change.rev() <= uptoRev) {
        result.addFirst(change);
      }
    }
    return new ArrayList<>(result);
  }
}
