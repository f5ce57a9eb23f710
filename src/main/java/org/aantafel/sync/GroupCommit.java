package org.aantafel.sync;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.aantafel.store.StoreConflictException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Makes a board's revisions durable in groups: everything submitted while one group is on its way to the
 * {@link CommitLog} goes into the next one. A change that finds no group on its way is handed over at once, in the turn
 * that applied it (no tick of waiting: under light load a group is one change); under heavy load groups grow to cover
 * the round trip to PostgreSQL, so the commit rate never limits the edit rate. Groups commit strictly one after
 * another, so revisions become durable — and are published — in order.
 */
final class GroupCommit {
  private static final int MAX_GROUP = 500;

  private final Function<List<Change>, Future<Void>> log;
  private final Consumer<List<Change>> onDurable;
  private final Consumer<Throwable> onFailure;

  private List<Change> waiting = new ArrayList<>();
  private boolean committing;
  private boolean failed;
  private long durableRev;
  private final TreeMap<Long, List<Promise<Void>>> watchers = new TreeMap<>();

  GroupCommit(Function<List<Change>, Future<Void>> log, long durableRev,
              Consumer<List<Change>> onDurable, Consumer<Throwable> onFailure) {
    this.log = log;
    this.durableRev = durableRev;
    this.onDurable = onDurable;
    this.onFailure = onFailure;
  }

  void add(Change change) {
    waiting.add(change);
    if (!committing) {
      committing = true;
      commitNext();
    }
  }

  /** Completes once every revision up to {@code rev} is stored; fails if that can no longer happen. */
  Future<Void> durable(long rev) {
    if (failed) {
      return Future.failedFuture(new Refusal(Refusal.STORAGE_UNAVAILABLE, "storage is unavailable"));
    }
    if (rev <= durableRev) {
      return Future.succeededFuture();
    }
    Promise<Void> promise = Promise.promise();
    watchers.computeIfAbsent(rev, r -> new ArrayList<>()).add(promise);
    return promise.future();
  }

  long durableRev() {
    return durableRev;
  }

  boolean idle() {
    return !committing && waiting.isEmpty();
  }

  private void commitNext() {
    if (waiting.isEmpty() || failed) {
      committing = false;
      return;
    }
    List<Change> group;
    if (waiting.size() <= MAX_GROUP) {
      group = waiting;
      waiting = new ArrayList<>();
    } else {
      group = new ArrayList<>(waiting.subList(0, MAX_GROUP));
      waiting = new ArrayList<>(waiting.subList(MAX_GROUP, waiting.size()));
    }
    log.apply(group)
      .onSuccess(v -> {
        durableRev = group.get(group.size() - 1).rev();
        onDurable.accept(group);
        releaseWatchersUpTo(durableRev);
        commitNext();
      })
      .onFailure(this::fail);
  }

  private void releaseWatchersUpTo(long rev) {
    Map<Long, List<Promise<Void>>> done = watchers.headMap(rev, true);
    done.values().forEach(list -> list.forEach(Promise::complete));
    done.clear();
  }

  /**
   * Nothing after a failed group can be committed, because every later revision was built on it: everyone waiting
   * hears 503 and the hub is dropped, to be loaded again from what is really stored.
   */
  private void fail(Throwable cause) {
    failed = true;
    committing = false;
    waiting.clear();
    // A revision number already taken means another hub wrote this board meanwhile (two nodes believed they owned
    // it): nothing of this group is stored, and the browser's resend reaches a hub loaded from what is.
    Throwable told = cause instanceof StoreConflictException ? new Refusal(Refusal.STORAGE_UNAVAILABLE,
      "this board was saved by another server meanwhile; your edit is kept and will be sent again") : cause;
    watchers.values().forEach(list -> list.forEach(p -> p.fail(told)));
    watchers.clear();
    onFailure.accept(cause);
  }
}
