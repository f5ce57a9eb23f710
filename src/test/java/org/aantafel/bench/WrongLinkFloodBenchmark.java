package org.aantafel.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import org.aantafel.testsupport.BusClient;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import static org.aantafel.bench.LoadBenchmark.await;
import static org.aantafel.bench.LoadBenchmark.inLanes;
import static org.aantafel.bench.LoadBenchmark.log;

/**
 * {@code --mode wrong-links} (issue 17, point 9): one meeting, --clients people typing into its goal at --rate, is
 * measured twice in one run: first quiet, then while --flooders sockets (default 150) keep sending joins with a
 * wrong link for its board id, each sending the next as soon as the last is answered. The flooders connect from
 * another loopback address (127.0.0.2) than the meeting's people, as an attacker elsewhere on the internet would.
 * Prints the edit latency (submit to acknowledgement) and the delivery latency (submit to every other screen) of
 * both windows side by side, and what the flood's joins were answered; target: the flooded p99 within 2× the quiet.
 */
final class WrongLinkFloodBenchmark {
  static final String FLOOD_ADDRESS = "127.0.0.2";
  private static final long DRAIN_SECONDS = 15;

  private final BenchConfig config;
  private final Vertx vertx;
  private final BenchHttp http;
  private final Map<Integer, LongAdder> floodAnswers = new ConcurrentHashMap<>();
  private volatile boolean flooding;

  WrongLinkFloodBenchmark(BenchConfig config, Vertx vertx, BenchHttp http) {
    this.config = config;
    this.vertx = vertx;
    this.http = http;
  }

  int run() throws Exception {
    BenchBoard board = await(http.createBoard(0), 30);
    Metrics metrics = new Metrics(config.clientsPerBoard());
    String runId = UUID.randomUUID().toString().substring(0, 8);
    List<BenchClient> people = new ArrayList<>();
    for (int c = 0; c < config.clientsPerBoard(); c++) {
      people.add(new BenchClient(vertx, board, c, runId, metrics, TextAssignment.of(BenchConfig.Mode.GOAL, c, 1),
        config.seed() * 1_000_003L + c));
    }
    log("the meeting: " + people.size() + " people at one board");
    inLanes(people.size(), 8, i -> people.get(i).start(config.host(), config.port()));
    JsonObject quiet = window(metrics, people, "quiet");

    log("the flood: " + config.flooders() + " sockets from " + FLOOD_ADDRESS + " joining with a wrong link");
    // Event loops of their own, so that the flood does not delay the meeting's clients in this JVM: what is measured
    // is the server's answer, not a queue in the benchmark.
    Vertx floodVertx = Vertx.vertx();
    List<BusClient> flooders = inLanes(config.flooders(), 32, i -> BusClient.open(floodVertx,
      new WebSocketClientOptions().setLocalAddress(FLOOD_ADDRESS), config.host(), config.port(), null));
    flooding = true;
    flooders.forEach(flooder -> floodVertx.runOnContext(v -> floodFrom(flooder, board)));
    JsonObject flooded = window(metrics, people, "flooded");
    flooding = false;
    await(Future.join(flooders.stream().map(BusClient::closeAsync).toList()).otherwiseEmpty(), 60);
    await(floodVertx.close(), 60);
    await(Future.join(people.stream().map(BenchClient::close).toList()).otherwiseEmpty(), 60);

    JsonObject answers = new JsonObject();
    new TreeMap<>(floodAnswers).forEach((code, n) -> answers.put(code.toString(), n.sum()));
    double quietP99 = quiet.getJsonObject("ackLatencyMs").getDouble("p99");
    double floodedP99 = flooded.getJsonObject("ackLatencyMs").getDouble("p99");
    JsonObject result = new JsonObject()
      .put("finishedAt", Instant.now().toString())
      .put("config", new JsonObject().put("mode", "wrong-links").put("clients", config.clientsPerBoard())
        .put("editsPerSecondPerClient", config.editsPerSecond()).put("flooders", config.flooders())
        .put("warmupSeconds", config.warmupSeconds()).put("measureSeconds", config.measureSeconds()))
      .put("quiet", quiet)
      .put("flooded", flooded)
      .put("floodJoinsAnsweredByCode", answers)
      .put("target", new JsonObject().put("floodedAckP99WithinTimesQuiet", 2)
        .put("ratio", quietP99 > 0 ? Metrics.round(floodedP99 / quietP99) : null)
        .put("met", floodedP99 <= 2 * Math.max(quietP99, 1)));
    Files.createDirectories(config.resultFile().toAbsolutePath().getParent());
    Files.writeString(config.resultFile(), result.encodePrettily());
    System.out.println(text(result));
    System.out.println("written to " + config.resultFile());
    return 0;
  }

