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
import org.aantafel.record.MeetingRecord;
import org.aantafel.record.RecordMeta;
import org.aantafel.record.RecordParticipant;
import org.aantafel.store.AccessTokens;
import org.aantafel.store.BoardStore;
import org.aantafel.store.BoardStore.ClientProgress;
import org.aantafel.store.BoardStore.Snapshot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The single writer of one board. Every join and submit of the board passes through {@link #inOrder}, one after the
 * other, on the hub's event loop: validate, de-duplicate, transform, apply, hand to the group commit. Acks and
 * publishes happen only once a revision is durable, so nobody ever sees a revision that could still be lost.
 */
final class BoardHub {
  static final int SNAPSHOT_EVERY = 200;
  static final int MAX_SUBMIT_OPS = 100;
  /** The quota of one board's op log; a meeting of hours makes a few thousand revisions. */
  static final long MAX_REVISIONS = 100_000;
  /** People with a seat at one board (a parents' evening has a few hundred; listeners watch without one). */
  static final int MAX_SEATS = 300;
  /** Sockets on one board at once, watching or seated. */
  static final int MAX_ONLINE = 5_000;
  static final long PRESENCE_EVERY_MS = 200;
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
  private final Map<String, ClientProgress> progressByClient = new HashMap<>();
  private final Runnable onBroken;
  private final io.vertx.core.Vertx vertx;
  private boolean presenceDue;

  private long rev;
  private long lastSnapshotRev;
  private Future<Void> participantsSaved = Future.succeededFuture();
  private long lastActivityMillis = System.currentTimeMillis();
  private boolean broken;
  /** Set once the board's rows are gone: from then on every step is refused, so nothing lands after the delete. */
  private boolean deleted;
  /** The newest stored record version once asked of the store; null until then, and again after a failed save. */
  private Integer lastRecordVersion;
  private Future<?> tail = Future.succeededFuture();

  BoardHub(String boardId, BoardStore store, CommitLog log, Context context, EventBus bus, BoardState state,
           long snapshotRev,
           List<Change> changesAfterSnapshot, List<BoardStore.Participant> participants, Runnable onBroken) {
    this.boardId = boardId;
    this.store = store;
    this.bus = bus;
    this.state = state;
    this.onBroken = onBroken;
    this.vertx = context.owner();
    this.rev = snapshotRev;
    this.lastSnapshotRev = snapshotRev;
    this.history = new History(snapshotRev);
    for (Change change : changesAfterSnapshot) {
      state.applyCommitted(change.ops());
      rev = change.rev();
      history.add(change);
    }
    participants.forEach(p -> presence.remember(p.participantId(), p.name(), p.role()));
    this.commits = new GroupCommit(changes -> log.append(boardId, changes), context, rev, this::published,
      this::breakDown);
  }

  Future<JsonObject> join(JoinRequest request) {
    touch();
    return inOrder(() -> admit(request).compose(admission -> boundClient(request.clientId(), admission)
      .compose(v -> {
        JsonObject you = new JsonObject().put("boardId", boardId).put("ticket", request.joinTicket())
          .put("participantId", admission.participantId()).put("grant", admission.grant())
          .put("name", admission.participantId() == null ? null : presence.name(admission.participantId()))
          .put("role", admission.participantId() == null ? null : presence.role(admission.participantId()))
          .put("seat", admission.newSeat());
        long joinedAt = rev;
        Future<JsonObject> reply = request.sinceRev() != null && request.sinceRev() <= joinedAt
          ? history.between(request.sinceRev(), joinedAt, store, boardId)
              .map(changes -> new JsonObject().put("rev", joinedAt).put("ops", publishedList(changes)))
          : Future.succeededFuture(new JsonObject().put("rev", joinedAt).put("state", new JsonObject(state.toMap())));
        if (request.socketId() != null) {
          presence.connect(request.socketId(), admission.participantId());
          publishPresenceSoon();
        }
        if (admission.introduced()) {
          // Who someone is must reach every screen before their first change does, which names them.
          publishPresenceNow();
        }
        // Presence goes in the reply: what is published before the browser registers would otherwise be missed.
        JsonObject people = presence.snapshot();
        return reply.map(r -> commits.durable(joinedAt).map(d -> r.put("you", you)
          .put("participants", people.getJsonArray("participants")).put("watching", people.getInteger("watching"))
          .put("serverTime", System.currentTimeMillis())));
      })));
  }

  /**
   * Who this join is, from secrets the server issued and nothing else the client chose: a seat names the person; a
   * link's token gives a grant; a participant's or facilitator's link with a name takes a new seat; the rest watch.
   */
  private Future<Admission> admit(JoinRequest request) {
    Future<Optional<String>> byToken = request.token() == null ? Future.succeededFuture(Optional.empty())
      : store.findGrant(boardId, AccessTokens.hash(request.token()));
    Future<Optional<BoardStore.Participant>> bySeat = request.seat() == null ? Future.succeededFuture(Optional.empty())
      : store.findSeat(boardId, AccessTokens.hash(request.seat()));
    return Future.all(byToken, bySeat).compose(found -> {
      Optional<String> tokenGrant = byToken.result();
      Optional<BoardStore.Participant> seat = bySeat.result();
      if (tokenGrant.isEmpty() && seat.isEmpty() || request.seat() != null && seat.isEmpty()) {
        // Unknown boards, wrong links and wrong seats look the same from outside.
        throw SyncFailure.noAccess();
      }
      String grant = stronger(tokenGrant.orElse(null), seat.map(BoardStore.Participant::grant).orElse(null));
      if (seat.isPresent()) {
        boolean renamed = rename(seat.get(), request);
        return Future.succeededFuture(new Admission(seat.get().participantId(), grant, null, renamed));
      }
      if (request.name() == null || !Grant.parse(grant).atLeast(Grant.PARTICIPANT)) {
        if (presence.online() >= MAX_ONLINE) {
          throw new SyncFailure(SyncFailure.RATE_LIMITED, "this board is full; try again later");
        }
        return Future.succeededFuture(new Admission(null, grant, null, false));
      }
      return newSeat(request, grant);
    });
  }

  private Future<Admission> newSeat(JoinRequest request, String grant) {
    if (presence.seats() >= MAX_SEATS) {
      throw new SyncFailure(SyncFailure.CONFLICT, "this meeting has room for at most " + MAX_SEATS + " people");
    }
    String secret = AccessTokens.newToken();
    String participantId = "p" + AccessTokens.newToken().substring(0, 15);
    String role = request.role() != null ? request.role() : grant;
    BoardStore.Participant participant = new BoardStore.Participant(participantId, request.name(), role, grant);
    Future<Void> stored = store.addSeat(boardId, participant, AccessTokens.hash(secret));
    participantsSaved = participantsSaved.transform(v -> stored).recover(e -> Future.succeededFuture());
    return stored.map(v -> {
      presence.remember(participantId, request.name(), role);
      return new Admission(participantId, grant, secret, true);
    });
  }

  /**
   * A seated person may change how they are called; a join without a name never blanks the name.
   *
   * @return whether the others see a new name or role
   */
  private boolean rename(BoardStore.Participant seat, JoinRequest request) {
    String id = seat.participantId();
    String name = request.name() != null ? request.name() : presence.knownName(id).orElse(seat.name());
    String role = request.role() != null ? request.role() : presence.knownRole(id).orElse(seat.role());
    boolean changed = !presence.name(id).equals(name) || !presence.role(id).equals(role);
    presence.remember(id, name, role);
    if (changed && request.name() != null) {
      BoardStore.Participant renamed = new BoardStore.Participant(id, name, role, seat.grant());
      // Chained, so a close can wait for everyone who joined before it to be in the store (and on its record).
      participantsSaved = participantsSaved.transform(v -> store.saveParticipant(boardId, renamed))
        .recover(e -> Future.succeededFuture());
    }
    return changed;
  }

  /** A clientId belongs to the seat that first committed with it: nobody else's submits may count as theirs. */
  private Future<Void> boundClient(String clientId, Admission admission) {
    if (admission.participantId() == null) {
      return Future.succeededFuture();
    }
    return progressOf(clientId).map(progress -> {
      if (progress != null && !admission.participantId().equals(progress.participantId())) {
        throw clientOfSomeoneElse();
      }
      return null;
    });
  }

  private static SyncFailure clientOfSomeoneElse() {
    return new SyncFailure(SyncFailure.FORBIDDEN, "this device id belongs to someone else at this board; reload");
  }

  private static String stronger(String a, String b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return Grant.parse(b).ordinal() > Grant.parse(a).ordinal() ? b : a;
  }

  /**
   * How a join was admitted; participantId is null for someone who watches, newSeat set only when one was issued, and
   * introduced when the table learns a new person or a new name.
   */
  private record Admission(String participantId, String grant, String newSeat, boolean introduced) {}

  Future<JsonObject> submit(SubmitRequest request) {
    touch();
    return inOrder(() -> {
      // Who may submit is settled before anything is looked up by clientId: a refused submit leaves no trace.
      if (!request.grant().atLeast(Grant.PARTICIPANT)) {
        throw new SyncFailure(SyncFailure.FORBIDDEN, "this link can only watch the board, not change it");
      }
      if (request.participantId() == null) {
        throw new SyncFailure(SyncFailure.FORBIDDEN, "join with your name before editing the board");
      }
      return progressOf(request.clientId()).compose(progress -> {
        if (progress != null && !request.participantId().equals(progress.participantId())) {
          throw clientOfSomeoneElse();
        }
        if (progress != null && request.seq() <= progress.seq()) {
          return Future.succeededFuture(commits.durable(progress.rev())
            .map(v -> new JsonObject().put("rev", progress.rev()).put("duplicate", true)));
        }
        if (request.ops().size() > MAX_SUBMIT_OPS) {
          throw new SyncFailure(SyncFailure.TOO_LARGE, "at most " + MAX_SUBMIT_OPS + " changes at once");
        }
        if (rev >= MAX_REVISIONS) {
          throw new SyncFailure(SyncFailure.TOO_LARGE, "this board has reached its limit of " + MAX_REVISIONS
            + " changes; start a follow-up meeting");
        }
        if (request.baseRev() > rev) {
          throw WireFields.bad("baseRev " + request.baseRev() + " is newer than the board (" + rev + ")");
        }
        List<Op> incoming = WireJson.ops(request.ops());
        return history.between(request.baseRev(), rev, store, boardId).map(concurrent -> {
          List<Op> transformed = OpTransform.transformIncoming(incoming, opsOf(concurrent));
          Change change = append(request, state.apply(transformed, actorOf(request), System.currentTimeMillis()));
          return commits.durable(change.rev()).map(v -> new JsonObject().put("rev", change.rev()));
        });
      });
    });
  }

  /**
   * Closes the meeting and stores its final record as the next version. The phase change takes its turn like any
   * submit, so every change before it is in the record and every change after it is refused as "closed"; the record
   * is saved only once that revision is durable, so a stored record never shows a board that could still be lost.
   */
  Future<JsonObject> close(String closedBy) {
    touch();
    return inOrder(() -> recordVersionSoFar().compose(last -> store.series(boardId).compose(series ->
      participantsSaved.compose(v -> store.participants(boardId)).map(participants -> {
      if (closed()) {
        throw new SyncFailure(SyncFailure.CONFLICT, "this meeting is already closed");
      }
      Change change = changePhase(BoardSchema.CLOSED, closedBy);
      int version = last + 1;
      lastRecordVersion = version;
      long closedAt = change.committedAtMillis();
      RecordMeta meta = new RecordMeta(boardId, version, Instant.ofEpochMilli(closedAt), closedBy, language(),
        seriesId(series), previousInSeries(series));
      JsonObject record = new JsonObject(MeetingRecord.of(state.toMap(), recordParticipants(participants), meta)
        .toJson());
      Snapshot closedState = new Snapshot(change.rev(), new JsonObject(state.toMap()));
      return commits.durable(change.rev())
        .compose(v -> store.saveRecord(boardId, version, closedAt, closedBy, record))
        // The closed state is loaded often (every reader of a closed board) and never changes: snapshot it. Only a
        // shortcut for loading, so failing to save it does not fail the close.
        .compose(v -> store.saveSnapshot(boardId, closedState).onSuccess(saved -> lastSnapshotRev = closedState.rev())
          .recover(e -> Future.succeededFuture()))
        .onFailure(e -> lastRecordVersion = null)
        .map(v -> new JsonObject().put("version", version));
    }))));
  }

  private String seriesId(List<BoardStore.SeriesMeeting> series) {
    return series.isEmpty() ? boardId : series.get(0).seriesId();
  }

  /** The meeting this one follows, so a record names where the series came from; null for the first. */
  private String previousInSeries(List<BoardStore.SeriesMeeting> series) {
    String previous = null;
    for (BoardStore.SeriesMeeting meeting : series) {
      if (meeting.boardId().equals(boardId)) {
        return previous;
      }
      previous = meeting.boardId();
    }
    return null;
  }

  /** Makes a closed meeting editable again; its stored records stay as they are, the next close adds a version. */
  Future<JsonObject> reopen() {
    touch();
    return inOrder(() -> {
      if (!closed()) {
        throw new SyncFailure(SyncFailure.CONFLICT, "this meeting is not closed");
      }
      // Not due for retention any more before it is open: if this fails, the meeting simply stays closed.
      return store.markReopened(boardId).map(cleared -> {
        Change change = changePhase(REOPENED_PHASE, "facilitator");
        return commits.durable(change.rev()).map(v -> new JsonObject().put("rev", change.rev()));
      });
    });
  }

  /**
   * Deletes the board with everything stored of it, in its turn: every change before it is durable first (so no
   * group of this board is still on its way to the store), and every step after it is refused as a board that no
   * longer exists. When retention asks and the board was reopened meanwhile, nothing is deleted and the hub goes on.
   */
  Future<Optional<BoardStore.DeletedBoard>> delete(java.time.Instant closedBefore) {
    return inOrder(() -> commits.durable(rev).compose(v -> store.deleteBoard(boardId, closedBefore)).map(gone -> {
      deleted = gone.isPresent();
      return Future.succeededFuture(gone);
    }));
  }

  void focus(String socketId, JsonObject focus) {
    touch();
    if (presence.focus(socketId, focus)) {
      publishPresenceSoon();
    }
  }

  void leave(String socketId) {
    if (presence.disconnect(socketId)) {
      publishPresenceSoon();
    }
  }

  Future<JsonObject> committedState() {
    return inOrder(() -> {
      long at = rev;
      JsonObject snapshot = new JsonObject().put("rev", at).put("state", new JsonObject(state.toMap()));
      return Future.succeededFuture(commits.durable(at).map(snapshot));
    });
  }

  /** A hub may leave memory when nobody is connected, nothing is being stored, and it has been quiet for a while. */
  boolean unloadable(long idleMillis) {
    return broken || !presence.anyoneOnline() && commits.idle()
      && System.currentTimeMillis() - lastActivityMillis > idleMillis;
  }

  /**
   * Saves a last snapshot so that the next load is cheap, once its revision is durable in the op log. On shutdown
   * changes may still be on their way to the store; a snapshot ahead of the op log would keep changes that were never
   * acknowledged (and are missing from the log if their group then fails), so their resend would be applied twice.
   */
  Future<Void> unload() {
    if (broken || rev == lastSnapshotRev) {
      return Future.succeededFuture();
    }
    Snapshot snapshot = new Snapshot(rev, new JsonObject(state.toMap()));
    return commits.durable(snapshot.rev()).compose(v -> store.saveSnapshot(boardId, snapshot));
  }

  private Change append(SubmitRequest request, List<Op> applied) {
    return append(request.clientId(), request.seq(), request.participantId(), applied);
  }

  private Change append(String clientId, long seq, String participantId, List<Op> applied) {
    Change change = new Change(++rev, clientId, seq, participantId, applied, System.currentTimeMillis());
    progressByClient.put(clientId, new ClientProgress(seq, change.rev(), participantId));
    history.add(change);
    commits.add(change);
    if (rev - lastSnapshotRev >= SNAPSHOT_EVERY) {
      Snapshot snapshot = new Snapshot(rev, new JsonObject(state.toMap()));
      lastSnapshotRev = rev;
      commits.durable(rev).compose(v -> store.saveSnapshot(boardId, snapshot));
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
    List<Op> applied = state.apply(WireJson.ops(ops), facilitator, System.currentTimeMillis());
    return append(SERVER_CLIENT, rev + 1, null, applied);
  }

  private boolean closed() {
    return state.fields("board").map(board -> BoardSchema.CLOSED.equals(board.get("phase"))).orElse(false);
  }

  /** The board's language for the record; boards made before languages were kept are Dutch, like the first users. */
  private String language() {
    Object language = state.fields("board").map(board -> board.get("language")).orElse(null);
    return "en".equals(language) ? "en" : "nl";
  }

  private Future<Integer> recordVersionSoFar() {
    return lastRecordVersion != null ? Future.succeededFuture(lastRecordVersion)
      : store.lastRecordVersion(boardId).map(stored -> lastRecordVersion = stored);
  }

  /** The record names the people at the table; someone who only watched was never one of them. */
  private static List<RecordParticipant> recordParticipants(List<BoardStore.Participant> participants) {
    return participants.stream()
      .filter(p -> p.grant() == null || Grant.parse(p.grant()).atLeast(Grant.PARTICIPANT))
      .map(p -> new RecordParticipant(p.participantId(), p.name(), p.role(), p.grant())).toList();
  }

  /**
   * Whom the submit is applied for. A role from before roles were checked, or none, counts as "other": it stays on
   * the board but does not tip the balance strip to any side.
   */
  private Actor actorOf(SubmitRequest request) {
    if (request.participantId() == null) {
      throw new SyncFailure(SyncFailure.FORBIDDEN, "join the board before editing it");
    }
    String id = request.participantId();
    return new Actor(id, presence.name(id), Role.find(presence.role(id)).orElse(Role.OTHER), request.grant());
  }

  /** The newest committed seq of a client; asked of the store only the first time the hub meets that client. */
  private Future<ClientProgress> progressOf(String clientId) {
    if (progressByClient.containsKey(clientId)) {
      return Future.succeededFuture(progressByClient.get(clientId));
    }
    return store.lastCommitted(boardId, clientId).map(found -> {
      progressByClient.putIfAbsent(clientId, found.orElse(null));
      return progressByClient.get(clientId);
    });
  }

  /**
   * Runs steps one at a time, in arrival order, even when a step waits for the store. A step's outer future completes
   * once it has applied its change to the board — then the next step may start; its inner future completes the
   * caller, typically once the change is durable. A refused step changes nothing and does not hold up the next one.
   */
  private <T> Future<T> inOrder(Supplier<Future<Future<T>>> step) {
    Future<Future<T>> applied = tail.transform(previous -> {
      if (deleted) {
        return Future.failedFuture(SyncFailure.noAccess());
      }
      if (broken) {
        return Future.failedFuture(new SyncFailure(SyncFailure.STORAGE_UNAVAILABLE, "storage is unavailable; try again"));
      }
      try {
        return step.get();
      } catch (RuntimeException e) {
        return Future.failedFuture(e);
      }
    });
    tail = applied.otherwiseEmpty();
    return applied.compose(done -> done);
  }

  private void published(Change change) {
    bus.publish(Addresses.ops(boardId), change.published());
    history.forgetDurable(change.rev());
  }

  /**
   * Presence changes are gathered and published at most every {@link #PRESENCE_EVERY_MS}: a room filling up costs a few
   * messages a second, not one to everyone per arrival.
   */
  private void publishPresenceNow() {
    bus.publish(Addresses.presence(boardId), presence.snapshot());
  }

  private void publishPresenceSoon() {
    if (presenceDue) {
      return;
    }
    presenceDue = true;
    vertx.setTimer(PRESENCE_EVERY_MS, id -> {
      presenceDue = false;
      if (!deleted) {
        bus.publish(Addresses.presence(boardId), presence.snapshot());
      }
    });
  }

  private void breakDown(Throwable cause) {
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

  private static JsonArray publishedList(List<Change> changes) {
    JsonArray list = new JsonArray();
    changes.forEach(c -> list.add(c.published()));
    return list;
  }
}
