package org.aantafel.sync;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.aantafel.board.BoardRejection;
import org.aantafel.testsupport.BoardSessionTwin;
import org.aantafel.testsupport.ClientSync;
import org.aantafel.testsupport.ConnectionKeeperTwin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntSupplier;

/**
 * One participant of the convergence simulation, built as the browser's BoardClient is: every decision of the board
 * session (join and from which revision, send, resend, wait, catch up, roll back) is {@link BoardSessionTwin}'s, the
 * Java twin that the browser's board-session.js traces hold equal to it, and its OT bookkeeping is {@link ClientSync},
 * the twin of BoardSync. What is this class's own is what board-client.js and connection-keeper.js do around them:
 * performing the actions over a {@link FaultyLink}, and keeping a socket (reconnecting with the browser's backoff,
 * beating, two missed beats mean a new socket). Every wait runs at {@link #TIME_SCALE} of the browser's, so that a
 * meeting lasts seconds; the decisions stay the browser's.
 *
 * <p>It also keeps the markers of its inserts, which follow their ops from the buffer to the submit in flight to
 * acknowledged, and notes as errors what the browser would show as lost: a rollback, a catch-up that drops pending
 * edits, a revision that does not apply. Everything runs on one Vert.x context; the test reads it through
 * {@link #report()}.
 */
final class SimClient {
  /** The simulation's time against the browser's (waits, backoff, heartbeat, request timeouts). */
  static final double TIME_SCALE = 0.05;
  // The browser's (connection-keeper.js, eventbus-client.js), scaled.
  private static final long REQUEST_TIMEOUT_MILLIS = scaled(ConnectionKeeperTwin.REQUEST_TIMEOUT_MILLIS);
  private static final long HEARTBEAT_MILLIS = scaled(ConnectionKeeperTwin.HEARTBEAT_MILLIS);
  private static final long HEARTBEAT_TIMEOUT_MILLIS = scaled(ConnectionKeeperTwin.HEARTBEAT_TIMEOUT_MILLIS);

  /** What the test checks at the end, copied on the client's context. */
  record Report(String clientId, int editsMade, boolean editsDone, boolean settled, long applied,
                Map<String, Object> state, long lastSeq, int acknowledged, int duplicateReplies, int refusedAndRetried,
                List<RandomEdits.Marker> markers,
                List<RandomEdits.Marker> acknowledgedMarkers, List<String> errors, String stats) {}

  final String clientId;
  private final Vertx vertx;
  private final Context context;
  private final IntSupplier port;
  private final String boardId;
  private final String token;
  private String seat;
  private final Random random;
  private final RandomEdits edits;
  private final int editsToMake;
  private Faults faults;
  private WebSocketClient sockets;

  private FaultyLink link;
  private int generation;
  private boolean registered;
  private int attempts;
  private int missedBeats;
  private boolean beating;
  private boolean stopped;
  private final Map<String, Long> timers = new HashMap<>();

  private final ClientSync sync;
  private final BoardSessionTwin session;
  private List<RandomEdits.Marker> inflightMarkers = new ArrayList<>();
  private List<RandomEdits.Marker> bufferMarkers = new ArrayList<>();

  private boolean editing;
  private int editsMade;
  private int acknowledged;
  private int duplicateReplies;
  private int reconnects;
  private int refusedAndRetried;
  private int timeouts;
  private int catchUps;
  private long heartbeat = -1;
  private final List<RandomEdits.Marker> markers = new ArrayList<>();
  private final List<RandomEdits.Marker> acknowledgedMarkers = new ArrayList<>();
  private final List<String> errors = new ArrayList<>();

