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
import org.aantafel.board.BoardState;
import org.aantafel.board.Op;
import org.aantafel.board.OpTransform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;
import java.util.function.IntSupplier;

/**
 * The client half of the sync protocol, as the browser implements it (ot.js Client / ShareDB Doc): a local copy of
 * the board with edits applied at once, the revision it has applied, one submit in flight and a buffer of later ops.
 *
 * <ul>
 *   <li>Published changes are applied in revision order, each once: older ones are ignored, early ones wait, and a gap
 *   that does not close soon is filled by a join with {@code sinceRev}.</li>
 *   <li>Remote ops are transformed over the in-flight submit and then over the buffer before they are applied.</li>
 *   <li>The in-flight submit is acknowledged when its own revision arrives in that stream (our clientId and its seq);
 *   the reply only tells which revision to expect.</li>
 *   <li>A missing reply means a bad connection: drop it, connect again, join with {@code sinceRev} (recognising our own
 *   submit among the missed changes), and resend the in-flight submit with the same seq, then the buffer.</li>
 *   <li>429 and 503 (and the bridge's own failures while the server shuts down) are retried later, same seq.</li>
 * </ul>
 *
 * Everything runs on one Vert.x context; the test reads it through {@link #report()}.
 */
final class SimClient {
  static final long REQUEST_TIMEOUT_MILLIS = 700;
  private static final long GAP_PATIENCE_MILLIS = 150;

  /** What the test checks at the end, copied on the client's context. */
  record Report(String clientId, int editsMade, boolean editsDone, boolean settled, long applied,
                Map<String, Object> state, long lastSeq, int acknowledged, int duplicateReplies,
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
  private boolean ready;
  private boolean catchingUp;
  private Long gapTimer;

  private BoardState state;
  /** The board at revision {@code applied} as the server has it: what own submits are rebased on once committed. */
  private BoardState confirmed;
  private long applied = -1;
  private long knownRev;
  private final TreeMap<Long, JsonObject> early = new TreeMap<>();
  private List<Op> inflight;
  private long inflightSeq;
  private List<RandomEdits.Marker> inflightMarkers = new ArrayList<>();
  private List<Op> buffer = new ArrayList<>();
  private List<RandomEdits.Marker> bufferMarkers = new ArrayList<>();
  private long lastSeq;

  private boolean editing;
  private int editsMade;
  private int acknowledged;
  private int duplicateReplies;
  private int reconnects;
  private int refusedAndRetried;
  private int timeouts;
  private int catchUps;
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
    this.random = new Random(seed * 31 + index);
    this.edits = new RandomEdits("c" + index, random);
    this.editsToMake = editsToMake;
    this.faults = faults;
  }

  void start() {
    context.runOnContext(v -> {
      sockets = vertx.createWebSocketClient();
      connect();
    });
  }

  /** No more faults from now on; connect afresh, as a browser does once the network is back. */
  void heal() {
    context.runOnContext(v -> {
      faults = Faults.NONE;
      reconnect(0);
    });
  }

