package org.aantafel.testsupport;

import com.hazelcast.config.Config;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.aantafel.ClusterNode;
import org.aantafel.ClusterSettings;

import java.io.IOException;
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

  /** What Hazelcast logs when its port is taken; it never binds another, as auto-increment is off. */
  private static final String HAZELCAST_PORT_TAKEN = "is already in use and auto-increment is disabled";

  static {
    HAZELCAST_LOG.setLevel(java.util.logging.Level.WARNING);
    // Hazelcast waits five seconds before joining, for members starting at the same time; in a test they are up.
    System.setProperty("hazelcast.wait.seconds.before.join", "0");
  }

  public final String dbUrl = TestDatabase.freshUrl();
  private final String name = "aantafel-test-" + UUID.randomUUID();
  private final List<Integer> hazelcastPorts;
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
   * Main in its own JVM as cluster node {@code index}, once it serves HTTP. Its HTTP port is the one the system gives
   * it as it binds; Hazelcast's port must be named beforehand, so it is picked free just before the child starts, and
   * the child starts again on a fresh one in the rare case another socket of this machine took it meanwhile. Any
   * other failure to start fails the test at once with what the child logged.
   */
  public ProcessNode startServingProcessNode(int index, Path dir) throws IOException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      hazelcastPorts.set(index, freePort());
      MainProcess process = startProcessNode(index, dir, dir.resolve("node-" + index + "-" + attempt + ".log"));
      try {
        return new ProcessNode(process, process.awaitServing(Duration.ofSeconds(60)));
      } catch (MainProcess.Exited exited) {
        if (attempt == 3 || !exited.getMessage().contains(HAZELCAST_PORT_TAKEN)) {
          throw exited;
        }
      }
    }
  }

  private MainProcess startProcessNode(int index, Path dir, Path log) throws IOException {
    ClusterSettings settings = settings(index);
    MainProcess process = MainProcess.start(dir.resolve("data-" + index), 0, log,
      Map.of("AANTAFEL_CLUSTER", "true", "AANTAFEL_CLUSTER_HOST", settings.host(),
        "AANTAFEL_CLUSTER_MEMBERS", String.join(",", settings.members()),
        "AANTAFEL_CLUSTER_PORT", Integer.toString(settings.port()), "AANTAFEL_CLUSTER_BUS_PORT", "0",
        "AANTAFEL_CLUSTER_NAME", name, "AANTAFEL_DB_URL", dbUrl));
    processes.add(process);
    return process;
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
