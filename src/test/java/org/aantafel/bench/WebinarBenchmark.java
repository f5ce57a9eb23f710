package org.aantafel.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.aantafel.board.Op;
import org.aantafel.board.OrderKey;
import org.aantafel.board.Questions;
import org.aantafel.sync.WireJson;
import org.aantafel.testsupport.BusClient;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import static org.aantafel.bench.LoadBenchmark.await;
import static org.aantafel.bench.LoadBenchmark.inLanes;
import static org.aantafel.bench.LoadBenchmark.log;

/**
 * {@code --mode webinar}: one board from the "webinar" template; the host (facilitator link, with a name) types into
 * its goal at --rate edits/s; --listeners sockets join with the participant link without a name (they watch: no
 * seat), register board.<id>.ops and presence and only receive; --askers join with a name (a seat) and every few
 * seconds ask a question or vote on one. Measures submit (host) → arrival at every listener, per revision; the
 * listeners' join time; the server's memory before and after the listeners joined; and what a listener receives.
 */
final class WebinarBenchmark {
  /** Listeners join this many at a time, as a room fills, not all in one instant. */
  private static final int JOIN_LANES = 50;
  private static final long DRAIN_SECONDS = 30;
  private static final long ASK_PERIOD_MILLIS = 3000;

  private final BenchConfig config;
  private final Vertx vertx;
  private final BenchHttp http;
  private final String runId = UUID.randomUUID().toString().substring(0, 8);
  private final Map<Long, Long> hostSubmitNanos = new ConcurrentHashMap<>();
  private final Recorder joins = new Recorder(3);
  private final LongAdder listenerChars = new LongAdder();
  private final Map<String, LongAdder> lost = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> askerOutcomes = new ConcurrentHashMap<>();
  private final Recorder askerAcks = new Recorder(3);
  private final List<String> questions = new CopyOnWriteArrayList<>();
  private final AtomicLong latestRev = new AtomicLong();
  private final List<Listener> listeners = new ArrayList<>();
  private final List<Asker> askers = new ArrayList<>();
  private volatile long windowStart = Long.MAX_VALUE;
  private volatile long windowEnd = Long.MAX_VALUE;
  private BenchBoard board;

  WebinarBenchmark(BenchConfig config, Vertx vertx, BenchHttp http) {
    this.config = config;
    this.vertx = vertx;
    this.http = http;
  }

