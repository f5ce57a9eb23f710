package org.aantafel.sync;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.aantafel.board.Actor;
import org.aantafel.board.BoardSchema;
import org.aantafel.board.BoardState;
import org.aantafel.board.Grant;
import org.aantafel.board.Op;
import org.aantafel.board.OpTransform;
import org.aantafel.board.Role;
import org.aantafel.board.Screening;
import org.aantafel.board.Viewer;
import org.aantafel.store.BoardStore;
import org.aantafel.store.BoardStore.Snapshot;
import org.aantafel.sync.Turns.Applied;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The single writer of one board. Every step of the board (join, submit, close, reopen, delete) takes its turn, one
 * after the other, on the hub's event loop: validate, de-duplicate, transform, apply, hand to the group commit. Acks
 * and publishes happen only once a revision is durable, so nobody ever sees a revision that could still be lost.
 * Who joins is {@link Seating}'s to decide, whose client a clientId is {@link ClientProgressBook}'s, when the state
 * is saved whole {@link Snapshots}', and who hears of the people at the table {@link PresenceBroadcast}'s.
 */
final class BoardHub {
  static final int MAX_SUBMIT_OPS = 100;
  /** The quota of one board's op log; a meeting of hours makes a few thousand revisions. */
  static final long MAX_REVISIONS = 100_000;
  /**
   * The client of the changes the hub makes itself (close, reopen). A browser's clientId may hold only letters,
   * digits, '-' and '_', so the ':' keeps this one from ever meeting a real client's (clientId, seq) in the op log.
   */
  static final String SERVER_CLIENT = Actor.SERVER_ID;
  /** Where a reopened meeting resumes: looking back at the meeting is what a facilitator reopens for. */
  static final String REOPENED_PHASE = "lookback";

  private final String boardId;
  private final BoardStore store;
  private final EventBus bus;
  private final BoardState state;
  private final History history;
  private final GroupCommit commits;
  private final Presence presence = new Presence();
  private final PresenceBroadcast broadcast;
  private final ChangeFeed feed;
  private final Seating seating;
  private final ClientProgressBook progress;
  private final Snapshots snapshots;
  private final Turns turns;
  private final Runnable onBroken;
  private final MemoryBudget memory;

  private long rev;
  private long lastActivityMillis = System.currentTimeMillis();
  private boolean broken;
  /** Set once the board's rows are gone: from then on every step is refused, so nothing lands after the delete. */
  private boolean deleted;

  /**
   * @param recentChanges the stored changes from a little before the snapshot on: those after it are applied to the
   *                      state, all of them are the history that catch-ups are answered from
   */
  BoardHub(String boardId, BoardStore store, CommitLog log, Context context, BoardState state, long snapshotRev,
           List<Change> recentChanges, List<BoardStore.Participant> participants, List<BoardStore.Access> links,
           int maxSeats, Runnable onBroken, BoardBudget budget, MemoryBudget memory) {
    this.boardId = boardId;
    this.store = store;
    this.bus = context.owner().eventBus();
    this.state = state.limitBytes(budget.stateBytes());
    this.onBroken = onBroken;
    this.memory = memory;
    this.rev = snapshotRev;
    this.history = new History(recentChanges.isEmpty() ? snapshotRev
      : Math.min(snapshotRev, recentChanges.get(0).rev() - 1), budget.historyBytes());
    for (Change change : recentChanges) {
      if (change.rev() > snapshotRev) {
        state.applyCommitted(change.ops());
        rev = change.rev();
      }
      history.add(change);
    }
    history.forgetDurable(rev, this::compact);
    compactBefore();
    this.seating = new Seating(boardId, store, presence, maxSeats, new Links(links));
    participants.forEach(seating::known);
    this.broadcast = new PresenceBroadcast(context.owner(), boardId, presence);
    this.feed = new ChangeFeed(context.owner(), boardId, presence::online);
    this.progress = new ClientProgressBook(boardId, store);
    this.snapshots = new Snapshots(boardId, store, snapshotRev);
    this.turns = new Turns(() -> !deleted && !broken, () -> deleted ? Refusal.noAccess()
      : new Refusal(Refusal.STORAGE_UNAVAILABLE, "storage is unavailable; try again"));
    this.commits = new GroupCommit(changes -> log.append(boardId, changes), rev, this::durable,
      this::breakDown);
  }