  SimClient(Vertx vertx, IntSupplier port, String boardId, String token, int index, long seed, int editsToMake,
            Faults faults) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.port = port;
    this.boardId = boardId;
    this.token = token;
    this.clientId = "sim-" + index + "-" + Long.toHexString(seed);
    this.sync = new ClientSync(clientId, 0);
    this.session = new BoardSessionTwin(sync, TIME_SCALE);
    this.random = new Random(seed * 31 + index);
    this.edits = new RandomEdits("c" + index, random);
    this.editsToMake = editsToMake;
    this.faults = faults;
  }

  void start() {
    context.runOnContext(v -> {
      sockets = vertx.createWebSocketClient();
      open();
      heartbeat = vertx.setPeriodic(HEARTBEAT_MILLIS, t -> beat());
    });
  }

  /** No more faults from now on; a new socket at once, as after the network comes back. */
  void heal() {
    context.runOnContext(v -> {
      faults = Faults.NONE;
      if (link != null) {
        lost(0);
      }
    });
  }

  Future<Void> stop() {
    Promise<Void> done = Promise.promise();
    context.runOnContext(v -> {
      stopped = true;
      generation++;
      vertx.cancelTimer(heartbeat);
      timers.values().forEach(vertx::cancelTimer);
      if (link != null) {
        link.close();
      }
      sockets.close().onComplete(ar -> done.complete());
    });
    return done.future();
  }

  Future<Report> report() {
    Promise<Report> report = Promise.promise();
    context.runOnContext(v -> report.complete(new Report(clientId, editsMade, editsMade == editsToMake,
      session.joined() && editsMade == editsToMake && !sync.hasInflight() && sync.unsavedCount() == 0
        && !sync.hasGap(),
      session.loaded() ? sync.rev() : -1, session.loaded() ? sync.state().toMap() : null, sync.lastSeq(),
      acknowledged, duplicateReplies, refusedAndRetried, List.copyOf(markers), List.copyOf(acknowledgedMarkers),
      List.copyOf(errors), stats())));
    return report.future();
  }

  private String stats() {
    return clientId + ": applied " + (session.loaded() ? sync.rev() : -1) + ", seq " + sync.lastSeq() + ", acked "
      + acknowledged + ", duplicate replies " + duplicateReplies + ", reconnects " + reconnects + ", timeouts "
      + timeouts + ", retried 429/503 " + refusedAndRetried + ", catch-ups " + catchUps + ", " + sync.status()
      + (sync.hasInflight() ? " (seq " + sync.inflightSeq() + ")" : "") + ", unsaved ops " + sync.unsavedCount()
      + ", gap " + sync.hasGap() + ", joined " + session.joined();
  }

  // ---- the socket, as connection-keeper.js keeps it ----

  private void open() {
    int gen = ++generation;
    registered = false;
    FaultyLink.open(vertx, sockets, port.getAsInt(), random, () -> faults,
        (address, body) -> {
          if (gen == generation && Addresses.ops(boardId).equals(address)) {
            receive(body);
          }
        },
        () -> {
          if (gen == generation) {
            lost(backoff());
          }
        })
      .onSuccess(opened -> {
        if (gen != generation) {
          opened.close();
          return;
        }
        link = opened;
        act(session.opened());
      })
      .onFailure(e -> {
        if (gen == generation) {
          lost(backoff());
        }
      });
  }

  /** The socket is gone (or no good): tell the session, and open the next one after {@code delay} ms. */
  private void lost(long delay) {
    int gen = ++generation;
    reconnects++;
    if (link != null) {
      link.close();
      link = null;
    }
    act(session.lost());
    vertx.setTimer(Math.max(1, delay), t -> {
      if (gen == generation && !stopped) {
        open();
      }
    });
  }

  /** The browser's wait before the next socket, at the simulation's time. */
  private long backoff() {
    attempts++;
    long[] delay = ConnectionKeeperTwin.reconnectDelay(attempts);
    return scaled(delay[0] + random.nextDouble() * (delay[1] - delay[0]));
  }

  /** As the browser: a heartbeat's answer names the board's revision; two missed ones mean a new socket. */
  private void beat() {
    if (!session.joined() || beating || link == null) {
      return;
    }
    beating = true;
    int gen = generation;
    link.request(Addresses.PING, new JsonObject().put("boardId", boardId), HEARTBEAT_TIMEOUT_MILLIS)
      .onComplete(ar -> {
        beating = false;
        if (gen != generation) {
          return;
        }
        if (ar.succeeded()) {
          missedBeats = 0;
          if (ar.result().getValue("rev") instanceof Number rev) {
            act(session.heardOf(rev.longValue()));
          }
          return;
        }
        // A refusal is an answer: the connection works.
        missedBeats = code(ar.cause()) > 0 ? 0 : missedBeats + 1;
        if (missedBeats >= ConnectionKeeperTwin.MISSED_BEATS_BEFORE_RECONNECT && session.joined()) {
          timeouts++;
          lost(backoff());
        }
      });
  }

  // ---- the session's decisions, performed as board-client.js performs them ----

  private void act(List<BoardSessionTwin.Action> actions) {
    for (BoardSessionTwin.Action action : actions) {
      perform(action);
    }
    if (!sync.hasInflight() && sync.unsavedCount() == 0) {
      // Everything buffered was undone by remote deletes: its markers are gone with their entities.
      bufferMarkers.clear();
    }
  }

  private void perform(BoardSessionTwin.Action action) {
    switch (action.kind()) {
      case "join" -> join(action.sinceRev());
      case "register" -> {
        if (!registered && link != null) {
          registered = true;
          link.register(Addresses.ops(boardId));
        }
      }
      case "joined" -> {
        attempts = 0;
        missedBeats = 0;
        if (!editing) {
          editing = true;
          scheduleEdit();
        }
      }
      case "reset" -> { }
      case "changed" -> {
        if (action.applied().own()) {
          acknowledged++;
          acknowledgedMarkers.addAll(inflightMarkers);
          inflightMarkers = new ArrayList<>();
        }
      }
      case "submit" -> {
        if (!action.decision().get("resend").equals(true)) {
          inflightMarkers = bufferMarkers;
          bufferMarkers = new ArrayList<>();
          if (action.submit().ops().size() > BoardHub.MAX_SUBMIT_OPS) {
            error("buffer of " + action.submit().ops().size() + " ops is too large for one submit");
          }
        }
        send(action.submit());
      }
      case "wait" -> {
        String timer = (String) action.decision().get("timer");
        Long previous = timers.remove(timer);
        if (previous != null) {
          vertx.cancelTimer(previous);
        }
        long min = action.number("minMs");
        long max = action.number("maxMs");
        long ms = min + (max > min ? (long) (random.nextDouble() * (max - min)) : 0);
        timers.put(timer, vertx.setTimer(Math.max(1, ms), t -> {
          timers.remove(timer);
          if (!stopped) {
            if ("gap".equals(timer)) {
              catchUps++;
            }
            act(session.timerFired(timer));
          }
        }));
      }
      case "lostEdits" -> error("a catch-up was the whole board while " + sync.unsavedCount() + " edits were pending");
      case "rollBack" -> {
        error("edits rolled back on " + action.number("code"));
        inflightMarkers = new ArrayList<>();
        bufferMarkers = new ArrayList<>();
      }
      case "diverged" -> error("rev " + action.number("rev") + " does not apply to the local state");
      case "reconnect" -> {
        if (link != null) {
          lost(backoff());
        }
      }
      case "forgetSeat" -> seat = null;
      case "giveUp" -> error("gave up: " + action.decision().get("code"));
      default -> throw new IllegalStateException("unknown action " + action.kind());
    }
  }

  private void join(Long sinceRev) {
    if (link == null) {
      return;
    }
    int gen = generation;
    JsonObject body = new JsonObject().put("boardId", boardId).put("token", token).put("clientId", clientId)
      .put("name", clientId).put("role", "parent");
    boolean withSeat = seat != null;
    if (withSeat) {
      // As the browser does: the same person comes back with the seat the server gave them.
      body.put("seat", seat);
    }
    if (sinceRev != null) {
      body.put("sinceRev", sinceRev);
    }
    link.request(Addresses.JOIN, body, REQUEST_TIMEOUT_MILLIS).onComplete(ar -> {
      if (gen != generation) {
        return;
      }
      if (ar.failed()) {
        note(ar.cause());
        act(session.joinFailed(code(ar.cause()), withSeat, true));
        return;
      }
      JsonObject reply = ar.result();
      String issued = reply.getJsonObject("you").getString("seat");
      if (issued != null) {
        seat = issued;
      }
      checkCatchUp(sinceRev, reply);
      act(session.joinAnswered(sinceRev, WireJson.map(reply)));
    });
  }

  /** The server's side of a catch-up: exactly the revisions after {@code sinceRev}, up to the reply's rev. */
  private void checkCatchUp(Long sinceRev, JsonObject reply) {
    JsonArray ops = reply.getJsonArray("ops");
    if (sinceRev == null || ops == null) {
      return;
    }
    long rev = reply.getLong("rev");
    long expected = sinceRev;
    for (Object change : ops) {
      if (((JsonObject) change).getLong("rev") != ++expected) {
        error("catch-up since " + sinceRev + " to " + rev + " is not contiguous: "
          + ops.stream().map(o -> ((JsonObject) o).getLong("rev")).toList());
        return;
      }
    }
    if (expected != rev) {
      error("catch-up since " + sinceRev + " ends at " + expected + ", not at the reply's rev " + rev);
    }
  }

  /** A message on the board's changes address: revisions, published one by one or together. */
  @SuppressWarnings("unchecked")
  private void receive(JsonObject body) {
    JsonArray changes = body.getJsonArray("changes");
    for (Object change : changes != null ? changes.getList() : List.of(body)) {
      JsonObject revision = change instanceof JsonObject json ? json : new JsonObject((Map<String, Object>) change);
      if (revision.getLong("rev") != null && revision.getLong("rev") > sync.rev()
        && clientId.equals(revision.getString("clientId")) && revision.getLong("seq") != sync.inflightSeq()) {
        error("rev " + revision.getLong("rev") + " is our seq " + revision.getLong("seq") + " but in flight is "
          + (sync.hasInflight() ? String.valueOf(sync.inflightSeq()) : "nothing"));
      }
    }
    act(session.received(WireJson.map(body)));
  }

  // ---- outgoing edits ----

  private void scheduleEdit() {
    vertx.setTimer(10 + random.nextInt(70), t -> edit());
  }

  private void edit() {
    if (editsMade >= editsToMake || stopped) {
      return;
    }
    if (link != null && random.nextDouble() < faults.disconnectPerEdit()) {
      lost(backoff());
    }
    RandomEdits.Edit edit = edits.next(sync.state());
    if (edit.marker() != null) {
      markers.add(edit.marker());
      bufferMarkers.add(edit.marker());
    }
    editsMade++;
    try {
      act(session.edited(edit.ops()));
    } catch (BoardRejection e) {
      error("own edit does not apply locally: " + e.getMessage() + " " + edit.ops());
    }
    scheduleEdit();
  }

  /** Sends (or resends) a submit; what comes back goes to the session, as board-client.js does. */
  private void send(ClientSync.Submit submit) {
    int gen = generation;
    JsonObject body = new JsonObject().put("boardId", boardId).put("clientId", submit.clientId())
      .put("seq", submit.seq()).put("baseRev", submit.baseRev()).put("ops", WireJson.toJson(submit.ops()));
    if (link == null) {
      act(session.submitFailed(-1));
      return;
    }
    link.request(Addresses.SUBMIT, body, REQUEST_TIMEOUT_MILLIS).onComplete(ar -> {
      if (stopped) {
        return;
      }
      if (ar.succeeded() && gen == generation) {
        if (ar.result().getBoolean("duplicate", false)) {
          duplicateReplies++;
        }
        try {
          act(session.acknowledged(submit.seq(), ar.result().getLong("rev")));
        } catch (BoardRejection e) {
          error("revisions up to our seq " + submit.seq() + " do not apply: " + e.getMessage());
        }
      } else if (ar.failed()) {
        // As the browser's: a socket that closes fails what is pending on it with -1.
        note(ar.cause());
        act(session.submitFailed(code(ar.cause())));
      }
    });
  }

  /** The code the browser's event bus client would see: the server's, or -1 for a timeout or a lost socket. */
  private static int code(Throwable e) {
    return e instanceof ReplyException r ? r.failureCode() : -1;
  }

  /** 429, 503 and the bridge's own failures (no handler while a server stops) count as refusals, as they did. */
  private void note(Throwable e) {
    if (e instanceof ReplyException r && (r.failureCode() == 429 || r.failureCode() == 503 || r.failureCode() < 0)) {
      refusedAndRetried++;
    } else if (!(e instanceof ReplyException)) {
      timeouts++;
    }
  }

  private static long scaled(double millis) {
    return Math.round(millis * TIME_SCALE);
  }

  private void error(String message) {
    errors.add(message);
  }
}
