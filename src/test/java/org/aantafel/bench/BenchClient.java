package org.aantafel.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.aantafel.board.BoardState;
import org.aantafel.board.Op;
import org.aantafel.board.TextOperation;
import org.aantafel.sync.WireJson;
import org.aantafel.testsupport.BusClient;
import org.aantafel.testsupport.ClientSync;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One simulated participant on a real SockJS websocket. Its OT bookkeeping is {@link ClientSync}, the Java twin of
 * the browser's BoardSync: at most one submit in flight (until its own revision comes back on board.<id>.ops, in
 * revision order), later typing composed into a buffer, every remote change transformed over the in-flight and
 * buffered ops before it is applied, and baseRev the last revision applied. What is this class's own is the socket,
 * the typing, the markers ({@link MarkerBook}), the timing, and leaving and coming back as a person closing and
 * opening a laptop does (a new socket, a join with {@code sinceRev}, the change in flight sent again). Everything it
 * does runs on its socket's event loop.
 */
final class BenchClient {
  private static final int MAX_RETRIES = 3;

  private final Vertx vertx;
  private final BenchBoard board;
  private final String tag;
  final String clientId;
  private final TextAssignment text;
  private final String entityId;
  private final String field;
  private final Metrics metrics;
  private final Random random;
  private final ClientSync sync;

  private Context context;
  private BusClient bus;
  private long markerCount;
  private long inflightTyped;
  private int retries;
  private final MarkerBook markers = new MarkerBook();
  /** Once this client has this many markers in its text, each new one replaces its oldest; 0: never. */
  private int markersKept;
  private long bufferTyped;
  private long typingTimer = -1;
  private boolean stopped;
  private boolean closing;
  /** Left on purpose and not back yet: no socket, no typing. */
  private boolean away;
  /** Coming back now; null when not. */
  private Future<Void> returning;
  /** Leaves no more (the soak's window is over). */
  private boolean staying;
  private String serverHost;
  private int serverPort;
  private Promise<Void> echo;
  private boolean host;
  private boolean relay;
  private Map<String, Map<String, Object>> relaySeeds = Map.of();
  private java.util.function.BiConsumer<Long, Long> ackListener = (rev, sentNanos) -> { };

  BenchClient(Vertx vertx, BenchBoard board, int index, String runId, Metrics metrics, TextAssignment text,
              long seed) {
    this.vertx = vertx;
    this.board = board;
    this.tag = Markers.tag(index);
    this.clientId = runId + "-" + board.index + "-" + tag;
    this.metrics = metrics;
    this.random = new Random(seed);
    this.text = text;
    this.entityId = text.entityId();
    this.field = text.field();
    this.sync = new ClientSync(clientId, 0);
  }

  /** Joins with the facilitator's link (the host of a webinar) instead of the participant's. Before start. */
  BenchClient asHost() {
    host = true;
    return this;
  }

  /**
   * Against the bare relay of --baseline relay. Before start. The relay does not transform, so other clients'
   * changes are timed and counted but not applied (their ops no longer fit the text); our own change coming back on
   * board.<id>.ops is applied and releases the next submit, as our own revision does against the server.
   */
  BenchClient againstRelay() {
    relay = true;
    return this;
  }

  /**
   * Against the relay: entities to add to its empty board at join, since this client never applies the changes of
   * others that would create them (authors mode's shared items). Before start.
   */
  BenchClient seededAgainstRelay(Map<String, Map<String, Object>> entities) {
    relaySeeds = entities;
    return againstRelay();
  }

  /** A bounded text: with this many of its markers in the text, each new edit also deletes the oldest. Before start. */
  BenchClient keepingAtMost(int markers) {
    markersKept = markers;
    return this;
  }

  /** Told (revision, send time in System.nanoTime()) of every acknowledged submit. Before start. */
  BenchClient onAck(java.util.function.BiConsumer<Long, Long> listener) {
    ackListener = listener;
    return this;
  }

  String entityId() {
    return entityId;
  }

  String field() {
    return field;
  }

