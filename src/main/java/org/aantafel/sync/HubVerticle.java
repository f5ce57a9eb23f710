package org.aantafel.sync;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import org.aantafel.board.BoardState;
import org.aantafel.store.BoardStore;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One of a node's hub instances (one per core): holds the hubs of the boards it owns, loads a hub when the router
 * asks it to claim a board (latest snapshot + later ops) and unloads it when the board has been quiet. All hubs of an
 * instance live on its event loop, which is what makes each of them a single writer without locks; a board is always
 * claimed by the same instance of a node, and owned by one node of the cluster at a time (see {@link Ownership}).
 */
public final class HubVerticle extends VerticleBase {
  private static final System.Logger LOG = System.getLogger(HubVerticle.class.getName());
  /** Changes before the snapshot read back on load, so that a browser a little behind catches up with changes. */
  static final int RELOADED_BEFORE_SNAPSHOT = 200;

  private final BoardStore store;
  private final long idleMillis;
  private final int index;
  private final int seatsPerBoard;
  private final BoardBudget budget;
  private final MemoryBudget memory;
  private final Map<String, Future<BoardHub>> hubs = new HashMap<>();
  private final Map<String, Ownership> owned = new HashMap<>();
  private CommitLog commitLog;

  /**
   * @param index         which of the node's hub instances this is, see {@link HubRouter}
   * @param seatsPerBoard how many people may join one board with a name
   * @param budget        this instance's share of the memory boards may hold ({@link BoardBudget#perInstance})
   */
  public HubVerticle(BoardStore store, long idleMillis, int index, int seatsPerBoard, BoardBudget budget) {
    this.store = store;
    this.idleMillis = idleMillis;
    this.index = index;
    this.seatsPerBoard = seatsPerBoard;
    this.budget = budget;
    this.memory = new MemoryBudget(budget.nodeBytes());
  }

  @Override
  public Future<?> start() {
    EventBus bus = vertx.eventBus();
    commitLog = new CommitLog(store);
    bus.<String>localConsumer(Addresses.claim(index), this::claim);
    bus.<Object>localConsumer(memoryAddress(index), message -> message.reply(memory.toJson()));
    bus.<String>localConsumer(Addresses.NODE_LEFT, message ->
      hubs.values().forEach(hub -> hub.onSuccess(h -> h.nodeLeft(message.body()))));
    vertx.setPeriodic(Math.max(1000, idleMillis / 2), id -> unloadIdle());
    vertx.setPeriodic(Presence.LEASE_MILLIS / 4, id ->
      hubs.values().forEach(hub -> hub.onSuccess(BoardHub::expireSilent)));
    return Future.succeededFuture();
  }

  /** Every board is handed back: its inbox closed, its last snapshot saved, its lock released for another node. */
  @Override
  public Future<?> stop() {
    return Future.join(List.copyOf(hubs.keySet()).stream().map(this::letGo).toList());
  }

  /**
   * Where this instance answers what its boards hold in memory, as its {@link MemoryBudget} counts it: a local address
   * of the node (no socket can reach it), for operators' tools and tests.
   */
  public static String memoryAddress(int index) {
    return "hub.memory." + index;
  }

  /** Answers once this instance serves the board; fails with {@link HubRouter#RETRY} if another node holds it. */
  private void claim(Message<String> message) {
    String boardId = message.body();
    Future<BoardHub> hub = hubs.get(boardId);
    if (hub == null) {
      hub = take(boardId);
    }
    hub.onSuccess(h -> message.reply(null)).onFailure(e -> {
      if (e instanceof ReplyException r && r.failureCode() == HubRouter.RETRY) {
        message.fail(HubRouter.RETRY, r.getMessage());
      } else {
        Refusal.replyTo(message, e);
      }
    });
  }