  /** The link or seat is looked up before the turn is taken: wrong links never hold up the board (issue 17, 9). */
  Future<JsonObject> join(JoinRequest request) {
    touch();
    return seating.lookUp(request).compose(found ->
      turns.take(() -> seating.admit(request, found).compose(admission -> (admission.seated()
      ? progress.of(request.clientId(), admission.participantId()).<Void>mapEmpty() : Future.<Void>succeededFuture())
      .compose(v -> seat(request, admission)))));
  }

  /** Sits the socket down and answers with the board from where the browser needs it, once that is durable. */
  private Future<Applied<JsonObject>> seat(JoinRequest request, Seating.Admission admission) {
    String participantId = admission.participantId();
    JsonObject you = new JsonObject().put("boardId", boardId).put("ticket", request.joinTicket())
      .put("participantId", participantId).put("grant", admission.grant())
      .put("name", admission.seated() ? presence.name(participantId) : null)
      .put("role", admission.seated() ? presence.role(participantId) : null)
      .put("seat", admission.newSeat());
    long joinedAt = rev;
    Viewer viewer = Viewer.of(participantId, Grant.parse(admission.grant()));
    // Older than the history, a catch-up is the board itself: never a read of the op log, whose size has no bound.
    Future<JsonObject> reply = Future.succeededFuture(request.sinceRev() != null && request.sinceRev() <= joinedAt
      && history.covers(request.sinceRev()) ? catchUp(history.between(request.sinceRev(), joinedAt), viewer)
      : stateFor(viewer));
    if (request.socketId() != null) {
      presence.connect(request.socketId(), participantId, request.nodeId());
      broadcast.soon();
    }
    if (admission.introduced()) {
      broadcast.now();
    }
    // Presence goes in the reply: what is published before the browser registers would otherwise be missed.
    JsonObject people = presence.snapshot();
    return reply.map(r -> Applied.answer(commits.durable(joinedAt).map(d -> r.put("you", you)
      .put("participants", people.getJsonArray("participants")).put("watching", people.getInteger("watching"))
      .put("serverTime", System.currentTimeMillis()))));
  }

  Future<JsonObject> submit(SubmitRequest request) {
    touch();
    return turns.take(() -> {
      // Who may submit is settled before anything is looked up by clientId: a refused submit leaves no trace.
      Grant grant = currentGrant(request.link(), request.participantId());
      if (!grant.atLeast(Grant.PARTICIPANT)) {
        throw new Refusal(Refusal.FORBIDDEN, "this link can only watch the board, not change it");
      }
      if (request.participantId() == null) {
        throw new Refusal(Refusal.FORBIDDEN, "join with your name before editing the board");
      }
      return progress.of(request.clientId(), request.participantId()).compose(done -> {
        if (done != null && request.seq() <= done.seq()) {
          return Future.succeededFuture(Applied.answer(commits.durable(done.rev())
            .map(v -> new JsonObject().put("rev", done.rev()).put("duplicate", true))));
        }
        checkAcceptable(request);
        List<Op> incoming = WireJson.ops(request.ops());
        List<Op> transformed = OpTransform.transformIncoming(incoming, opsOf(history.between(request.baseRev(), rev)));
        Change change = apply(request.clientId(), request.seq(), request.participantId(), transformed,
          actorOf(request, grant));
        return Future.succeededFuture(
          Applied.answer(commits.durable(change.rev()).map(v -> new JsonObject().put("rev", change.rev()))));
      });
    });
  }

  private void checkAcceptable(SubmitRequest request) {
    if (request.ops().size() > MAX_SUBMIT_OPS) {
      throw new Refusal(Refusal.TOO_LARGE, "at most " + MAX_SUBMIT_OPS + " changes at once");
    }
    if (rev >= MAX_REVISIONS) {
      throw new Refusal(Refusal.TOO_LARGE, "this board has reached its limit of " + MAX_REVISIONS
        + " changes; start a follow-up meeting");
    }
    if (request.baseRev() > rev) {
      throw WireFields.bad("baseRev " + request.baseRev() + " is newer than the board (" + rev + ")");
    }
    if (!history.covers(request.baseRev())) {
      throw new Refusal(Refusal.BEHIND, "your copy of the board is too old: catch up, then send your changes again");
    }
    if (!memory.mayGrow(boardId)) {
      throw MemoryBudget.full();
    }
  }

