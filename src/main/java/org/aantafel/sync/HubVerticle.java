package org.aantafel.sync;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import org.aantafel.board.BoardState;
import org.aantafel.store.BoardStore;
import org.aantafel.store.BoardStore.DeletedBoard;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Owns the hubs of this node: routes every board message to its board's hub, loads a hub on first use (latest
 * snapshot + later ops) and unloads it when the board has been quiet. All hubs live on this verticle's event loop,
 * which is what makes each of them a single writer without locks.
 */
public final class HubVerticle extends VerticleBase {
  private static final System.Logger LOG = System.getLogger(HubVerticle.class.getName());

  private final BoardStore store;
  private final long idleMillis;
  private final int seatsPerBoard;
  private final Map<String, Future<BoardHub>> hubs = new HashMap<>();
  private CommitLog commitLog;

  public HubVerticle(BoardStore store, long idleMillis, int seatsPerBoard) {
    this.store = store;
    this.idleMillis = idleMillis;
    this.seatsPerBoard = seatsPerBoard;
  }

  @Override
  public Future<?> start() {
    EventBus bus = vertx.eventBus();
    commitLog = new CommitLog(store, context);
    bus.<Object>consumer(Addresses.JOIN, this::join);
    bus.<Object>consumer(Addresses.SUBMIT, message -> answer(message,
      () -> SubmitRequest.parse(message), SubmitRequest::boardId, (hub, request) -> hub.submit(request)));
    bus.<Object>consumer(Addresses.STATE, message -> answer(message,
      () -> WireFields.id(WireFields.body(message.body()), "boardId"), id -> id, (hub, id) -> hub.committedState()));
    bus.<Object>consumer(Addresses.CLOSE, message -> answer(message,
      () -> CloseRequest.parse(message), CloseRequest::boardId, (hub, request) -> hub.close(request.closedBy())));
    bus.<Object>consumer(Addresses.REOPEN, message -> answer(message,
      () -> WireFields.id(WireFields.body(message.body()), "boardId"), id -> id, (hub, id) -> hub.reopen()));
    bus.<Object>consumer(Addresses.DELETE, this::delete);
    bus.<Object>consumer(Addresses.PRESENCE, this::presence);
    bus.<Object>consumer(Addresses.LEAVE, this::leave);
    bus.<Object>consumer(Addresses.PING, message -> parsed(message, m -> {
      WireFields.refuseIfMarked(m);
      return m;
    }).ifPresent(m -> m.reply(new JsonObject())));
    vertx.setPeriodic(Math.max(1000, idleMillis / 2), id -> unloadIdle());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    return Future.join(hubs.values().stream()
      .map(f -> f.compose(BoardHub::unload).otherwiseEmpty()).toList());
  }

  private void join(Message<Object> message) {
    parsed(message, JoinRequest::parse).ifPresent(request -> join(message, request));
  }

  private void join(Message<Object> message, JoinRequest request) {
    // The link is checked by the hub, in its order: joins of one socket are then handled in the order they were
    // sent (a join with a name must not be overtaken by an earlier one without).
    hub(request.boardId()).compose(hub -> hub.join(request))
      .onSuccess(message::reply)
      .onFailure(e -> Refusal.replyTo(message, e));
  }

  /**
   * A loaded board is deleted by its hub in its turn; one not in memory straight in the store. Either way, messages
   * for the board that arrive meanwhile wait for the outcome: refused if it is gone, else served as before (retention
   * spares a board that was reopened). Browsers still watching are told on the board's ops address.
   */
  private void delete(Message<Object> message) {
    parsed(message, DeleteRequest::parse).ifPresent(request -> delete(message, request));
  }

  private void delete(Message<Object> message, DeleteRequest request) {
    String boardId = request.boardId();
    Future<BoardHub> before = hubs.get(boardId);
    Future<Optional<DeletedBoard>> deletion = before == null ? store.deleteBoard(boardId, request.closedBefore())
      : before.transform(loaded -> loaded.succeeded() ? loaded.result().delete(request.closedBefore())
        : store.deleteBoard(boardId, request.closedBefore()));
    // After a failed deletion the board is read again from what is really stored, as after a failed commit. Messages
    // that waited for a deletion get the answer of any board that does not exist; open pages learn of the deletion
    // from {deleted:true} on the ops address.
    Future<BoardHub> after = deletion.transform(done -> done.failed() ? load(boardId)
      : done.result().isPresent() ? Future.failedFuture(Refusal.noAccess())
      : before != null && before.succeeded() ? before : load(boardId));
    hubs.put(boardId, after);
    after.onFailure(e -> hubs.remove(boardId, after));
    deletion.onSuccess(gone -> gone.ifPresent(removed -> {
      DeletionLog.log(request, removed);
      vertx.eventBus().publish(Addresses.ops(boardId), new JsonObject().put("deleted", true));
    }))
      .onSuccess(gone -> message.reply(new JsonObject().put("deleted", gone.isPresent())))
      .onFailure(e -> Refusal.replyTo(message, e));
  }