  /** Connects, joins, listens to the board's changes and, in items mode, creates its own agenda item. */
  Future<Void> start(String host, int port) {
    context = vertx.getOrCreateContext();
    serverHost = host;
    serverPort = port;
    Promise<Void> ready = Promise.promise();
    context.runOnContext(v -> BusClient.open(vertx, host, port, null)
      .compose(opened -> {
        bus = opened;
        bus.onClosed(cause -> lost(opened, cause));
        return bus.request("board.join", joinBody());
      })
      .compose(joined -> {
        JsonObject state = joined.getJsonObject("state");
        relaySeeds.forEach((id, entity) -> state.getJsonObject("entities").put(id, new JsonObject(entity)));
        sync.load(joined.getLong("rev"), BoardState.fromMap(WireJson.map(state)));
        bus.register("board." + board.id + ".ops", this::onChange);
        // Frames of one socket are handled in order: once this answers, the register above is in place.
        return bus.request("board.join", joinBody().put("sinceRev", sync.rev()));
      })
      .compose(caughtUp -> {
        // What was published between the first join and the registration.
        caughtUp.getJsonArray("ops").forEach(change -> apply(committed((JsonObject) change)));
        // A client whose text another created (or the relay's seed put there) does not create it again.
        return text.createsIt() && sync.state().text(entityId, field).isEmpty() ? createItem()
          : Future.<Void>succeededFuture();
      })
      .onComplete(ready));
    return ready.future();
  }

  private JsonObject joinBody() {
    return new JsonObject().put("boardId", board.id).put("token", host ? board.facilitatorToken : board.participantToken)
      .put("clientId", clientId).put("name", host ? "Host" : "Bench " + tag).put("role", "parent");
  }

  private Future<Void> createItem() {
    echo = Promise.promise();
    sync.local(List.of(new Op.Create(entityId, "agendaItem",
      Map.of("title", text.title(), "notes", "", "order", text.order()))));
    ClientSync.Submit create = sync.takeSubmit();
    submit(create)
      .onSuccess(reply -> settle(sync.acknowledged(create.seq(), reply.getLong("rev"))))
      .onFailure(e -> echo.tryFail(e));
    return echo.future();
  }

  /** Types one marker every 1/rate seconds, starting at a random point of the first period. */
  void startTyping(double editsPerSecond) {
    long period = Math.max(1, Math.round(1000 / editsPerSecond));
    context.runOnContext(v -> typingTimer = vertx.setPeriodic(1 + random.nextInt((int) period), period, id -> type()));
  }

  void stopTyping() {
    context.runOnContext(v -> {
      if (typingTimer >= 0) {
        vertx.cancelTimer(typingTimer);
      }
    });
  }

  /** Stops typing and sending for good, e.g. because the server is gone. */
  Future<Void> halt() {
    return run(() -> {
      closing = true;
      stopped = true;
      if (typingTimer >= 0) {
        vertx.cancelTimer(typingTimer);
      }
      return null;
    });
  }

  /** Typed edits whose submit has not been acknowledged (in flight or buffered). */
  Future<Integer> unackedEdits() {
    return run(markers::unacked);
  }

  /** True once nothing of this client is in flight or buffered. */
  Future<Boolean> settled() {
    return run(this::isSettled);
  }

  private boolean isSettled() {
    return stopped || !away && !sync.hasInflight() && sync.unsavedCount() == 0 && !markers.awaitingAck();
  }

  Future<String> text() {
    return run(this::doc);
  }

  /** Any text of the board as this client shows it, "" where it has no such entity. */
  Future<String> text(String entity, String name) {
    return run(() -> sync.state().text(entity, name).orElse(""));
  }

  private String doc() {
    return sync.state().text(entityId, field).orElse("");
  }

  /** What the server must hold of this client's typing now (DurabilityCheck). */
  Future<DurabilityCheck.Expectation> expectation() {
    return run(() -> new DurabilityCheck.Expectation(board.id, board.facilitatorToken, entityId, field,
      markers.mustBePresent(), markers.mustBeAbsent()));
  }

  Future<Void> close() {
    return run(() -> {
      closing = true;
      return bus;
    }).compose(b -> b == null ? Future.succeededFuture() : b.closeAsync());
  }

  private <T> Future<T> run(java.util.function.Supplier<T> action) {
    Promise<T> p = Promise.promise();
    context.runOnContext(v -> p.complete(action.get()));
    return p.future();
  }

  private void type() {
    if (stopped || away || sync.state().text(entityId, field).isEmpty()) {
      // Authors mode: the shared item this client types into may not have reached it yet.
      return;
    }
    String doc = doc();
    String marker = Markers.marker(tag, ++markerCount);
    int at = Markers.randomBoundary(doc, random);
    List<Object> components = new ArrayList<>();
    if (at > 0) {
      components.add(at);
    }
    components.add(marker);
    if (doc.length() - at > 0) {
      components.add(doc.length() - at);
    }
    if (!markers.buffered()) {
      bufferTyped = System.nanoTime();
    }
    sync.local(List.of(new Op.Text(entityId, field, TextOperation.fromComponents(components))));
    metrics.typed();
    markers.typed(marker.substring(0, marker.length() - 1));
    if (markersKept > 0 && markers.liveCount() > markersKept) {
      deleteOldest();
    }
    flush();
  }