  int run(ServerProcess server) throws Exception {
    String loadAtStart = loadAverage();
    board = await(http.createBoard(0, "webinar"), 30);
    log("webinar board " + board.id + "; the host and " + config.askers() + " askers join");
    Metrics hostMetrics = new Metrics(1);
    BenchClient host = new BenchClient(vertx, board, 0, runId, hostMetrics,
      TextAssignment.of(BenchConfig.Mode.GOAL, 0, 1), config.seed())
      .asHost().onAck((rev, sentNanos) -> {
        hostSubmitNanos.put(rev, sentNanos);
        latestRev.accumulateAndGet(rev, Math::max);
      });
    await(host.start(config.host(), config.port()), 60);
    for (int i = 0; i < config.askers(); i++) {
      askers.add(new Asker(i, new Random(config.seed() * 7919 + i)));
    }
    inLanes(askers.size(), 10, i -> askers.get(i).start());

    JsonObject memoryBefore = server == null ? null : server.memory();
    log("server memory before the listeners: " + memoryBefore + "; " + config.listeners() + " listeners join, "
      + JOIN_LANES + " at a time");
    for (int i = 0; i < config.listeners(); i++) {
      listeners.add(new Listener(i, host.clientId));
    }
    long joinStart = System.nanoTime();
    List<Boolean> joined = inLanes(listeners.size(), JOIN_LANES, i -> listeners.get(i).start()
      .map(true).otherwise(e -> {
        count(lost, "join failed: " + e.getMessage());
        return false;
      }));
    double joinSeconds = (System.nanoTime() - joinStart) / 1e9;
    long joinedCount = joined.stream().filter(b -> b).count();
    JsonObject memoryAfter = server == null ? null : server.memory();
    log(joinedCount + " listeners joined in " + String.format("%.1f", joinSeconds) + " s; server memory " + memoryAfter);

    long start = System.nanoTime();
    windowStart = start + TimeUnit.SECONDS.toNanos(config.warmupSeconds());
    windowEnd = windowStart + TimeUnit.SECONDS.toNanos(config.measureSeconds());
    hostMetrics.openWindow(windowStart, windowEnd);
    long[] charsAt = new long[2];
    vertx.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(windowStart - System.nanoTime())),
      id -> charsAt[0] = listenerChars.sum());
    log("host types " + config.editsPerSecond() + " edits/s, askers ask and vote: warm-up " + config.warmupSeconds()
      + " s, then measuring " + config.measureSeconds() + " s");
    host.startTyping(config.editsPerSecond());
    askers.forEach(Asker::startAsking);
    WindowWatch.sleepUntil(windowEnd);
    charsAt[1] = listenerChars.sum();
    host.stopTyping();
    askers.forEach(Asker::stopAsking);
    String loadAtEnd = loadAverage();

    boolean drained = drain(host);
    JsonObject delivery = deliveries(joined);
    JsonObject hostReport = hostMetrics.report(config.measureSeconds());
    String serverGoal = await(http.state(board.id, board.facilitatorToken), 30).getJsonObject("state")
      .getJsonObject("board").getString("goal", "");
    boolean converged = serverGoal.equals(await(host.text(), 30));
    List<Future<Void>> closing = new ArrayList<>();
    closing.add(host.close());
    listeners.forEach(l -> closing.add(l.close()));
    askers.forEach(a -> closing.add(a.close()));
    await(Future.join(closing).otherwiseEmpty(), 60);

    JsonObject memory = new JsonObject().put("before", memoryBefore).put("afterListenersJoined", memoryAfter);
    if (memoryBefore != null && memoryAfter != null && joinedCount > 0) {
      for (String key : List.of("rssKb", "heapUsedAfterGcKb")) {
        if (memoryBefore.containsKey(key) && memoryAfter.containsKey(key)) {
          memory.put(key.replace("Kb", "") + "PerListenerKb",
            Metrics.round((memoryAfter.getLong(key) - memoryBefore.getLong(key)) / (double) joinedCount));
        }
      }
    }
    JsonObject outcomes = new JsonObject();
    new TreeMap<>(askerOutcomes).forEach((k, n) -> outcomes.put(k, n.sum()));
    JsonObject lostCounts = new JsonObject();
    new TreeMap<>(lost).forEach((k, n) -> lostCounts.put(k, n.sum()));
    JsonObject result = new JsonObject()
      .put("finishedAt", Instant.now().toString())
      .put("config", new JsonObject().put("url", "http://" + config.host() + ":" + config.port())
        .put("spawned", server != null).put("spawnJvm", String.join(" ", config.spawnJvm()))
        .put("mode", "webinar").put("listeners", config.listeners()).put("askers", config.askers())
        .put("listenerTransport", config.transport().name().toLowerCase().replace('_', '-'))
        .put("hostEditsPerSecond", config.editsPerSecond()).put("warmupSeconds", config.warmupSeconds())
        .put("measureSeconds", config.measureSeconds()).put("seed", config.seed()))
      .put("machine", new JsonObject().put("availableProcessors", Runtime.getRuntime().availableProcessors())
        .put("loadAverageAtStart", loadAtStart).put("loadAverageAtEnd", loadAtEnd)
        .put("java", System.getProperty("java.version")))
      .put("listenersJoined", joinedCount)
      .put("joinSeconds", Metrics.round(joinSeconds))
      .put("joinLatencyMs", Metrics.summary(joins.getIntervalHistogram()))
      .put("hostSubmitToEveryListenerMs", delivery)
      .put("hostSubmitToAckMs", hostReport.getJsonObject("ackLatencyMs"))
      .put("hostErrors", hostReport.getJsonObject("errorsByCode"))
      .put("hostConnectionLost", hostReport.getJsonObject("connectionsLost"))
      .put("hostGoalConverged", converged)
      .put("drained", drained)
      .put("listenerCharsPerSecond", Metrics.round((charsAt[1] - charsAt[0])
        / (double) Math.max(1, joinedCount) / config.measureSeconds()))
      .put("askerSubmits", outcomes)
      .put("askerSubmitToAckMs", Metrics.summary(askerAcks.getIntervalHistogram()))
      .put("questionsAsked", questions.size())
      .put("connectionsLost", lostCounts)
      .put("serverMemory", memory);
    Files.createDirectories(config.resultFile().toAbsolutePath().getParent());
    Files.writeString(config.resultFile(), result.encodePrettily());
    System.out.println(text(result));
    System.out.println("written to " + config.resultFile());
    return joinedCount == config.listeners() && drained && converged ? 0 : 2;
  }

  /** Until the host has nothing in flight and every listener has the host's last acknowledged revision, or 30 s. */
  private boolean drain(BenchClient host) {
    try {
      Awaitility.await().atMost(Duration.ofSeconds(DRAIN_SECONDS)).pollInterval(Duration.ofMillis(200))
        .until(() -> {
          if (!await(host.settled(), 30)) {
            return false;
          }
          long last = hostSubmitNanos.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
          return listeners.stream().filter(l -> l.joined && !l.lost).allMatch(l -> l.lastRev >= last);
        });
      return true;
    } catch (ConditionTimeoutException e) {
      return false;
    }
  }

  /** One sample per (host revision submitted inside the window, listener that received it). */
  private JsonObject deliveries(List<Boolean> joined) {
    Histogram h = new Histogram(3);
    long missing = 0;
    long revisions = hostSubmitNanos.values().stream().filter(this::inWindow).count();
    for (int i = 0; i < listeners.size(); i++) {
      if (!joined.get(i)) {
        continue;
      }
      Listener l = listeners.get(i);
      long received = 0;
      synchronized (l) {
        for (int k = 0; k < l.arrivals.size(); k += 2) {
          Long sent = hostSubmitNanos.get(l.arrivals.get(k));
          if (sent != null && inWindow(sent)) {
            h.recordValue(Math.max(0, (l.arrivals.get(k + 1) - sent) / 1000));
            received++;
          }
        }
      }
      missing += revisions - received;
    }
    return Metrics.summary(h).put("hostRevisions", revisions).put("missedArrivals", missing);
  }

  private boolean inWindow(long nanos) {
    return nanos >= windowStart && nanos < windowEnd;
  }

  private static void count(Map<String, LongAdder> counts, String key) {
    counts.computeIfAbsent(key, k -> new LongAdder()).increment();
  }

  private static String loadAverage() {
    return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  /** Watches without a seat: joins with the participant link and no name, registers ops and presence, receives. */
  private final class Listener {
    private final String clientId;
    private final String hostClientId;
    /** (revision, arrival nanos) pairs of the host's changes. */
    final List<Long> arrivals = new ArrayList<>();
    volatile long lastRev;
    volatile boolean joined;
    volatile boolean lost;
    private volatile boolean closing;
    private BusClient bus;

    Listener(int index, String hostClientId) {
      this.clientId = runId + "-l" + index;
      this.hostClientId = hostClientId;
    }

    Future<Void> start() {
      long began = System.nanoTime();
      // On one context of its own, so that the requests of an xhr-streaming session never run on two threads at once.
      io.vertx.core.Context context = vertx.getOrCreateContext();
      io.vertx.core.Promise<BusClient> opening = io.vertx.core.Promise.promise();
      context.runOnContext(v -> (config.transport() == BenchConfig.Transport.XHR_STREAMING
        ? BusClient.openXhrStreaming(vertx, config.host(), config.port())
        : BusClient.open(vertx, config.host(), config.port(), null)).onComplete(opening));
      return opening.future()
        .compose(opened -> {
          bus = opened;
          bus.onTextFrame(listenerChars::add);
          bus.onClosed(cause -> {
            if (!closing) {
              lost = true;
              count(lost(), cause == null ? "closed by the server" : cause.toString());
            }
          });
          return bus.request("board.join", new JsonObject().put("boardId", board.id)
            .put("token", board.participantToken).put("clientId", clientId));
        })
        .map(reply -> {
          joins.recordValue((System.nanoTime() - began) / 1000);
          lastRev = reply.getLong("rev");
          bus.register("board." + board.id + ".ops", this::onChange);
          bus.register("board." + board.id + ".presence", presence -> { });
          joined = true;
          return null;
        });
    }

    private void onChange(JsonObject change) {
      long now = System.nanoTime();
      long rev = change.getLong("rev");
      lastRev = Math.max(lastRev, rev);
      if (hostClientId.equals(change.getString("clientId"))) {
        synchronized (this) {
          arrivals.add(rev);
          arrivals.add(now);
        }
      }
    }

    Future<Void> close() {
      closing = true;
      return bus == null ? Future.succeededFuture() : bus.closeAsync();
    }
  }

  private Map<String, LongAdder> lost() {
    return lost;
  }

  /** Has a seat; every few seconds asks a question or votes on one. A vote sent twice is a 409: counted. */
  private final class Asker {
    private final int index;
    private final Random random;
    private final String clientId;
    private String participantId;
    private String order;
    private long seq;
    private int asked;
    private boolean inFlight;
    private long timer = -1;
    private io.vertx.core.Context context;
    private BusClient bus;
    private volatile boolean closing;

    Asker(int index, Random random) {
      this.index = index;
      this.random = random;
      this.clientId = runId + "-q" + index;
    }

    Future<Void> start() {
      context = vertx.getOrCreateContext();
      io.vertx.core.Promise<Void> ready = io.vertx.core.Promise.promise();
      context.runOnContext(v -> BusClient.open(vertx, config.host(), config.port(), null)
        .compose(opened -> {
          bus = opened;
          bus.onClosed(cause -> {
            if (!closing) {
              count(lost, "asker: " + (cause == null ? "closed by the server" : cause.toString()));
            }
          });
          return bus.request("board.join", new JsonObject().put("boardId", board.id)
            .put("token", board.participantToken).put("clientId", clientId).put("name", "Asker " + index)
            .put("role", "parent"));
        })
        .map(reply -> {
          participantId = reply.getJsonObject("you").getString("participantId");
          latestRev.accumulateAndGet(reply.getLong("rev"), Math::max);
          return (Void) null;
        })
        .onComplete(ready));
      return ready.future();
    }

    void startAsking() {
      context.runOnContext(v -> timer = vertx.setPeriodic(1 + random.nextInt((int) ASK_PERIOD_MILLIS),
        ASK_PERIOD_MILLIS, id -> act()));
    }

    void stopAsking() {
      context.runOnContext(v -> {
        if (timer >= 0) {
          vertx.cancelTimer(timer);
        }
      });
    }

    /** One submit at a time: a question (when none exists yet, or one time in four) or a vote on a random one. */
    private void act() {
      if (inFlight || participantId == null) {
        return;
      }
      Op op;
      String kind;
      if (questions.isEmpty() || random.nextInt(4) == 0) {
        String id = "q" + index + "x" + (++asked);
        order = OrderKey.between(order, null);
        op = new Op.Create(id, "question", Map.of("text", "Question " + asked + " from asker " + index,
          "order", order));
        kind = "question";
      } else {
        String question = questions.get(random.nextInt(questions.size()));
        op = new Op.Create(Questions.voteId(question, participantId), "vote", Map.of("question", question));
        kind = "vote";
      }
      inFlight = true;
      long sent = System.nanoTime();
      bus.request("board.submit", new JsonObject().put("boardId", board.id).put("clientId", clientId)
          .put("seq", ++seq).put("baseRev", latestRev.get()).put("ops", WireJson.toJson(List.of(op))))
        .onComplete(ar -> {
          inFlight = false;
          if (ar.succeeded()) {
            latestRev.accumulateAndGet(ar.result().getLong("rev"), Math::max);
            if ("question".equals(kind)) {
              questions.add(((Op.Create) op).id());
            }
            if (inWindow(sent)) {
              askerAcks.recordValue((System.nanoTime() - sent) / 1000);
            }
            count(askerOutcomes, kind + " ok");
          } else {
            int code = ar.cause() instanceof BusClient.Failure f ? f.code : -1;
            count(askerOutcomes, kind + " " + code);
          }
        });
    }

    Future<Void> close() {
      closing = true;
      return bus == null ? Future.succeededFuture() : bus.closeAsync();
    }
  }

  static String text(JsonObject r) {
    JsonObject c = r.getJsonObject("config");
    JsonObject m = r.getJsonObject("serverMemory");
    StringBuilder out = new StringBuilder("\n=== Aan Tafel load benchmark: webinar ===\n");
    out.append(String.format("1 board, %d listeners (no seat, over %s), %d askers, host typing %.1f edits/s; warm-up %d s, "
        + "measured %d s; load average %s at start, %s at end, %d processors%n",
      c.getInteger("listeners"), c.getString("listenerTransport"), c.getInteger("askers"), c.getDouble("hostEditsPerSecond"),
      c.getInteger("warmupSeconds"), c.getInteger("measureSeconds"), r.getJsonObject("machine").getString("loadAverageAtStart"),
      r.getJsonObject("machine").getString("loadAverageAtEnd"), r.getJsonObject("machine").getInteger("availableProcessors")));
    out.append(String.format("listeners joined: %d in %.1f s (%d at a time)%n", r.getLong("listenersJoined"),
      r.getDouble("joinSeconds"), JOIN_LANES));
    JsonObject d = r.getJsonObject("hostSubmitToEveryListenerMs");
    out.append(BenchReport.latency("host submit -> every listener", d)).append(String.format(
      "   (%d host revisions in the window, %d arrivals missing)%n", d.getLong("hostRevisions"), d.getLong("missedArrivals")));
    out.append(BenchReport.latency("host submit -> ack (durable)  ", r.getJsonObject("hostSubmitToAckMs")));
    out.append(BenchReport.latency("listener join (open+join)     ", r.getJsonObject("joinLatencyMs")));
    out.append(BenchReport.latency("asker submit -> ack           ", r.getJsonObject("askerSubmitToAckMs")));
    out.append("asker submits: ").append(r.getJsonObject("askerSubmits").encode()).append("; questions asked ")
      .append(r.getInteger("questionsAsked")).append('\n');
    out.append(String.format("received per listener: %.0f characters/s of SockJS frames%n",
      r.getDouble("listenerCharsPerSecond")));
    out.append("server memory before listeners: ").append(m.getValue("before")).append('\n');
    out.append("server memory after they joined: ").append(m.getValue("afterListenersJoined")).append('\n');
    out.append(String.format("per listener: RSS %s KiB, heap after full GC %s KiB%n", m.getValue("rssPerListenerKb"),
      m.getValue("heapUsedAfterGcPerListenerKb")));
    out.append("host errors ").append(r.getJsonObject("hostErrors").encode()).append(", host connection lost ")
      .append(r.getJsonObject("hostConnectionLost").encode()).append(", connections lost ")
      .append(r.getJsonObject("connectionsLost").encode()).append('\n');
    out.append("drained: ").append(r.getBoolean("drained")).append("; host goal equals the server's: ")
      .append(r.getBoolean("hostGoalConverged")).append('\n');
    return out.toString();
  }

}