  /**
   * Closes the meeting in its turn, like any submit: every change before it is in the closed state and every change
   * after it is refused as "closed". Answers "closed at revision N" with the state as it was then, once that revision
   * is durable and everyone who joined before it is stored, so that the record made of it (by the record keeper,
   * outside sync) never shows a board that could still be lost or misses someone at the table. With {@code atRev},
   * a board that changed since the record was checked against its limits is left open (409), to be checked again.
   */
  Future<JsonObject> close(String closedBy, Long atRev) {
    touch();
    return turns.take(() -> {
      if (closed()) {
        throw new Refusal(Refusal.CONFLICT, "this meeting is already closed");
      }
      if (atRev != null && atRev != rev) {
        throw new Refusal(Refusal.CONFLICT, "the board changed while it was being closed; close it again");
      }
      Change change = changePhase(BoardSchema.CLOSED, closedBy);
      Snapshot closedState = new Snapshot(change.rev(), new JsonObject(state.toMap()));
      Future<Void> durable = commits.durable(change.rev()).compose(v -> seating.allSaved());
      return Future.succeededFuture(Applied.answer(snapshots.saveWhen(durable, closedState)
        .map(v -> new JsonObject().put("rev", change.rev()).put("closedAtMillis", change.committedAtMillis())
          .put("closedBy", closedBy).put("state", closedState.state()))));
    });
  }

  /** Makes a closed meeting editable again; its stored records stay as they are, the next close adds a version. */
  Future<JsonObject> reopen() {
    touch();
    return turns.take(() -> {
      if (!closed()) {
        throw new Refusal(Refusal.CONFLICT, "this meeting is not closed");
      }
      // Not due for retention any more before it is open: if this fails, the meeting simply stays closed.
      return store.markReopened(boardId).map(cleared -> {
        Change change = changePhase(REOPENED_PHASE, "facilitator");
        return Applied.answer(commits.durable(change.rev()).map(v -> new JsonObject().put("rev", change.rev())));
      });
    });
  }

  /**
   * Deletes the board with everything stored of it, in its turn: every change before it is durable first (so no
   * group of this board is still on its way to the store), and every step after it is refused as a board that no
   * longer exists. When retention asks and the board was reopened meanwhile, nothing is deleted and the hub goes on.
   */
  Future<Optional<BoardStore.DeletedBoard>> delete(Instant closedBefore) {
    return turns.take(() -> commits.durable(rev).compose(v -> store.deleteBoard(boardId, closedBefore)).map(gone -> {
      deleted = gone.isPresent();
      if (deleted) {
        feed.flush();
        broadcast.stop();
      }
      return Applied.now(gone);
    }));
  }

  void focus(Sender sender, JsonObject focus) {
    touch();
    heard(sender);
    if (presence.focus(sender.socketId(), focus)) {
      broadcast.soon();
    }
  }

  /**
   * A socket the bridge seated at this board, heard from: a hub that took the board over from a node that died does
   * not know the sockets that joined its predecessor, and learns of them from their heartbeats.
   */
  void heard(Sender sender) {
    if (!sender.seated() || !mayStillSend(sender)) {
      return;
    }
    if (!presence.connected(sender.socketId())) {
      presence.connect(sender.socketId(), sender.participantId(), sender.nodeId());
      broadcast.soon();
    }
    presence.heard(sender.socketId());
  }

  /** Whether a socket's link still opens the board or its seat is still held. */
  boolean mayStillSend(Sender sender) {
    return seating.currentGrant(sender.link(), sender.participantId()).isPresent();
  }

  /**
   * What a socket may do now, checked on every message it sends: its link must still open the board, or its seat
   * still be held. A refusal names why, so that the browser can say so instead of trying again.
   */
  Grant currentGrant(String linkHash, String participantId) {
    return seating.currentGrant(linkHash, participantId)
      .orElseThrow(() -> new Refusal(Refusal.FORBIDDEN, "your link was replaced; ask the facilitator for the new link"));
  }