  Future<Void> stop() {
    Promise<Void> done = Promise.promise();
    context.runOnContext(v -> {
      generation++;
      ready = false;
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
      ready && editsMade == editsToMake && inflight == null && buffer.isEmpty() && early.isEmpty(),
      applied, state == null ? null : state.toMap(), lastSeq, acknowledged, duplicateReplies,
      List.copyOf(markers), List.copyOf(acknowledgedMarkers), List.copyOf(errors), stats())));
    return report.future();
  }

  private String stats() {
    return clientId + ": applied " + applied + ", seq " + lastSeq + ", acked " + acknowledged + ", duplicate replies "
      + duplicateReplies + ", reconnects " + reconnects + ", timeouts " + timeouts + ", retried 429/503 "
      + refusedAndRetried + ", catch-ups " + catchUps + ", in flight " + (inflight != null ? "seq " + inflightSeq : "-")
      + ", buffered " + buffer.size() + ", ready " + ready;
  }

  // ---- connection ----

  private void connect() {
    int gen = ++generation;
    ready = false;
    catchingUp = false;
    FaultyLink.open(vertx, sockets, port.getAsInt(), random, () -> faults,
        (address, body) -> {
          if (gen == generation && Addresses.ops(boardId).equals(address)) {
            receive(body);
          }
        },
        () -> {
          if (gen == generation) {
            reconnect(randomDelay());
          }
        })
      .onSuccess(opened -> {
        if (gen != generation) {
          opened.close();
          return;
        }
        link = opened;
        join(gen)
          .compose(first -> {
            link.register(Addresses.ops(boardId));
            // The register frame has no reply: a second join proves it was handled and fills what it missed.
            return join(gen);
          })
          .onSuccess(second -> {
            ready = true;
            if (inflight != null) {
              sendInflight();
            } else {
              flush();
            }
            if (!editing) {
              editing = true;
              scheduleEdit();
            }
          })
          .onFailure(e -> {
            if (gen == generation) {
              noteFailure("join", e);
              reconnect(randomDelay());
            }
          });
      })
      .onFailure(e -> {
        if (gen == generation) {
          reconnect(randomDelay());
        }
      });
  }

  /** Drops the connection at once (pending replies are forgotten) and connects again after {@code delay} ms. */
  private void reconnect(long delay) {
    int gen = ++generation;
    ready = false;
    reconnects++;
    if (link != null) {
      link.close();
      link = null;
    }
    if (delay <= 0) {
      connect();
    } else {
      vertx.setTimer(delay, t -> {
        if (gen == generation) {
          connect();
        }
      });
    }
  }

  private Future<JsonObject> join(int gen) {
    JsonObject body = new JsonObject().put("boardId", boardId).put("token", token).put("clientId", clientId)
      .put("name", clientId).put("role", "parent");
    if (seat != null) {
      // As the browser does: the same person comes back with the seat the server gave them.
      body.put("seat", seat);
    }
    long sinceRev = applied;
    if (sinceRev >= 0) {
      body.put("sinceRev", sinceRev);
    }
    return link.request(Addresses.JOIN, body, REQUEST_TIMEOUT_MILLIS).compose(reply -> {
      if (gen != generation) {
        return Future.failedFuture(new IllegalStateException("stale connection"));
      }
      onJoined(sinceRev, reply);
      return Future.succeededFuture(reply);
    });
  }

  private void onJoined(long sinceRev, JsonObject reply) {
    String issued = reply.getJsonObject("you").getString("seat");
    if (issued != null) {
      seat = issued;
    }
    long rev = reply.getLong("rev");
    knownRev = Math.max(knownRev, rev);
    if (reply.containsKey("state")) {
      if (sinceRev >= 0 || applied >= 0) {
        error("join with sinceRev " + sinceRev + " answered with a whole state at rev " + rev);
        return;
      }
      confirmed = BoardState.fromMap(WireJson.map(reply.getJsonObject("state")));
      state = confirmed.copy();
      applied = rev;
      return;
    }
    JsonArray ops = reply.getJsonArray("ops");
    long expected = sinceRev;
    for (Object change : ops) {
      if (((JsonObject) change).getLong("rev") != ++expected) {
        error("catch-up since " + sinceRev + " to " + rev + " is not contiguous: "
          + ops.stream().map(o -> ((JsonObject) o).getLong("rev")).toList());
        break;
      }
    }
    if (expected != rev) {
      error("catch-up since " + sinceRev + " ends at " + expected + ", not at the reply's rev " + rev);
    }
    ops.forEach(change -> receive((JsonObject) change));
  }

  // ---- incoming changes ----

  private void receive(JsonObject change) {
    long rev = change.getLong("rev");
    knownRev = Math.max(knownRev, rev);
    if (rev <= applied) {
      return;
    }
    early.put(rev, change);
    JsonObject next;
    while ((next = early.remove(applied + 1)) != null) {
      apply(next);
    }
    early.headMap(applied, true).clear();
    if (applied < knownRev) {
      watchGap();
    }
  }

  private void apply(JsonObject change) {
    long rev = change.getLong("rev");
    // The ops as the server applied them: stamped, and possibly not the ops that were sent.
    List<Op> committed = WireJson.ops(change.getJsonArray("ops"));
    confirmed.applyCommitted(committed);
    if (clientId.equals(change.getString("clientId"))) {
      long seq = change.getLong("seq");
      if (inflight == null || seq != inflightSeq) {
        error("rev " + rev + " is our seq " + seq + " but in flight is "
          + (inflight == null ? "nothing" : String.valueOf(inflightSeq)));
      } else {
        acknowledged++;
        acknowledgedMarkers.addAll(inflightMarkers);
        inflight = null;
        inflightMarkers = new ArrayList<>();
        // Rebase: the local state becomes the server's plus what is still buffered.
        state = confirmed.copy();
        state.applyCommitted(buffer);
      }
      applied = rev;
      flush();
      return;
    }
    List<Op> remote = committed;
    if (inflight != null) {
      List<List<Op>> t = OpTransform.transformClient(inflight, remote);
      inflight = t.get(0);
      remote = t.get(1);
    }
    if (!buffer.isEmpty()) {
      List<List<Op>> t = OpTransform.transformClient(buffer, remote);
      buffer = new ArrayList<>(t.get(0));
      remote = t.get(1);
    }
    try {
      state.applyCommitted(remote);
    } catch (BoardRejection e) {
      error("rev " + rev + " does not apply to the local state: " + e.getMessage() + " " + change.encode());
    }
    applied = rev;
  }

  /** A revision we know of has not arrived: wait a little (it may be delayed), then ask for what is missing. */
  private void watchGap() {
    if (gapTimer != null) {
      return;
    }
    int gen = generation;
    gapTimer = vertx.setTimer(GAP_PATIENCE_MILLIS, t -> {
      gapTimer = null;
      if (gen != generation || !ready || applied >= knownRev) {
        return;
      }
      if (catchingUp) {
        watchGap();
        return;
      }
      catchingUp = true;
      catchUps++;
      join(gen).onComplete(ar -> {
        if (gen != generation) {
          return;
        }
        catchingUp = false;
        if (ar.failed() && ar.cause() instanceof TimeoutException) {
          timeouts++;
          reconnect(randomDelay());
        } else if (applied < knownRev) {
          watchGap();
        }
      });
    });
  }

  // ---- outgoing edits ----

  private void scheduleEdit() {
    vertx.setTimer(10 + random.nextInt(70), t -> edit());
  }

  private void edit() {
    if (editsMade >= editsToMake) {
      return;
    }
    if (ready && random.nextDouble() < faults.disconnectPerEdit()) {
      reconnect(20 + random.nextInt(150));
    }
    RandomEdits.Edit edit = edits.next(state);
    try {
      state.applyCommitted(edit.ops());
    } catch (BoardRejection e) {
      error("own edit does not apply locally: " + e.getMessage() + " " + edit.ops());
    }
    buffer.addAll(edit.ops());
    if (edit.marker() != null) {
      markers.add(edit.marker());
      bufferMarkers.add(edit.marker());
    }
    editsMade++;
    flush();
    scheduleEdit();
  }

  private void flush() {
    if (!ready || inflight != null) {
      return;
    }
    if (buffer.isEmpty()) {
      // Everything buffered was undone by remote deletes; its markers are gone with their entities.
      bufferMarkers.clear();
      return;
    }
    if (buffer.size() > BoardHub.MAX_SUBMIT_OPS) {
      error("buffer of " + buffer.size() + " ops is too large for one submit");
    }
    inflight = buffer;
    inflightMarkers = bufferMarkers;
    inflightSeq = ++lastSeq;
    buffer = new ArrayList<>();
    bufferMarkers = new ArrayList<>();
    sendInflight();
  }

  /** Sends (or resends) the in-flight ops, as transformed so far, on top of the latest applied revision. */
  private void sendInflight() {
    int gen = generation;
    long seq = inflightSeq;
    JsonObject body = new JsonObject().put("boardId", boardId).put("clientId", clientId).put("seq", seq)
      .put("baseRev", applied).put("ops", WireJson.toJson(inflight));
    link.request(Addresses.SUBMIT, body, REQUEST_TIMEOUT_MILLIS).onComplete(ar -> {
      if (gen != generation) {
        return;
      }
      if (ar.succeeded()) {
        if (ar.result().getBoolean("duplicate", false)) {
          duplicateReplies++;
        }
        knownRev = Math.max(knownRev, ar.result().getLong("rev"));
        if (applied < knownRev) {
          watchGap();
        }
      } else if (retryable(ar.cause())) {
        refusedAndRetried++;
        vertx.setTimer(50 + random.nextInt(200), t -> {
          if (gen == generation && inflight != null && inflightSeq == seq) {
            sendInflight();
          }
        });
      } else if (ar.cause() instanceof TimeoutException) {
        timeouts++;
        reconnect(randomDelay());
      } else {
        noteFailure("submit seq " + seq, ar.cause());
        reconnect(randomDelay());
      }
    });
  }

  private void noteFailure(String what, Throwable e) {
    if (e instanceof TimeoutException || e instanceof IllegalStateException) {
      timeouts++;
    } else if (retryable(e)) {
      refusedAndRetried++;
    } else {
      error(what + " failed: " + e);
    }
  }

  /**
   * 429 and 503 are the contract's "try again later"; a negative code is the bridge's own failure (no handler while
   * the server shuts down), which changed nothing either.
   */
  private static boolean retryable(Throwable e) {
    return e instanceof ReplyException r && (r.failureCode() == 429 || r.failureCode() == 503 || r.failureCode() < 0);
  }

  private long randomDelay() {
    return 10 + random.nextInt(50);
  }

  private void error(String message) {
    errors.add(message);
  }
}
