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
import org.aantafel.testsupport.ClientSync;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeoutException;
import java.util.function.IntSupplier;

/**
 * One participant of the convergence simulation. Its OT bookkeeping (the board as confirmed at a revision, one
 * submit in flight, a buffer of later ops, revisions applied in order with remote ops transformed over what is
 * pending, our own revision recognised by clientId and seq) is all {@link ClientSync}, the Java twin of the
 * browser's BoardSync that the recorded traces prove equal to it. What is this class's own is the connection, driven
 * as the browser's BoardClient drives it, over a {@link FaultyLink}:
 *
 * <ul>
 *   <li>Join, register for the board's changes, join again with {@code sinceRev} to fetch what the registration
 *   missed; a gap that does not close soon is filled by a join with {@code sinceRev}.</li>
 *   <li>A missing reply means a bad connection: drop it, connect again, join with {@code sinceRev} (the catch-up
 *   recognises our own submit among the missed changes), and resend the in-flight submit with the same seq (unless
 *   its reply already came), then the buffer.</li>
 *   <li>429 and 503 (and the bridge's own failures while the server shuts down) are retried later, same seq.</li>
 *   <li>410 (the submit is older than the server's history): catch up with {@code sinceRev}, then send again.</li>
 * </ul>
 *
 * It also keeps the markers of its inserts, which follow their ops from the buffer to the submit in flight to
 * acknowledged. Everything runs on one Vert.x context; the test reads it through {@link #report()}.
 */
final class SimClient {
  static final long REQUEST_TIMEOUT_MILLIS = 700;
  /** The browser beats every 4 s; the simulation's meetings last seconds, so faster. */
  private static final long HEARTBEAT_MILLIS = 1000;
  private static final long GAP_PATIENCE_MILLIS = 150;

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
  private boolean ready;
  private boolean catchingUp;
  private boolean sending;
  private Long gapTimer;