  /** Deletes this client's oldest marker from its text, as part of the same edit. */
  private void deleteOldest() {
    String doc = doc();
    int at = Markers.find(doc, markers.deleteOldest());
    if (at < 0) {
      throw new IllegalStateException(clientId + ": its own marker is not in its text");
    }
    int length = doc.indexOf(';', at) + 1 - at;
    List<Object> components = new ArrayList<>();
    if (at > 0) {
      components.add(at);
    }
    components.add(-length);
    if (doc.length() - at - length > 0) {
      components.add(doc.length() - at - length);
    }
    sync.local(List.of(new Op.Text(entityId, field, TextOperation.fromComponents(components))));
  }

  /** Sends the buffer as the next submit unless one is in flight. */
  private void flush() {
    if (stopped || away) {
      return;
    }
    ClientSync.Submit next = sync.takeSubmit();
    if (next == null) {
      return;
    }
    markers.sending(next.seq());
    inflightTyped = bufferTyped;
    retries = 0;
    send(next);
  }

  private void send(ClientSync.Submit submit) {
    metrics.sent(clientId, submit.seq(), inflightTyped);
    long sentAt = System.nanoTime();
    BusClient via = bus;
    submit(submit)
      .onSuccess(reply -> {
        metrics.acked(sentAt, reply.getBoolean("duplicate", false));
        ackListener.accept(reply.getLong("rev"), sentAt);
        markers.acknowledged(submit.seq());
        settle(sync.acknowledged(submit.seq(), reply.getLong("rev")));
      })
      .onFailure(e -> {
        if (via != bus || away) {
          // Cut off by leaving: it stays in flight and goes out again on coming back.
          metrics.cutOffByLeaving();
        } else {
          failed(submit.seq(), e);
        }
      });
  }

  private Future<JsonObject> submit(ClientSync.Submit submit) {
    return bus.request("board.submit", new JsonObject().put("boardId", board.id).put("clientId", submit.clientId())
      .put("seq", submit.seq()).put("baseRev", submit.baseRev()).put("ops", WireJson.toJson(submit.ops())));
  }

  /** Overload and storage failures are resent with the same (clientId, seq), as the contract asks; others stop. */
  private void failed(long submitSeq, Throwable e) {
    int code = e instanceof BusClient.Failure f ? f.code : -1;
    metrics.error(code);
    boolean retryable = code == 429 || code == 503 || code == -1;
    if (retryable && retries < MAX_RETRIES && sync.inflightSeq() == submitSeq) {
      retries++;
      metrics.retry();
      vertx.setTimer(200, id -> {
        // Rebased on what was applied meanwhile; null once acknowledged after all.
        ClientSync.Submit again = sync.inflightSubmit();
        if (again != null && again.seq() == submitSeq) {
          send(again);
        }
      });
    } else {
      stopped = true;
      markers.refused(submitSeq);
    }
  }

  private void lost(BusClient socket, Throwable cause) {
    if (!closing && !away && socket == bus) {
      metrics.connectionLost(cause == null ? "closed by the server" : cause.toString());
      stopped = true;
    }
  }

  /** What keeps this client from being settled, or null. */
  Future<String> pending() {
    return run(() -> isSettled() ? null
      : clientId + ": rev " + sync.rev() + ", " + sync.status()
        + (sync.hasInflight() ? " (seq " + sync.inflightSeq() + ")" : "") + (sync.hasGap() ? ", gap" : "")
        + (away ? ", away" : "") + ", unacked edits " + markers.unacked());
  }

  /** Closes the socket on purpose, as a person closing the laptop; typing pauses until {@link #comeBack}. */
  Future<Void> leave() {
    return run(() -> {
      if (away || stopped || closing || staying) {
        return null;
      }
      away = true;
      metrics.left();
      return bus;
    }).compose(socket -> socket == null ? Future.succeededFuture() : socket.closeAsync().otherwiseEmpty());
  }

