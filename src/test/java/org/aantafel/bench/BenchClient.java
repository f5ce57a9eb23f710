package org.aantafel.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.aantafel.board.TextOperation;
import org.aantafel.testsupport.BusClient;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One simulated participant on a real SockJS websocket. It keeps the OT client discipline of ot.js: at most one
 * submit in flight (until its own change comes back on board.<id>.ops), later typing is composed into a buffer,
 * every remote edit of the same text is transformed against the in-flight and buffered edits before it is applied,
 * and baseRev is the last revision applied. Everything it does runs on its socket's event loop.
 */
final class BenchClient {
  private static final int MAX_RETRIES = 3;

  private final Vertx vertx;
  private final BenchBoard board;
  private final char letter;
  final String clientId;
  private final String entityId;
  private final String field;
  private final Metrics metrics;
  private final Random random;

  private Context context;
  private BusClient bus;
  private long rev;
  private String doc = "";
  private long seq;
  private long markerCount;
  private boolean inFlight;
  private long inFlightSeq;
  private TextOperation outstanding;
  private List<String> outstandingMarkers = new ArrayList<>();
  private long outstandingTyped;
  private int retries;
  private TextOperation buffer;
  private List<String> bufferMarkers = new ArrayList<>();
  private long bufferTyped;
  private long typingTimer = -1;
  private boolean stopped;
  private boolean closing;
  private final Map<Long, List<String>> awaitingAck = new HashMap<>();
  private final List<String> acked = new ArrayList<>();
  private Promise<Void> echo;

  BenchClient(Vertx vertx, BenchBoard board, int index, String runId, Metrics metrics, BenchConfig.Mode mode,
              long seed) {
    this.vertx = vertx;
    this.board = board;
    this.letter = (char) ('a' + index);
    this.clientId = runId + "-" + board.index + "-" + letter;
    this.metrics = metrics;
    this.random = new Random(seed);
    this.entityId = mode == BenchConfig.Mode.GOAL ? "board" : "bench-" + letter;
    this.field = mode == BenchConfig.Mode.GOAL ? "goal" : "notes";
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
    Promise<Void> ready = Promise.promise();
    context.runOnContext(v -> BusClient.open(vertx, host, port, null)
      .compose(opened -> {
        bus = opened;
        bus.onClosed(this::lost);
        return bus.request("board.join", joinBody());
      })
      .compose(joined -> {
        rev = joined.getLong("rev");
        JsonObject state = joined.getJsonObject("state");
        if ("board".equals(entityId)) {
          doc = state.getJsonObject("board").getString("goal", "");
        }
        bus.register("board." + board.id + ".ops", this::onChange);
        // Frames of one socket are handled in order: once this answers, the register above is in place.
        return bus.request("board.join", joinBody().put("sinceRev", rev));
      })
      .compose(caughtUp -> "board".equals(entityId) ? Future.<Void>succeededFuture() : createOwnItem())
      .onComplete(ready));
    return ready.future();
  }

  private JsonObject joinBody() {
    return new JsonObject().put("boardId", board.id).put("token", board.participantToken).put("clientId", clientId)
      .put("name", "Bench " + letter).put("role", "parent");
  }

  private Future<Void> createOwnItem() {
    echo = Promise.promise();
    JsonObject create = new JsonObject().put("type", "create").put("id", entityId).put("kind", "agendaItem")
      .put("fields", new JsonObject().put("title", "Item " + letter).put("notes", "").put("order", "a" + letter));
    inFlight = true;
    inFlightSeq = ++seq;
    bus.request("board.submit", submitBody(inFlightSeq, new JsonArray().add(create)))
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
    return run(() -> awaitingAck.values().stream().mapToInt(List::size).sum() + bufferMarkers.size());
  }

  /** True once nothing of this client is in flight or buffered. */
  Future<Boolean> settled() {
    return run(() -> stopped || !inFlight && buffer == null && awaitingAck.isEmpty());
  }

  Future<String> text() {
    return run(() -> doc);
  }

  Future<List<String>> ackedMarkers() {
    return run(() -> List.copyOf(acked));
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
    if (stopped) {
      return;
    }
    String marker = Markers.marker(letter, ++markerCount);
    int at = Markers.randomBoundary(doc, random);
    List<Object> components = new ArrayList<>();
    if (at > 0) {
      components.add(at);
    }
    components.add(marker);
    if (doc.length() - at > 0) {
      components.add(doc.length() - at);
    }
    TextOperation edit = TextOperation.fromComponents(components);
    doc = edit.apply(doc);
    metrics.typed();
    long now = System.nanoTime();
    if (!inFlight) {
      outstanding = edit;
      outstandingMarkers = new ArrayList<>(List.of(marker.substring(0, marker.length() - 1)));
      outstandingTyped = now;
      send(++seq);
    } else {
      if (buffer == null) {
        buffer = edit;
        bufferTyped = now;
      } else {
        buffer = buffer.compose(edit);
      }
      bufferMarkers.add(marker.substring(0, marker.length() - 1));
    }
  }

