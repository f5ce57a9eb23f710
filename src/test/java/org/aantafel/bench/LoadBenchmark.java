package org.aantafel.bench;

import io.vertx.core.Future;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Load benchmark: boards × clients real SockJS websocket clients against a running server (a separate process),
 * each typing edits at a fixed rate; reports submit→every-other-screen latency, submit→ack latency and throughput,
 * then checks that every acknowledged edit is in the committed state. Not a test: run it with exec:java (see
 * docs/benchmark.md). It stops by itself; every wait is bounded.
 *
 * <pre>
 *   --url http://localhost:8099     a running server (loopback only)
 *   --spawn target/aantafel.jar     or: start the jar as a child process (--spawn-port, --spawn-data), and after the
 *                                   run kill it with SIGKILL, start it again and check durability once more;
 *                                   --spawn-jvm "-Xms1g -Xmx1g" passes JVM options to that process
 *   --boards 200 --clients 6 --rate 2 --warmup 10 --measure 60 --mode goal|items|webinar|authors|wrong-links
 *   --duration 30m                  the same as --measure, with a unit (s, m, h)
 *   --interval 5m --heap-every 1m --leave-every 5m --away 10s   a soak ({@link SoakOptions})
 *   --seed 42
 *   --flooders 150                  wrong-links mode: sockets joining the meeting's board with a wrong link
 *   --texts 8                       authors mode: the shared texts (the goal and agenda items' notes)
 *   --transport websocket|xhr-streaming   webinar mode: how the listeners connect
 *   --out target/bench-result.json --acked target/bench-acked.json
 *   --verify-only target/bench-acked.json   only check a previous run's acked edits (e.g. after a restart)
 *   --baseline relay [--relay-port N]   with --spawn, goal, items or authors mode: afterwards the identical load
 *                                   against the bare and then the durable relay (RelayServer, child JVMs with the
 *                                   same --spawn-jvm options, port default spawn port + 1) and a table
 *                                   Aan Tafel | bare | ratio | durable | ratio
 *   --hub-instances 1,2 | --nodes 3   with --spawn: the load against a fresh server of each shape, side by side
 *                                   ({@link ScaleOptions})
 * </pre>
 */
public final class LoadBenchmark {
  private static final int SETUP_LANES = 32;
  private static final long DRAIN_SECONDS = 30;
  private static final long CRASH_TYPING_SECONDS = 5;

  private final BenchConfig config;
  private final Vertx vertx;
  private final int port;
  /** The HTTP ports of the spawned nodes of --nodes (board b is created on node b % n, client c joins node c % n). */
  private final List<Integer> nodePorts;
  private final boolean relay;
  private final BenchHttp http;
  private final List<BenchHttp> nodeHttp;
  private final Metrics metrics;
  private final List<BenchBoard> boards = new ArrayList<>();
  private final List<BenchClient> clients = new ArrayList<>();
  private JsonObject result;

  private LoadBenchmark(BenchConfig config, Vertx vertx, int port, boolean relay) {
    this(config, vertx, List.of(port), relay);
  }

  /** Against servers the caller started: one, or the nodes of a cluster. */
  LoadBenchmark(BenchConfig config, Vertx vertx, List<Integer> nodePorts, boolean relay) {
    this.config = config;
    this.vertx = vertx;
    this.port = nodePorts.get(0);
    this.nodePorts = List.copyOf(nodePorts);
    this.relay = relay;
    this.nodeHttp = nodePorts.stream().map(p -> new BenchHttp(vertx, config.host(), p)).toList();
    this.http = nodeHttp.get(0);
    this.metrics = new Metrics(config.clientsPerBoard());
  }

  public static void main(String[] args) throws Exception {
    BenchConfig config = BenchConfig.parse(args);
    Vertx vertx = Vertx.vertx();
    if (config.scale().requested()) {
      int exit = 1;
      try {
        exit = ScaleComparison.run(config, vertx);
      } finally {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      }
      System.exit(exit);
    }
    ServerProcess server = config.spawnJar() == null ? null
      : new ServerProcess(config.spawnJar(), config.port(), config.spawnDataDir(), config.spawnJvm(),
        Path.of("target/bench-server.log"), serverEnv(config));
    int exit = 1;
    try {
      if (server != null) {
        server.start();
      }
      LoadBenchmark bench = new LoadBenchmark(config, vertx, config.port(), false);
      bench.awaitHealthy(server);
      exit = config.verifyOnly() != null ? bench.verifyOnly()
        : config.mode() == BenchConfig.Mode.WEBINAR ? new WebinarBenchmark(config, vertx, bench.http).run(server)
        : config.mode() == BenchConfig.Mode.WRONG_LINKS ? new WrongLinkFloodBenchmark(config, vertx, bench.http).run()
        : bench.run(server);
      if (config.baseline() == BenchConfig.Baseline.RELAY) {
        // One at a time: the server is stopped before the relay starts, so neither takes CPU from the other's run.
        server.stop();
        bench.http.close();
        exit = Math.max(exit, againstRelay(config, vertx, bench.result));
      }
    } finally {
      if (server != null) {
        server.stop();
      }
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
    System.exit(exit);
  }

  /** Authors mode seats every client at one board: more people with a name than a board has seats by default. */
  private static java.util.Map<String, String> serverEnv(BenchConfig config) {
    return config.mode() == BenchConfig.Mode.AUTHORS
      ? java.util.Map.of("AANTAFEL_SEATS_PER_BOARD", Integer.toString(config.clientsPerBoard()))
      : java.util.Map.of();
  }

  /**
   * --baseline relay: the identical load against the bare relay and then against the durable relay
   * ({@link RelayServer}, each in a child JVM, one after the other), then all three side by side.
   */
  private static int againstRelay(BenchConfig config, Vertx vertx, JsonObject aanTafel) throws Exception {
    JsonObject bare = relayRun(config, vertx, null);
    Path durableLog = config.spawnDataDir().resolve("durable-relay.log");
    Files.createDirectories(config.spawnDataDir());
    JsonObject durable = relayRun(config, vertx, durableLog);
    Files.deleteIfExists(durableLog);
    JsonObject all = new JsonObject().put("aanTafel", aanTafel).put("relay", bare).put("durableRelay", durable);
    Path out = resultFileWith(config.resultFile(), "-vs-relay");
    Files.writeString(out, all.encodePrettily());
    System.out.println(BenchReport.againstRelay(aanTafel, bare, durable));
    System.out.println("written to " + out);
    return 0;
  }

  /** One relay's run: the bare relay for {@code durableLog} null, else the durable relay writing that file. */
  private static JsonObject relayRun(BenchConfig config, Vertx vertx, Path durableLog) throws Exception {
    ServerProcess relayProcess = ServerProcess.relay(config.relayPort(), config.spawnJvm(), durableLog);
    try {
      log("baseline: the same load against the " + (durableLog == null ? "bare relay" : "durable relay (group-"
        + "committed fdatasync to " + durableLog + ")") + " on port " + config.relayPort());
      relayProcess.start();
      LoadBenchmark bench = new LoadBenchmark(config, vertx, config.relayPort(), true);
      bench.awaitHealthy(relayProcess);
      JsonObject relay = bench.measureRelay(durableLog != null);
      bench.close();
      System.out.println(BenchReport.text(relay));
      return relay;
    } finally {
      relayProcess.stop();
    }
  }

  /** Next to the result file, e.g. target/bench-result-vs-relay.json. */
  static Path resultFileWith(Path resultFile, String suffix) {
    String name = resultFile.getFileName().toString();
    return resultFile.resolveSibling(name.replaceFirst("(\\.json)?$", suffix + ".json"));
  }

  void awaitHealthy(ServerProcess server) throws InterruptedException {
    awaitHealthy(server, http, port);
  }

  /** Every node's /health, in the order of the ports given. */
  void awaitEveryNode(List<ServerProcess> nodes) throws InterruptedException {
    for (int i = 0; i < nodes.size(); i++) {
      awaitHealthy(nodes.get(i), nodeHttp.get(i), nodePorts.get(i));
    }
  }

  private void awaitHealthy(ServerProcess server, BenchHttp http, int port) throws InterruptedException {
    try {
      Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
        if (server != null && !server.alive()) {
          throw new IllegalStateException("the server process ended; see " + server.log());
        }
        try {
          return Boolean.TRUE.equals(await(http.healthy(), 10));
        } catch (IllegalStateException slow) {
          // A server still starting on a busy machine may take longer than that to answer: ask again.
          return false;
        }
      });
      return;
    } catch (ConditionTimeoutException e) {
      // reported below
    }
    throw new IllegalStateException("no healthy server at " + config.host() + ":" + port);
  }

  private int verifyOnly() throws Exception {
    JsonArray list = new JsonArray(Files.readString(config.verifyOnly()));
    List<DurabilityCheck.Expectation> expectations = new ArrayList<>();
    list.forEach(o -> expectations.add(DurabilityCheck.Expectation.fromJson((JsonObject) o)));
    JsonObject result = await(DurabilityCheck.run(http, expectations), 300);
    System.out.println("durability check of " + config.verifyOnly() + ": " + result.encodePrettily());
    return result.getBoolean("ok") ? 0 : 2;
  }

  /** The load, then convergence and durability; with a server given, also its SIGKILL + restart check. */
  int run(ServerProcess server) throws Exception {
    connect();
    Measured measured = typeAndMeasure(server);
    String loadAverage = measured.loadAverage();
    boolean drained = measured.drained();
    int undelivered = measured.undelivered();
    JsonObject report = measured.report();
    log("checking convergence and durability");
    JsonObject convergence = convergence();
    List<DurabilityCheck.Expectation> expectations = expectations();
    JsonArray ackedJson = new JsonArray();
    expectations.forEach(e -> ackedJson.add(e.toJson()));
    Files.createDirectories(config.ackedFile().toAbsolutePath().getParent());
    Files.writeString(config.ackedFile(), ackedJson.encode());
    JsonObject durable = await(DurabilityCheck.run(http, expectations), 300);
    JsonObject afterRestart = server == null ? null : crashCheck(server);
    await(Future.join(clients.stream().map(BenchClient::close).toList()).otherwiseEmpty(), 60);

    double p99 = report.getJsonObject("deliveryLatencyMs").getDouble("p99");
    int targetMs = config.mode() == BenchConfig.Mode.AUTHORS ? 100 : 50;
    boolean errorsFree = report.getJsonObject("errorsByCode").isEmpty()
      && report.getJsonObject("connectionsLost").isEmpty();
    boolean durableOk = durable.getBoolean("ok") && (afterRestart == null || afterRestart.getBoolean("ok"));
    JsonObject result = new JsonObject()
      .put("finishedAt", Instant.now().toString())
      .put("config", configJson(server != null))
      .put("machine", machineJson(loadAverage))
      .put("results", report.put("drained", drained).put("undeliveredAfterDrain", undelivered))
      .put("serverHeap", measured.heap())
      .put("convergence", convergence)
      .put("durabilityReadBack", durable)
      .put("durabilityAfterKillAndRestart", afterRestart)
      .put("target", new JsonObject().put("p99DeliveryMs", targetMs).put("met", p99 <= targetMs && errorsFree && drained
        && durableOk && convergence.getBoolean("ok")));
    this.result = result;
    Files.createDirectories(config.resultFile().toAbsolutePath().getParent());
    Files.writeString(config.resultFile(), result.encodePrettily());
    System.out.println(BenchReport.text(result));
    System.out.println("written to " + config.resultFile() + "; acked edits in " + config.ackedFile());
    return durableOk && convergence.getBoolean("ok") ? 0 : 2;
  }

  /** What the last {@link #run} wrote to the result file. */
  JsonObject result() {
    return result;
  }

  void close() {
    nodeHttp.forEach(BenchHttp::close);
  }

  /** Creates the boards and connects and joins every client. */
  private void connect() {
    String runId = UUID.randomUUID().toString().substring(0, 8);
    log("creating " + config.boards() + " boards");
    boards.addAll(inLanes(config.boards(), b -> nodeHttp.get(b % nodeHttp.size()).createBoard(b)));
    log("connecting " + config.boards() * config.clientsPerBoard() + " websocket clients");
    for (BenchBoard board : boards) {
      for (int c = 0; c < config.clientsPerBoard(); c++) {
        BenchClient client = new BenchClient(vertx, board, c, runId, metrics,
          TextAssignment.of(config.mode(), c, config.texts()), config.seed() * 1_000_003L + board.index * 31L + c);
        client.keepingAtMost(config.markersKept());
        clients.add(!relay ? client : config.mode() == BenchConfig.Mode.AUTHORS
          ? client.seededAgainstRelay(TextAssignment.sharedItems(config.texts())) : client.againstRelay());
      }
    }
    inLanes(clients.size(), i -> clients.get(i).start(config.host(),
      nodePorts.get(i % config.clientsPerBoard() % nodePorts.size())));
  }

  /**
   * The relay's run: the same boards, clients, rate, warm-up and window; no convergence or durability checks, since
   * the relay neither transforms (the texts differ) nor stores.
   */
  private JsonObject measureRelay(boolean durable) throws InterruptedException {
    connect();
    Measured measured = typeAndMeasure(null);
    await(Future.join(clients.stream().map(BenchClient::close).toList()).otherwiseEmpty(), 60);
    String skipped = "not checked against the relay: it does not transform (the texts differ)"
      + (durable ? "; it stores every change in its log but is never read back" : " and stores nothing");
    return new JsonObject()
      .put("finishedAt", Instant.now().toString())
      .put("config", configJson(true).put("target", durable ? "durable relay" : "relay"))
      .put("machine", machineJson(measured.loadAverage()))
      .put("results", measured.report().put("drained", measured.drained())
        .put("undeliveredAfterDrain", measured.undelivered()))
      .put("skipped", skipped);
  }

  private record Measured(String loadAverage, boolean drained, int undelivered, JsonObject report, JsonObject heap) {}

  /**
   * Warm-up, the measurement window, then the drain; the metrics of the window. {@code server}: the process whose
   * heap is sampled (--heap-every), or null.
   */
  private Measured typeAndMeasure(ServerProcess server) throws InterruptedException {
    long measureStart = System.nanoTime() + TimeUnit.SECONDS.toNanos(config.warmupSeconds());
    long measureEnd = measureStart + TimeUnit.SECONDS.toNanos(config.measureSeconds());
    metrics.openWindow(measureStart, measureEnd);
    log("typing" + (relay ? " against the relay" : "") + ": warm-up " + config.warmupSeconds()
      + " s, then measuring " + config.measureSeconds() + " s"
      + (config.markersKept() > 0 ? "; each client keeps at most " + config.markersKept() + " of its markers in its"
        + " text, deleting its oldest as it types" : ""));
    clients.forEach(c -> c.startTyping(config.editsPerSecond()));
    Churn churn = new Churn(vertx, config.soak(), clients);
    churn.start();
    // The measurement window is a span of time by design: typing runs until it ends.
    HeapSamples heap = new WindowWatch(metrics, config.soak(), server).watch(measureStart, measureEnd);
    clients.forEach(BenchClient::stopTyping);
    await(churn.stop(), 300);
    String loadAverage = String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    boolean drained = drain();
    int undelivered = metrics.undelivered();
    JsonObject report = metrics.report(config.measureSeconds());
    if (!drained) {
      JsonArray stuck = new JsonArray();
      await(Future.all(clients.stream().map(BenchClient::pending).toList()), 30).<String>list().stream()
        .filter(java.util.Objects::nonNull).limit(10).forEach(stuck::add);
      report.put("notSettledExamples", stuck);
    }
    return new Measured(loadAverage, drained, undelivered, report, heap.toJson());
  }

  private JsonObject configJson(boolean spawned) {
    return new JsonObject().put("url", "http://" + config.host() + ":" + port)
      .put("spawned", spawned).put("boards", config.boards()).put("clientsPerBoard", config.clientsPerBoard())
      .put("connections", clients.size()).put("editsPerSecondPerClient", config.editsPerSecond())
      .put("warmupSeconds", config.warmupSeconds()).put("measureSeconds", config.measureSeconds())
      .put("mode", config.mode().name().toLowerCase()).put("seed", config.seed())
      .put("jvmOptions", String.join(" ", config.spawnJvm()));
  }

  private static JsonObject machineJson(String loadAverage) {
    return new JsonObject().put("availableProcessors", Runtime.getRuntime().availableProcessors())
      .put("loadAverageAtEnd", loadAverage).put("java", System.getProperty("java.version"));
  }

  /**
   * Durable before ack, tested the hard way: everyone types again, the server is killed with SIGKILL while submits
   * are in flight, and after a restart every edit acknowledged before the kill must be there.
   */
  private JsonObject crashCheck(ServerProcess server) throws Exception {
    log("crash check: typing again for " + CRASH_TYPING_SECONDS + " s, then SIGKILL of the server mid-typing");
    clients.forEach(c -> c.startTyping(config.editsPerSecond()));
    await(vertx.timer(TimeUnit.SECONDS.toMillis(CRASH_TYPING_SECONDS)), 600);
    server.kill();
    await(Future.all(clients.stream().map(BenchClient::halt).toList()), 60);
    long unacked = await(Future.all(clients.stream().map(BenchClient::unackedEdits).toList()), 60)
      .<Integer>list().stream().mapToLong(Integer::longValue).sum();
    List<DurabilityCheck.Expectation> expectations = expectations();
    log("killed with " + unacked + " typed edits not yet acknowledged; restarting and checking every acked edit");
    server.start();
    awaitHealthy(server);
    return await(DurabilityCheck.run(http, expectations), 300).put("unackedEditsAtKill", unacked);
  }

  /** Waits until every client has its last edit acknowledged and every screen has every change, or 30 s. */
  private boolean drain() {
    try {
      Awaitility.await().atMost(Duration.ofSeconds(DRAIN_SECONDS)).pollInterval(Duration.ofMillis(200))
        .until(() -> metrics.undelivered() == 0 && allSettled());
      return true;
    } catch (ConditionTimeoutException e) {
      return false;
    }
  }

  /** False also when the clients are too busy to answer within 30 s, as on an overloaded machine. */
  private boolean allSettled() {
    try {
      return await(Future.all(clients.stream().map(BenchClient::settled).toList()), 30)
        .<Boolean>list().stream().allMatch(b -> b);
    } catch (IllegalStateException e) {
      return false;
    }
  }

  /**
   * Every client shows every typed text of its board (its own and the others') as the server committed it; so all
   * clients of a board also show the same.
   */
  private JsonObject convergence() {
    long mismatched = 0;
    long compared = 0;
    JsonArray examples = new JsonArray();
    for (BenchBoard board : boards) {
      JsonObject state = await(http.state(board.id, board.facilitatorToken), 30).getJsonObject("state");
      List<BenchClient> atBoard = clients.subList(board.index * config.clientsPerBoard(),
        (board.index + 1) * config.clientsPerBoard());
      java.util.Set<List<String>> texts = new java.util.LinkedHashSet<>();
      atBoard.forEach(c -> texts.add(List.of(c.entityId(), c.field())));
      for (List<String> text : texts) {
        JsonObject entity = "board".equals(text.get(0)) ? state.getJsonObject("board")
          : state.getJsonObject("entities").getJsonObject(text.get(0));
        String server = entity == null ? "" : entity.getString(text.get(1), "");
        List<String> shown;
        try {
          // Generous: a client still working through a backlog answers only when its event loop gets to it.
          shown = await(Future.all(atBoard.stream().map(c -> c.text(text.get(0), text.get(1))).toList()), 300).list();
        } catch (IllegalStateException e) {
          return new JsonObject().put("clientsChecked", 0).put("ok", false)
            .put("examples", new JsonArray().add("the clients did not answer within 300 s: " + e.getMessage()));
        }
        for (int i = 0; i < shown.size(); i++) {
          compared++;
          if (!server.equals(shown.get(i))) {
            mismatched++;
            if (examples.size() < 5) {
              examples.add(atBoard.get(i).clientId + " " + String.join(".", text) + ": local " + shown.get(i).length()
                + " chars, server " + server.length());
            }
          }
        }
      }
    }
    return new JsonObject().put("clientsChecked", clients.size()).put("textsCompared", compared)
      .put("mismatched", mismatched).put("examples", examples).put("ok", mismatched == 0);
  }

  private List<DurabilityCheck.Expectation> expectations() {
    // All at once and with time to spare: after an overloaded run the clients' event loops are still catching up.
    return await(Future.all(clients.stream().map(BenchClient::expectation).toList()), 300).list();
  }

  private static <T> List<T> inLanes(int n, IntFunction<Future<T>> step) {
    return inLanes(n, SETUP_LANES, step);
  }

  /** Runs n asynchronous steps, at most {@code width} at a time, and returns their results in order. */
  static <T> List<T> inLanes(int n, int width, IntFunction<Future<T>> step) {
    List<T> results = new ArrayList<>(java.util.Collections.nCopies(n, null));
    List<Future<Void>> lanes = new ArrayList<>();
    for (int lane = 0; lane < width; lane++) {
      Future<Void> chain = Future.succeededFuture();
      for (int i = lane; i < n; i += width) {
        int index = i;
        chain = chain.compose(v -> step.apply(index).map(r -> {
          synchronized (results) {
            results.set(index, r);
          }
          return (Void) null;
        }));
      }
      lanes.add(chain);
    }
    await(Future.all(lanes), 900);
    return results;
  }

  static <T> T await(Future<T> future, long seconds) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static void log(String message) {
    System.out.println("[bench " + Instant.now() + "] " + message);
  }
}