  private Future<BoardHub> take(String boardId) {
    Future<BoardHub> hub = Ownership.claim(vertx, boardId)
      .recover(held -> Future.failedFuture(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, HubRouter.RETRY,
        "another server holds this board")))
      .compose(ownership -> load(boardId)
        .compose(loaded -> ownership.open(vertx, boardId, message -> dispatch(boardId, message)).map(loaded))
        .onFailure(e -> ownership.release(Future::succeededFuture))
        .onSuccess(loaded -> owned.put(boardId, ownership)));
    hubs.put(boardId, hub);
    // Let go while it was loading (the server stops): the claim it just made is given back at once.
    hub.onSuccess(loaded -> {
      if (hubs.get(boardId) != hub) {
        owned.remove(boardId).release(Future::succeededFuture);
      } else {
        memory.hold(boardId, loaded.bytes());
      }
    });
    hub.onFailure(e -> hubs.remove(boardId, hub));
    return hub;
  }

  /** A message the router brought to this board's inbox, handled as {@link HubRequests} declares its step. */
  private void dispatch(String boardId, Message<Object> message) {
    Future<BoardHub> hub = hubs.get(boardId);
    if (hub == null || !owned.containsKey(boardId)) {
      // Let go a moment ago: the router claims it again, here or elsewhere.
      message.fail(HubRouter.RETRY, "this board is moving");
      return;
    }
    HubRequests.named(message.headers().get(Addresses.H_KIND)).ifPresentOrElse(
      kind -> kind.dispatch(this, message, hub),
      () -> message.fail(Refusal.BAD_INPUT, "unknown step"));
  }

  /**
   * Deleted by its hub in its turn; messages that arrive meanwhile are refused by the hub. Once the board is gone the
   * hub is let go, so later messages find no board at all; browsers still watching are told on the board's ops
   * address. After a failed deletion the board is read again from what is really stored, as after a failed commit.
   */
  void delete(Message<Object> message, Future<BoardHub> hub, DeleteRequest request) {
    String boardId = request.boardId();
    hub.compose(h -> h.delete(request.closedBefore()))
      .onComplete(done -> {
        if (done.failed() || done.result().isPresent()) {
          letGo(boardId);
        }
      })
      .onSuccess(gone -> gone.ifPresent(removed -> {
        DeletionLog.log(request, removed);
        BoardPublications.publish(vertx.eventBus(), Addresses.ops(boardId), new JsonObject().put("deleted", true));
        vertx.eventBus().publish(Addresses.REVOKED, new JsonObject().put("boardId", boardId).put("all", true));
      }))
      .onSuccess(gone -> message.reply(new JsonObject().put("deleted", gone.isPresent())))
      .onFailure(e -> Refusal.replyTo(message, e));
  }

  /** For the facilitator whose deletion found the board already gone; to anyone else it is {@link Refusal#noAccess}. */
  public static Refusal boardDeleted() {
    return new Refusal(Refusal.UNKNOWN_BOARD, "this board no longer exists");
  }

  /**
   * Reads the latest snapshot, the changes after it and a few before it (so that browsers a little behind, e.g.
   * after a restart, still catch up with changes rather than the whole board). Refused with 503 while the boards of
   * this instance hold their whole memory budget, before anything is read, and when the board itself would not fit.
   */
  private Future<BoardHub> load(String boardId) {
    if (!memory.admits(0)) {
      return Future.failedFuture(MemoryBudget.full());
    }
    return store.latestSnapshot(boardId).compose(snapshot -> {
      if (snapshot.isEmpty()) {
        // Not "no such board": to a stranger, an unknown board must look like a wrong link (see noAccess).
        return Future.failedFuture(Refusal.noAccess());
      }
      long snapshotRev = snapshot.get().rev();
      return store.changesBetween(boardId, Math.max(0, snapshotRev - RELOADED_BEFORE_SNAPSHOT), Long.MAX_VALUE)
        .compose(changes -> Future.all(store.participants(boardId), store.links(boardId)).compose(both -> {
          List<BoardStore.Participant> participants = both.resultAt(0);
          List<BoardStore.Access> links = both.resultAt(1);
          BoardState state = BoardState.fromMap(WireJson.map(snapshot.get().state()));
          List<Change> recent = changes.stream().map(Change::fromStored).toList();
          long history = Math.min(budget.historyBytes(), recent.stream().mapToLong(Change::bytes).sum());
          if (!memory.admits(state.bytes() + history)) {
            return Future.failedFuture(MemoryBudget.full());
          }
          return Future.succeededFuture(new BoardHub(boardId, store, commitLog, context, state, snapshotRev, recent,
            participants, links, seatsPerBoard, () -> drop(boardId), budget, memory));
        }));
    });
  }

  /** A broken hub is let go, so that the next message loads the board again from what is really stored. */
  private void drop(String boardId) {
    LOG.log(System.Logger.Level.WARNING, "board {0}: storing failed, the hub is reloaded on next use", boardId);
    letGo(boardId);
  }

  private void unloadIdle() {
    List.copyOf(hubs.entrySet()).stream()
      .filter(entry -> entry.getValue().succeeded() && entry.getValue().result().unloadable(idleMillis))
      .forEach(entry -> letGo(entry.getKey()));
  }

  /** Stops serving the board here: no more messages, a last snapshot, then the claim is free for any node. */
  private Future<Void> letGo(String boardId) {
    Future<BoardHub> hub = hubs.remove(boardId);
    Ownership ownership = owned.remove(boardId);
    memory.release(boardId);
    if (ownership == null) {
      return Future.succeededFuture();
    }
    return ownership.release(() -> hub.compose(BoardHub::unload).onFailure(e -> LOG.log(System.Logger.Level.WARNING,
      "board {0}: final snapshot failed: {1}", boardId, e.toString())));
  }
}