  /** Warm-up, then the measurement window with everyone typing, then a short drain; the window's report. */
  private JsonObject window(Metrics metrics, List<BenchClient> people, String name) throws InterruptedException {
    long start = System.nanoTime() + TimeUnit.SECONDS.toNanos(config.warmupSeconds());
    long end = start + TimeUnit.SECONDS.toNanos(config.measureSeconds());
    metrics.openWindow(start, end);
    log(name + ": warm-up " + config.warmupSeconds() + " s, then measuring " + config.measureSeconds() + " s");
    people.forEach(p -> p.startTyping(config.editsPerSecond()));
    // The window is a span of time by design: typing runs until it ends.
    WindowWatch.sleepUntil(end);
    people.forEach(BenchClient::stopTyping);
    try {
      Awaitility.await().atMost(Duration.ofSeconds(DRAIN_SECONDS)).pollInterval(Duration.ofMillis(200))
        .until(() -> metrics.undelivered() == 0);
    } catch (ConditionTimeoutException e) {
      log(name + ": " + metrics.undelivered() + " edits not on every screen after " + DRAIN_SECONDS + " s");
    }
    return metrics.report(config.measureSeconds());
  }

  /** One join after the other, each with a wrong link, for as long as the flood lasts. */
  private void floodFrom(BusClient flooder, BenchBoard board) {
    if (!flooding || flooder.isClosed()) {
      return;
    }
    JsonObject join = new JsonObject().put("boardId", board.id).put("token", "wrong-" + UUID.randomUUID())
      .put("clientId", "flood-" + UUID.randomUUID().toString().substring(0, 8));
    flooder.request("board.join", join).onComplete(answer -> {
      int code = answer.succeeded() ? 0 : answer.cause() instanceof BusClient.Failure f ? f.code : -1;
      floodAnswers.computeIfAbsent(code, c -> new LongAdder()).increment();
      floodFrom(flooder, board);
    });
  }

  static String text(JsonObject result) {
    JsonObject quiet = result.getJsonObject("quiet");
    JsonObject flooded = result.getJsonObject("flooded");
    StringBuilder out = new StringBuilder("\nwrong-link flood: one meeting, quiet and flooded, in one run\n");
    out.append(String.format("%-28s %12s %12s%n", "", "quiet", "flooded"));
    for (String figure : List.of("ackLatencyMs", "deliveryLatencyMs")) {
      for (String p : List.of("p50", "p99")) {
        out.append(String.format("%-28s %12s %12s%n", figure + " " + p,
          quiet.getJsonObject(figure).getValue(p), flooded.getJsonObject(figure).getValue(p)));
      }
    }
    out.append(String.format("%-28s %12s %12s%n", "edits acknowledged", quiet.getJsonObject("ackLatencyMs")
      .getValue("count"), flooded.getJsonObject("ackLatencyMs").getValue("count")));
    out.append("errors (quiet / flooded): ").append(quiet.getJsonObject("errorsByCode").encode()).append(" / ")
      .append(flooded.getJsonObject("errorsByCode").encode()).append('\n');
    out.append("the flood's joins answered, by code (0 = joined): ")
      .append(result.getJsonObject("floodJoinsAnsweredByCode").encode()).append('\n');
    out.append("target: flooded edit p99 within 2x quiet: ").append(result.getJsonObject("target").encode());
    return out.toString();
  }
}