  private void send(long submitSeq) {
    inFlight = true;
    inFlightSeq = submitSeq;
    awaitingAck.put(submitSeq, outstandingMarkers);
    JsonObject op = new JsonObject().put("type", "text").put("id", entityId).put("field", field)
      .put("edit", new JsonArray(new ArrayList<>(outstanding.toComponents())));
    metrics.sent(clientId, submitSeq, outstandingTyped);
    long sentAt = System.nanoTime();
    bus.request("board.submit", submitBody(submitSeq, new JsonArray().add(op)))
      .onSuccess(reply -> {
        metrics.acked(sentAt, reply.getBoolean("duplicate", false));
        List<String> markers = awaitingAck.remove(submitSeq);
        if (markers != null) {
          acked.addAll(markers);
        }
      })
      .onFailure(e -> failed(submitSeq, e));
  }

  private JsonObject submitBody(long submitSeq, JsonArray ops) {
    return new JsonObject().put("boardId", board.id).put("clientId", clientId).put("seq", submitSeq)
      .put("baseRev", rev).put("ops", ops);
  }

  /** Overload and storage failures are resent with the same (clientId, seq), as the contract asks; others stop. */
  private void failed(long submitSeq, Throwable e) {
    int code = e instanceof BusClient.Failure f ? f.code : -1;
    metrics.error(code);
    boolean retryable = code == 429 || code == 503 || code == -1;
    if (retryable && retries < MAX_RETRIES && inFlight && inFlightSeq == submitSeq && outstanding != null) {
      retries++;
      metrics.retry();
      vertx.setTimer(200, id -> {
        if (inFlight && inFlightSeq == submitSeq) {
          send(submitSeq);
        }
      });
    } else {
      stopped = true;
      awaitingAck.remove(submitSeq);
    }
  }

  private void lost(Throwable cause) {
    if (!closing) {
      metrics.connectionLost(cause == null ? "closed by the server" : cause.toString());
      stopped = true;
    }
  }

  /** What keeps this client from being settled, or null. */
  Future<String> pending() {
    return run(() -> stopped || !inFlight && buffer == null && awaitingAck.isEmpty() ? null
      : clientId + ": rev " + rev + (inFlight ? ", seq " + inFlightSeq + " in flight" : "")
        + (buffer != null ? ", buffered" : "") + ", awaiting acks " + awaitingAck.keySet());
  }

  /** A committed change, in revision order. */
  private void onChange(JsonObject change) {
    long changeRev = change.getLong("rev");
    if (changeRev <= rev) {
      return;
    }
    String from = change.getString("clientId");
    if (clientId.equals(from)) {
      rev = changeRev;
      if (inFlight && change.getLong("seq") == inFlightSeq) {
        ownChangeCommitted();
      }
      return;
    }
    metrics.delivered(from, change.getLong("seq"));
    for (Object o : change.getJsonArray("ops")) {
      JsonObject op = (JsonObject) o;
      if ("text".equals(op.getString("type")) && entityId.equals(op.getString("id"))
        && field.equals(op.getString("field"))) {
        applyRemote(TextOperation.fromComponents(op.getJsonArray("edit").getList()));
      }
    }
    rev = changeRev;
  }

  private void applyRemote(TextOperation remote) {
    if (outstanding != null) {
      TextOperation[] t = TextOperation.transform(remote, outstanding);
      remote = t[0];
      outstanding = t[1];
      metrics.transformedAgainstPending();
    }
    if (buffer != null) {
      TextOperation[] t = TextOperation.transform(remote, buffer);
      remote = t[0];
      buffer = t[1];
    }
    doc = remote.apply(doc);
  }

  private void ownChangeCommitted() {
    inFlight = false;
    outstanding = null;
    retries = 0;
    if (echo != null) {
      Promise<Void> created = echo;
      echo = null;
      created.tryComplete();
    }
    if (buffer != null && !stopped) {
      outstanding = buffer;
      outstandingMarkers = bufferMarkers;
      outstandingTyped = bufferTyped;
      buffer = null;
      bufferMarkers = new ArrayList<>();
      send(++seq);
    }
  }
}