  /**
   * Back after {@link #leave}, as the browser comes back: a new socket, a join from the last applied revision (the
   * changes missed meanwhile come in its catch-up), the registration, a second join for what was published between
   * the two, then what was in flight is sent again with its (clientId, seq) and the buffer after it.
   */
  Future<Void> comeBack() {
    return run(() -> {
      if (returning == null && away && !stopped && !closing) {
        returning = rejoin().onComplete(done -> returning = null);
      }
      return returning;
    }).compose(r -> r == null ? Future.succeededFuture() : r);
  }

  /** Leaves no more from now on, and comes back if away. */
  Future<Void> stay() {
    return run(() -> staying = true).compose(v -> comeBack());
  }

  private Future<Void> rejoin() {
    long opened = System.nanoTime();
    boolean[] fullState = {false};
    return BusClient.open(vertx, serverHost, serverPort, null)
      .compose(socket -> {
        bus = socket;
        socket.onClosed(cause -> lost(socket, cause));
        return socket.request("board.join", joinBody().put("sinceRev", sync.rev()));
      })
      .compose(joined -> {
        fullState[0] = rejoined(joined);
        bus.register("board." + board.id + ".ops", this::onChange);
        // Frames of one socket are handled in order: once this answers, the register above is in place.
        return bus.request("board.join", joinBody().put("sinceRev", sync.rev()));
      })
      .map(joined -> {
        fullState[0] |= rejoined(joined);
        away = false;
        metrics.returned(opened, fullState[0]);
        ClientSync.Submit again = sync.inflightSubmit();
        if (again != null) {
          send(again);
        } else {
          flush();
        }
        return (Void) null;
      })
      .recover(e -> {
        metrics.connectionLost("coming back failed: " + e.getMessage());
        stopped = true;
        return Future.succeededFuture();
      });
  }

  /**
   * The answer to a join from our revision: the changes missed, or, when the server no longer has them all, the
   * whole board, which drops what was in flight and buffered (as the browser does, telling the person). True then.
   */
  private boolean rejoined(JsonObject joined) {
    if (joined.containsKey("state")) {
      sync.load(joined.getLong("rev"), BoardState.fromMap(WireJson.map(joined.getJsonObject("state"))));
      markers.reloaded(Markers.parse(doc()).stream().filter(m -> Markers.ofTag(m, tag)).toList());
      return true;
    }
    joined.getJsonArray("ops").forEach(change -> {
      ClientSync.Committed committed = committed((JsonObject) change);
      if (committed.rev() > sync.rev() && !clientId.equals(committed.clientId())) {
        metrics.caughtUp(committed.clientId(), committed.seq());
      }
      apply(committed);
    });
    return false;
  }

  /** A committed change from board.<id>.ops. */
  private void onChange(JsonObject change) {
    ClientSync.Committed committed = committed(change);
    if (relay) {
      onRelayed(committed);
      return;
    }
    if (committed.rev() > sync.rev() && !clientId.equals(committed.clientId())) {
      metrics.delivered(committed.clientId(), committed.seq());
      if (sync.hasInflight()) {
        committed.ops().stream().filter(op -> op instanceof Op.Text text && text.id().equals(entityId)
          && text.field().equals(field)).forEach(op -> metrics.transformedAgainstPending());
      }
    }
    apply(committed);
  }

  /** A committed revision; when it is our change in flight, its markers count as acknowledged, ack or not. */
  private void apply(ClientSync.Committed committed) {
    long inflight = sync.inflightSeq();
    List<ClientSync.Applied> applied = sync.committed(committed);
    if (inflight != 0 && sync.inflightSeq() != inflight) {
      markers.acknowledged(inflight);
    }
    settle(applied);
  }

  private void onRelayed(ClientSync.Committed committed) {
    if (!clientId.equals(committed.clientId())) {
      metrics.delivered(committed.clientId(), committed.seq());
    } else if (committed.seq() == sync.inflightSeq()) {
      // Numbered as the next of the revisions this client applied (only its own), so ClientSync applies it to the
      // confirmed state as sent, which fits, since nothing was applied in between.
      settle(sync.committed(new ClientSync.Committed(sync.rev() + 1, clientId, committed.seq(), committed.ops())));
    }
  }

  private static ClientSync.Committed committed(JsonObject change) {
    return ClientSync.Committed.fromMap(WireJson.map(change));
  }

  /** Revisions applied: once our own is among them, the buffer goes out as the next submit. */
  private void settle(List<ClientSync.Applied> applied) {
    if (applied.stream().anyMatch(ClientSync.Applied::own)) {
      if (echo != null) {
        Promise<Void> created = echo;
        echo = null;
        created.tryComplete();
      }
      flush();
    }
  }
}