  /** For the facilitator whose deletion found the board already gone; to anyone else it is {@link Refusal#noAccess}. */
  public static Refusal boardDeleted() {
    return new Refusal(Refusal.UNKNOWN_BOARD, "this board no longer exists");
  }

  private void presence(Message<Object> message) {
    String socketId = message.headers().get(Addresses.H_SOCKET);
    try {
      WireFields.refuseIfMarked(message);
      JsonObject body = WireFields.body(message.body());
      String boardId = WireFields.id(body, "boardId");
      JsonObject focus = body.getJsonObject("focus");
      if (focus != null && focus.encode().length() > 200) {
        throw new Refusal(Refusal.TOO_LARGE, "focus is too large");
      }
      Future<BoardHub> hub = hubs.get(boardId);
      if (hub != null && socketId != null && message.headers().get(Addresses.H_GRANT) != null) {
        hub.onSuccess(h -> h.focus(socketId, focus));
      }
      if (message.replyAddress() != null) {
        message.reply(new JsonObject());
      }
    } catch (RuntimeException e) {
      if (message.replyAddress() != null) {
        Refusal.replyTo(message, e);
      }
    }
  }

  private void leave(Message<Object> message) {
    JsonObject body = (JsonObject) message.body();
    Future<BoardHub> hub = hubs.get(body.getString("boardId"));
    if (hub != null) {
      hub.onSuccess(h -> h.leave(body.getString("socketId")));
    }
  }

  private <R> void answer(Message<Object> message, java.util.function.Supplier<R> parse,
                          Function<R, String> boardIdOf,
                          java.util.function.BiFunction<BoardHub, R, Future<JsonObject>> action) {
    parsed(message, m -> parse.get()).ifPresent(request -> hub(boardIdOf.apply(request))
      .compose(hub -> action.apply(hub, request))
      .onSuccess(message::reply)
      .onFailure(e -> Refusal.replyTo(message, e)));
  }

  /** The request in a message, or empty once the sender has been told why it could not be read. */
  private static <R> Optional<R> parsed(Message<Object> message, Function<Message<Object>, R> parse) {
    try {
      return Optional.of(parse.apply(message));
    } catch (RuntimeException e) {
      Refusal.replyTo(message, e);
      return Optional.empty();
    }
  }

  private Future<BoardHub> hub(String boardId) {
    Future<BoardHub> hub = hubs.get(boardId);
    if (hub == null) {
      hub = load(boardId);
      hubs.put(boardId, hub);
      Future<BoardHub> loading = hub;
      hub.onFailure(e -> hubs.remove(boardId, loading));
    }
    return hub;
  }

  private Future<BoardHub> load(String boardId) {
    return store.latestSnapshot(boardId).compose(snapshot -> {
      if (snapshot.isEmpty()) {
        // Not "no such board": to a stranger, an unknown board must look like a wrong link (see noAccess).
        return Future.failedFuture(Refusal.noAccess());
      }
      long snapshotRev = snapshot.get().rev();
      return store.changesBetween(boardId, snapshotRev, Long.MAX_VALUE)
        .compose(changes -> store.participants(boardId).map(participants -> {
          BoardState state = BoardState.fromMap(WireJson.map(snapshot.get().state()));
          List<Change> later = changes.stream().map(Change::fromStored).toList();
          return new BoardHub(boardId, store, commitLog, context, state, snapshotRev, later, participants,
            seatsPerBoard, () -> drop(boardId));
        }));
    });
  }

  /** A broken hub is forgotten so that the next message loads the board again from what is really stored. */
  private void drop(String boardId) {
    LOG.log(System.Logger.Level.WARNING, "board {0}: storing failed, the hub is reloaded on next use", boardId);
    hubs.remove(boardId);
  }

  private void unloadIdle() {
    hubs.entrySet().removeIf(entry -> {
      Future<BoardHub> hub = entry.getValue();
      if (hub.succeeded() && hub.result().unloadable(idleMillis)) {
        hub.result().unload().onFailure(e ->
          LOG.log(System.Logger.Level.WARNING, "board {0}: final snapshot failed: {1}", entry.getKey(), e.toString()));
        return true;
      }
      return false;
    });
  }
}