  private final ClientSync sync;
  /** True once a join has loaded the board: from then on joins ask for what came since {@code sync.rev()}. */
  private boolean loaded;
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
    this.random = new Random(seed * 31 + index);
    this.edits = new RandomEdits("c" + index, random);
    this.editsToMake = editsToMake;
    this.faults = faults;
  }

  void start() {
    context.runOnContext(v -> {
      sockets = vertx.createWebSocketClient();
      connect();
      heartbeat = vertx.setPeriodic(HEARTBEAT_MILLIS, t -> beat());
    });
  }

  /**
   * As the browser: a heartbeat's answer names the board's revision, so a revision that was missed with nothing
   * after it to show the gap is fetched all the same. An unanswered beat is left to the edits' own timeouts.
   */
  private void beat() {
    if (!ready || link == null) {
      return;
    }
    int gen = generation;
    link.request(Addresses.PING, new JsonObject().put("boardId", boardId), REQUEST_TIMEOUT_MILLIS).onSuccess(reply -> {
      if (gen == generation && reply.getValue("rev") instanceof Number rev) {
        sync.heardOf(rev.longValue());
        if (sync.hasGap()) {
          watchGap();
        }
      }
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
      vertx.cancelTimer(heartbeat);
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
      ready && editsMade == editsToMake && !sync.hasInflight() && sync.unsavedCount() == 0 && !sync.hasGap(),
      loaded ? sync.rev() : -1, loaded ? sync.state().toMap() : null, sync.lastSeq(), acknowledged,
      duplicateReplies, refusedAndRetried, List.copyOf(markers), List.copyOf(acknowledgedMarkers), List.copyOf(errors), stats())));
    return report.future();
  }

  private String stats() {
    return clientId + ": applied " + (loaded ? sync.rev() : -1) + ", seq " + sync.lastSeq() + ", acked "
      + acknowledged + ", duplicate replies " + duplicateReplies + ", reconnects " + reconnects + ", timeouts "
      + timeouts + ", retried 429/503 " + refusedAndRetried + ", catch-ups " + catchUps + ", " + sync.status()
      + (sync.hasInflight() ? " (seq " + sync.inflightSeq() + ")" : "") + ", unsaved ops " + sync.unsavedCount()
      + ", gap " + sync.hasGap() + ", ready " + ready;
  }

  // ---- connection ----

  private void connect() {
    int gen = ++generation;
    ready = false;
    catchingUp = false;
    sending = false;
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
            // The in-flight submit again (same seq) unless its reply came, else the buffer.
            flush();
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
    long sinceRev = loaded ? sync.rev() : -1;
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
    if (reply.containsKey("state")) {
      // Older than the server's history, a catch-up is the whole board (docs/protocol.md): only edits still
      // pending would be lost with it, which the simulation never expects.
      if ((sinceRev >= 0 || loaded) && sync.unsavedCount() > 0) {
        error("join with sinceRev " + sinceRev + " answered with a whole state at rev " + rev + " while "
          + sync.unsavedCount() + " edits were pending");
        return;
      }
      sync.load(rev, BoardState.fromMap(WireJson.map(reply.getJsonObject("state"))));
      loaded = true;
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

  /** A committed revision, published or in a catch-up: ClientSync applies it in order, each once. */
  private void receive(JsonObject change) {
    ClientSync.Committed committed = ClientSync.Committed.fromMap(WireJson.map(change));
    if (committed.rev() > sync.rev() && clientId.equals(committed.clientId())
      && committed.seq() != sync.inflightSeq()) {
      error("rev " + committed.rev() + " is our seq " + committed.seq() + " but in flight is "
        + (sync.hasInflight() ? String.valueOf(sync.inflightSeq()) : "nothing"));
    }
    try {
      noteApplied(sync.committed(committed));
    } catch (BoardRejection e) {
      error("rev " + committed.rev() + " does not apply to the local state: " + e.getMessage() + " "
        + change.encode());
    }
    if (sync.hasGap()) {
      watchGap();
    }
    flush();
  }

  /** Our own revision among those applied: the submit in flight, and the markers it carried, are acknowledged. */
  private void noteApplied(List<ClientSync.Applied> applied) {
    for (ClientSync.Applied revision : applied) {
      if (revision.own()) {
        acknowledged++;
        acknowledgedMarkers.addAll(inflightMarkers);
        inflightMarkers = new ArrayList<>();
      }
    }
  }

  /** A revision we know of has not arrived: wait a little (it may be delayed), then ask for what is missing. */
  private void watchGap() {
    if (gapTimer != null) {
      return;
    }
    int gen = generation;
    gapTimer = vertx.setTimer(GAP_PATIENCE_MILLIS, t -> {
      gapTimer = null;
      if (gen != generation || !ready || !sync.hasGap()) {
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
        } else if (sync.hasGap()) {
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
    RandomEdits.Edit edit = edits.next(sync.state());
    try {
      sync.local(edit.ops());
    } catch (BoardRejection e) {
      error("own edit does not apply locally: " + e.getMessage() + " " + edit.ops());
    }
    if (edit.marker() != null) {
      markers.add(edit.marker());
      bufferMarkers.add(edit.marker());
    }
    editsMade++;
    flush();
    scheduleEdit();
  }

  /** Sends the in-flight submit again unless its reply came, or else takes the buffer as the next submit. */
  private void flush() {
    if (!ready || sending) {
      return;
    }
    ClientSync.Submit submit = sync.inflightSubmit();
    if (submit == null && !sync.hasInflight()) {
      submit = sync.takeSubmit();
      if (submit == null) {
        // Everything buffered was undone by remote deletes; its markers are gone with their entities.
        bufferMarkers.clear();
        return;
      }
      inflightMarkers = bufferMarkers;
      bufferMarkers = new ArrayList<>();
      if (submit.ops().size() > BoardHub.MAX_SUBMIT_OPS) {
        error("buffer of " + submit.ops().size() + " ops is too large for one submit");
      }
    }
    if (submit != null) {
      send(submit);
    }
  }

  /** Sends (or resends) a submit: its ops as transformed so far, on top of the latest applied revision. */
  private void send(ClientSync.Submit submit) {
    int gen = generation;
    sending = true;
    JsonObject body = new JsonObject().put("boardId", boardId).put("clientId", submit.clientId())
      .put("seq", submit.seq()).put("baseRev", submit.baseRev()).put("ops", WireJson.toJson(submit.ops()));
    link.request(Addresses.SUBMIT, body, REQUEST_TIMEOUT_MILLIS).onComplete(ar -> {
      if (gen != generation) {
        return;
      }
      if (ar.succeeded()) {
        sending = false;
        if (ar.result().getBoolean("duplicate", false)) {
          duplicateReplies++;
        }
        try {
          // The reply names our revision; its ops as applied come published or in a catch-up.
          noteApplied(sync.acknowledged(submit.seq(), ar.result().getLong("rev")));
        } catch (BoardRejection e) {
          error("revisions up to our seq " + submit.seq() + " do not apply: " + e.getMessage());
        }
        if (sync.hasGap()) {
          watchGap();
        }
        flush();
      } else if (retryable(ar.cause())) {
        refusedAndRetried++;
        vertx.setTimer(50 + random.nextInt(200), t -> {
          if (gen == generation) {
            sending = false;
            flush();
          }
        });
      } else if (ar.cause() instanceof TimeoutException) {
        timeouts++;
        reconnect(randomDelay());
      } else if (ar.cause() instanceof ReplyException r && r.failureCode() == Refusal.BEHIND) {
        // Based on a revision the server no longer keeps: catch up, and the same seq goes again, transformed.
        catchUps++;
        join(gen).onComplete(caughtUp -> {
          if (gen == generation) {
            sending = false;
            flush();
          }
        });
      } else {
        noteFailure("submit seq " + submit.seq(), ar.cause());
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
