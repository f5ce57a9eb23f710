package org.aantafel.sync;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.aantafel.store.BoardStore.CommittedChange;
import org.aantafel.store.OpLog;
import org.aantafel.store.StoreConflictException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one writer of the op log for all hubs of one hub instance (one event loop). Every commit is a disk flush, and a flush costs the same
 * for one change as for a hundred, so the groups of all boards that arrive while one transaction is on its way are
 * written together in the next. With hundreds of boards in meetings at once this keeps the ack latency near one
 * flush, where a transaction per board would queue the boards behind each other for the connection pool.
 *
 * <p>More transactions may be allowed on their way at once without ever reordering a board, since its
 * {@link GroupCommit} hands over its next group only after the previous one is stored. On two cores one at a time
 * measured best (docs/benchmark.md): concurrent commits only made PostgreSQL's backends compete for the CPU.
 */
final class CommitLog {
  private record Request(String boardId, List<CommittedChange> changes, Promise<Void> done) {}

  private final OpLog store;
  static final int MAX_IN_FLIGHT = 1;

  private List<Request> waiting = new ArrayList<>();
  private int inFlight;

  CommitLog(OpLog store) {
    this.store = store;
  }

  /** Completes when the changes are committed; a board has at most one request here at a time. */
  Future<Void> append(String boardId, List<Change> changes) {
    Promise<Void> done = Promise.promise();
    waiting.add(new Request(boardId, changes.stream().map(Change::toStored).toList(), done));
    writeIfFree();
    return done.future();
  }

  /**
   * At once, in the turn that handed the changes over, when no transaction is on its way; otherwise they wait for
   * the next one, which takes everything handed over meanwhile and starts as soon as the one on its way is stored.
   */
  private void writeIfFree() {
    if (inFlight < MAX_IN_FLIGHT && !waiting.isEmpty()) {
      write();
    }
  }

  private void write() {
    inFlight++;
    List<Request> group = waiting;
    waiting = new ArrayList<>();
    Map<String, List<CommittedChange>> byBoard = new LinkedHashMap<>();
    group.forEach(r -> byBoard.put(r.boardId(), r.changes()));
    store.appendChanges(byBoard).onComplete(result -> {
      // Still counted as on its way while the boards are told: each hands over its next group at once, and those of
      // all boards must go into one transaction, not the first of them into a transaction of its own.
      try {
        if (result.failed() && result.cause() instanceof StoreConflictException && group.size() > 1) {
          // One board's revision was taken already (two hubs owned it for a moment), which rolled back every board's
          // group: each is written again on its own, so that only the board in conflict hears of it.
          group.forEach(r -> store.appendChanges(Map.of(r.boardId(), r.changes())).onComplete(r.done()));
        } else {
          group.forEach(r -> r.done().handle(result));
        }
      } finally {
        inFlight--;
      }
      writeIfFree();
    });
  }
}