  /**
   * Replaces the board's links in its turn, then tells every bridge of the cluster, so that each socket that holds the
   * board by an old link is closed at once, registered or not, its join answered or still on its way.
   */
  Future<Void> replaceLinks(List<BoardStore.Access> access) {
    return turns.take(() -> store.replaceLinks(boardId, access).map(v -> {
      java.util.Set<String> revoked = seating.replaceLinks(access);
      bus.publish(Addresses.REVOKED, new JsonObject().put("boardId", boardId)
        .put("links", new JsonArray(List.copyOf(revoked))));
      return Applied.now((Void) null);
    }));
  }

  /**
   * Takes a person's seat back, in the board's turn: their secret opens nothing, they leave the table (their room is
   * free again), and every bridge closes their sockets. What they wrote stays, stamped with their name.
   */
  Future<JsonObject> removeSeat(String participantId) {
    return turns.take(() -> store.removeSeat(boardId, participantId).map(removed -> {
      if (!removed) {
        throw new Refusal(Refusal.UNKNOWN_BOARD, "nobody holds this seat");
      }
      seating.remove(participantId);
      broadcast.now();
      bus.publish(Addresses.REVOKED, new JsonObject().put("boardId", boardId)
        .put("participants", new JsonArray().add(participantId)));
      return Applied.now(new JsonObject().put("removed", participantId));
    }));
  }

  /** Who holds a seat, for the facilitator: names, roles and whether they are online; never a secret. */
  JsonObject seats() {
    JsonArray seats = new JsonArray();
    presence.snapshot().getJsonArray("participants").forEach(p -> {
      JsonObject person = (JsonObject) p;
      seats.add(new JsonObject().put("participantId", person.getString("participantId"))
        .put("name", person.getString("name")).put("role", person.getString("role"))
        .put("online", person.getBoolean("online")));
    });
    return new JsonObject().put("seats", seats);
  }

  /** Sockets not heard from within their lease are gone, though their goodbye was lost. */
  void expireSilent() {
    if (presence.expireSilent()) {
      broadcast.soon();
    }
  }

  /** The sockets of a node that left the cluster are gone, though they never said so. */
  void nodeLeft(String nodeId) {
    if (presence.disconnectNode(nodeId)) {
      broadcast.soon();
    }
  }

  void leave(String socketId) {
    if (presence.disconnect(socketId)) {
      broadcast.soon();
    }
  }

  Future<JsonObject> committedState() {
    return turns.take(() -> {
      long at = rev;
      JsonObject snapshot = new JsonObject().put("rev", at).put("state", new JsonObject(state.toMap()));
      return Future.succeededFuture(Applied.answer(commits.durable(at).map(snapshot)));
    });
  }

  /** The newest revision that is stored, and so published or about to be (ChangeFeed). */
  long durableRev() {
    return commits.durableRev();
  }

  /** A hub may leave memory when nobody is connected, nothing is being stored, and it has been quiet for a while. */
  boolean unloadable(long idleMillis) {
    return broken || !presence.anyoneOnline() && commits.idle()
      && System.currentTimeMillis() - lastActivityMillis > idleMillis;
  }

  /** Saves a last snapshot so that the next load is cheap. */
  Future<Void> unload() {
    feed.flush();
    if (broken || snapshots.upToDate(rev)) {
      return Future.succeededFuture();
    }
    return snapshots.saveWhen(commits.durable(rev), new Snapshot(rev, new JsonObject(state.toMap())));
  }

  /**
   * Applies ops as the board's next revision: remembered, handed to the group commit, snapshotted when due. How the
   * change is shown to those who may not see every question is settled now, against the board as it is now.
   */
  private Change apply(String clientId, long seq, String participantId, List<Op> ops, Actor actor) {
    Screening screening = Screening.before(state, ops);
    long now = System.currentTimeMillis();
    List<Op> applied = state.apply(ops, actor, now);
    Change change = new Change(++rev, clientId, seq, participantId, applied, now,
      ChangeViews.of(screening, applied, state));
    progress.committed(clientId, seq, change.rev(), participantId);
    history.add(change);
    account();
    commits.add(change);
    if (snapshots.due(rev)) {
      snapshots.saveWhen(commits.durable(rev), new Snapshot(rev, new JsonObject(state.toMap())));
    }
    return change;
  }

