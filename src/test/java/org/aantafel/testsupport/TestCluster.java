package org.aantafel.testsupport;

import com.hazelcast.config.Config;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.aantafel.ClusterNode;
import org.aantafel.ClusterSettings;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Aan Tafel nodes of one Hazelcast cluster on 127.0.0.1, sharing one fresh database of the test PostgreSQL: each node
 * in this JVM has a Vert.x and a Hazelcast of its own, exactly as {@link org.aantafel.Main} builds them, or runs as
 * Main in a JVM of its own ({@link #startServingProcessNode}), which a test can kill with SIGKILL. The cluster's name is
 * unique, so test runs never join each other.
 */
public final class TestCluster implements AutoCloseable {
  /** A node in this JVM. */
  public record Node(Vertx vertx, TestServer server) {}

  /** Kept, so the level set on it is not lost when the logger is collected: Hazelcast's INFO lines drown the tests'. */
  private static final java.util.logging.Logger HAZELCAST_LOG = java.util.logging.Logger.getLogger("com.hazelcast");

  static {
    HAZELCAST_LOG.setLevel(java.util.logging.Level.WARNING);
    // Hazelcast waits five seconds before joining, for members starting at the same time; in a test they are up.
    System.setProperty("hazelcast.wait.seconds.before.join", "0");
  }

  public final String dbUrl = TestDatabase.freshUrl();
  private final String name = "aantafel-test-" + UUID.randomUUID();
  private final List<Integer> hazelcastPorts;
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private final List<Node> nodes = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final List<MainProcess> processes = new ArrayList<>();

  private TestCluster(List<Integer> hazelcastPorts) {
    this.hazelcastPorts = new ArrayList<>(hazelcastPorts);
  }

  /** Room for {@code size} nodes; none is started yet. */
  public static TestCluster of(int size) {
    return new TestCluster(IntStream.range(0, size).mapToObj(i -> freePort()).toList());
  }

  /** Starts nodes at once, as they join each other anyway. */
  public List<Node> startNodes(int... indexes) {
    List<java.util.concurrent.CompletableFuture<Node>> starting = java.util.Arrays.stream(indexes)
      .mapToObj(i -> java.util.concurrent.CompletableFuture.supplyAsync(() -> startNode(i))).toList();
    return starting.stream().map(java.util.concurrent.CompletableFuture::join).toList();
  }

  public Node startNode(int index) {
    Vertx vertx = BusClient.await(ClusterNode.start(settings(index), TestCluster::onLoopback));
    Node node = new Node(vertx, TestServer.start(vertx, new JsonObject().put("dbUrl", dbUrl)));
    nodes.add(node);
    return node;
  }

  /** A node started as Main in a JVM of its own, and the HTTP port it serves on. */
  public record ProcessNode(MainProcess process, int httpPort) {}

  /**
   * Main in its own JVM as cluster node {@code index}, once it serves HTTP. Its ports are picked free just before it
   * starts, but another socket of this busy machine may take one before the child binds it (a JVM takes seconds to
   * get there): a child that exits before it serves is started again on fresh ports, and one that neither serves nor
   * exits fails the test with what it logged.
   */
  public ProcessNode startServingProcessNode(int index, Path dir) throws IOException, InterruptedException {
    List<String> failures = new ArrayList<>();
    for (int attempt = 1; attempt <= 3; attempt++) {
      if (attempt > 1) {
        hazelcastPorts.set(index, freePort());
      }
      int httpPort = freePort();
      Path log = dir.resolve("node-" + index + "-" + attempt + ".log");
      MainProcess process = startProcessNode(index, httpPort, dir, log);
      try {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
          .until(() -> !process.alive() || serves(httpPort));
      } catch (ConditionTimeoutException e) {
        throw new AssertionError("cluster node " + index + " neither served nor exited within 60 s; it logged:\n"
          + tail(process));
      }
      if (process.alive()) {
        return new ProcessNode(process, httpPort);
      }
      failures.add("attempt " + attempt + " exited:\n" + tail(process));
    }
    throw new AssertionError("cluster node " + index + " did not start:\n" + String.join("\n", failures));
  }

  private MainProcess startProcessNode(int index, int httpPort, Path dir, Path log) throws IOException {
    ClusterSettings settings = settings(index);
    MainProcess process = MainProcess.start(dir.resolve("data-" + index), httpPort, log,
      Map.of("AANTAFEL_CLUSTER", "true", "AANTAFEL_CLUSTER_HOST", settings.host(),
        "AANTAFEL_CLUSTER_MEMBERS", String.join(",", settings.members()),
        "AANTAFEL_CLUSTER_PORT", Integer.toString(settings.port()), "AANTAFEL_CLUSTER_BUS_PORT", "0",
        "AANTAFEL_CLUSTER_NAME", name, "AANTAFEL_DB_URL", dbUrl));
    processes.add(process);
    return process;
  }

  private static boolean serves(int httpPort) {
    try {
      HttpResponse<Void> health = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort
        + "/health")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
      return health.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String tail(MainProcess process) throws IOException {
    List<String> lines = process.output();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  /** Stops a node in this JVM as an operator does: it hands its boards over and leaves the cluster. */
  public void stopNode(Node node) {
    node.server().stop();
    BusClient.await(node.vertx().close());
    nodes.remove(node);
  }

  /**
   * Nodes started together each ask the listed members for a master for connection-timeout-seconds (5 by default)
   * before the one chosen to found the cluster claims it; on loopback a member that is up answers within
   * milliseconds.
   */
  private static void onLoopback(Config config) {
    config.getNetworkConfig().getJoin().getTcpIpConfig().setConnectionTimeoutSeconds(1);
  }

  private ClusterSettings settings(int index) {
    return new ClusterSettings(true, "127.0.0.1", hazelcastPorts.stream().map(p -> "127.0.0.1:" + p).toList(),
      hazelcastPorts.get(index), 0, name);
  }

  @Override
  public void close() throws InterruptedException {
    for (MainProcess process : processes) {
      process.kill();
    }
    for (Node node : List.copyOf(nodes)) {
      stopNode(node);
    }
  }

  private static int freePort() {
    try {
      return MainProcess.freePort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
