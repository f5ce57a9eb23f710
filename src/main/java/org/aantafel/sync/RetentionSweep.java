package org.aantafel.sync;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.aantafel.store.BoardStore;
import org.aantafel.store.BoardStore.ClosedBoard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Removes closed boards, with all their records, once the retention period has passed since they were closed.
 *
 * <p>It lives in sync, not in store, because it deletes through the hubs ({@code hub.delete}), exactly as the
 * facilitator's DELETE does: a board still in memory is deleted in its hub's turn, its hub is dropped and its open
 * pages are told. The store only answers which boards are due. Boards go one at a time, so a first sweep over years
 * of meetings never floods the hubs or the database.
 */
public final class RetentionSweep {
  static final long PERIOD_MILLIS = Duration.ofHours(1).toMillis();
  /** Boards asked of the store per round; a sweep keeps asking until none is due. */
  private static final int BATCH = 100;

  private final Vertx vertx;
  private final BoardStore store;
  private final int retentionDays;
  private final Clock clock;
  private final AtomicBoolean running = new AtomicBoolean();
  private long timer = -1;

  public RetentionSweep(Vertx vertx, BoardStore store, int retentionDays, Clock clock) {
    if (retentionDays <= 0) {
      throw new IllegalArgumentException("retentionDays must be at least 1; 0 keeps boards until deleted");
    }
    this.vertx = vertx;
    this.store = store;
    this.retentionDays = retentionDays;
    this.clock = clock;
  }

  /** Sweeps now and then every hour. */
  public void start() {
    start(PERIOD_MILLIS);
  }

  public void start(long periodMillis) {
    sweep();
    timer = vertx.setPeriodic(periodMillis, id -> sweep());
  }

  public void stop() {
    vertx.cancelTimer(timer);
  }

  /**
   * Removes every board closed longer ago than the retention period. A sweep still running when the next is due is
   * not doubled. Completes with how many boards were removed; a failure is left for the next sweep to retry.
   */
  public Future<Integer> sweep() {
    if (!running.compareAndSet(false, true)) {
      return Future.succeededFuture(0);
    }
    Instant cutoff = clock.instant().minus(Duration.ofDays(retentionDays));
    return sweepFrom(cutoff, 0)
      .onFailure(e -> System.getLogger(RetentionSweep.class.getName())
        .log(System.Logger.Level.WARNING, "retention sweep stopped, retried next time: " + e.getMessage()))
      .eventually(() -> {
        running.set(false);
        return Future.succeededFuture();
      });
  }

  private Future<Integer> sweepFrom(Instant cutoff, int removedSoFar) {
    return store.closedBefore(cutoff, BATCH).compose(due -> removeEach(due, 0, cutoff)
      .compose(removed -> due.size() < BATCH || removed == 0 ? Future.succeededFuture(removedSoFar + removed)
        : sweepFrom(cutoff, removedSoFar + removed)));
  }

  private Future<Integer> removeEach(List<ClosedBoard> due, int index, Instant cutoff) {
    if (index == due.size()) {
      return Future.succeededFuture(0);
    }
    JsonObject request = DeleteRequest.byRetention(due.get(index).boardId(), cutoff, retentionDays);
    return vertx.eventBus().<JsonObject>request(Addresses.DELETE, request)
      .map(reply -> reply.body().getBoolean("deleted") ? 1 : 0)
      .compose(one -> removeEach(due, index + 1, cutoff).map(rest -> one + rest));
  }
}