  /**
   * A phase change the hub makes on the facilitator's behalf, applied and committed like a submit so that every
   * screen sees it. Its seq is its own revision, which no other change of the server client can hold.
   */
  private Change changePhase(String phase, String byName) {
    Actor facilitator = Actor.server(byName);
    JsonArray ops = new JsonArray().add(new JsonObject().put("type", "set").put("id", "board")
      .put("field", "phase").put("value", phase));
    return apply(SERVER_CLIENT, rev + 1, null, WireJson.ops(ops), facilitator);
  }

  private boolean closed() {
    return state.fields("board").map(board -> BoardSchema.CLOSED.equals(board.get("phase"))).orElse(false);
  }

  /**
   * Whom the submit is applied for. A role from before roles were checked, or none, counts as "other": it stays on
   * the board but does not tip the balance strip to any side.
   */
  private Actor actorOf(SubmitRequest request, Grant grant) {
    String id = request.participantId();
    return new Actor(id, presence.name(id), Role.find(presence.role(id)).orElse(Role.OTHER), grant);
  }

  private void durable(List<Change> durable) {
    feed.durable(durable);
    history.forgetDurable(durable.get(durable.size() - 1).rev(), this::compact);
    account();
  }

  /** What the board holds in memory, in bytes: its state (tombstones included) and its history with its views. */
  long bytes() {
    return state.bytes() + history.bytes();
  }

  private void account() {
    memory.update(boardId, bytes());
  }

  /**
   * A change the history forgot: the tombstones it left are needed by nobody any more, since every client based
   * before it catches up with the whole board (and a submit of one is refused as too old).
   */
  private void compact(Change forgotten) {
    forgotten.ops().forEach(op -> {
      if (op instanceof Op.Delete) {
        state.forgetTombstone(op.id());
      }
    });
  }

  /** On load: the tombstones left by changes before the history are needed by nobody any more. */
  private void compactBefore() {
    Set<String> recentlyDeleted = new HashSet<>();
    history.between(history.floor(), rev).forEach(change -> change.ops().forEach(op -> {
      if (op instanceof Op.Delete) {
        recentlyDeleted.add(op.id());
      }
    }));
    state.tombstones().stream().filter(id -> !recentlyDeleted.contains(id)).forEach(state::forgetTombstone);
  }

  private void breakDown(Throwable cause) {
    feed.flush();
    broken = true;
    onBroken.run();
  }

  private void touch() {
    lastActivityMillis = System.currentTimeMillis();
  }

  private static List<Op> opsOf(List<Change> changes) {
    List<Op> ops = new ArrayList<>();
    changes.forEach(c -> ops.addAll(c.ops()));
    return ops;
  }

  /** The board as this viewer is shown it, now. */
  private JsonObject stateFor(Viewer viewer) {
    return new JsonObject().put("rev", rev).put("state", new JsonObject(Screening.state(state.toMap(), viewer)));
  }

  /**
   * The changes a reconnecting browser missed, as its viewer is shown them. What a change read back from the op log
   * hid is not known any more; when such a change touches a question, the viewer gets the board instead.
   */
  private JsonObject catchUp(List<Change> changes, Viewer viewer) {
    JsonArray list = new JsonArray();
    for (Change change : changes) {
      if (!viewer.facilitator() && !change.views().known() && touchesQuestion(change)) {
        return stateFor(viewer);
      }
      list.add(change.publishedFor(viewer));
    }
    return new JsonObject().put("rev", rev).put("ops", list);
  }

  /** Or might: an entity the board no longer knows (its tombstone was compacted) could have been a question. */
  private boolean touchesQuestion(Change change) {
    return change.ops().stream().anyMatch(op -> op instanceof Op.Create create ? "question".equals(create.kind())
      : state.kindOf(op.id()).map("question"::equals).orElse(true));
  }
}
