package org.aantafel.bench;

import org.aantafel.testsupport.MainProcess;
import org.aantafel.testsupport.TestDatabase;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The servers of one side of {@code --nodes}: one node, or a Hazelcast cluster of several on 127.0.0.1, each the jar
 * in its own JVM on HTTP port spawn port + i. Both sides use a fresh database of the embedded PostgreSQL that this
 * JVM runs ({@link TestDatabase}), since a cluster node refuses the embedded database of a node, and the one-node
 * side should pay the same database as the cluster. The single node runs without Hazelcast, as a school runs it.
 */
final class SpawnedNodes implements AutoCloseable {
  private static final Duration JOIN_PATIENCE = Duration.ofSeconds(90);

  private final List<ServerProcess> processes;
  private final List<Integer> ports;
  private final List<Path> logs;

  private SpawnedNodes(List<ServerProcess> processes, List<Integer> ports, List<Path> logs) {
    this.processes = processes;
    this.ports = ports;
    this.logs = logs;
  }

  static SpawnedNodes start(BenchConfig config, int count) throws IOException, InterruptedException {
    String dbUrl = TestDatabase.freshUrl();
    // Unique, so a benchmark's nodes never join another run's or a test's cluster on this machine.
    String name = "aantafel-bench-" + UUID.randomUUID();
    List<Integer> hazelcastPorts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      hazelcastPorts.add(MainProcess.freePort());
    }
    String members = String.join(",", hazelcastPorts.stream().map(p -> "127.0.0.1:" + p).toList());
    List<ServerProcess> processes = new ArrayList<>();
    List<Integer> ports = new ArrayList<>();
    List<Path> logs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Map<String, String> settings = new HashMap<>(Map.of("AANTAFEL_DB_URL", dbUrl));
      if (count > 1) {
        settings.putAll(Map.of("AANTAFEL_CLUSTER", "true", "AANTAFEL_CLUSTER_HOST", "127.0.0.1",
          "AANTAFEL_CLUSTER_MEMBERS", members, "AANTAFEL_CLUSTER_PORT", Integer.toString(hazelcastPorts.get(i)),
          "AANTAFEL_CLUSTER_BUS_PORT", "0", "AANTAFEL_CLUSTER_NAME", name));
      }
      Path log = Path.of("target", "bench-node-" + (i + 1) + "-of-" + count + ".log");
      // The join check below reads the log, so it must hold only this start.
      Files.deleteIfExists(log);
      int port = config.port() + i;
      processes.add(new ServerProcess(config.spawnJar(), port, config.spawnDataDir().resolve("node-" + i),
        config.spawnJvm(), log, settings));
      ports.add(port);
      logs.add(log);
    }
    SpawnedNodes nodes = new SpawnedNodes(processes, ports, logs);
    try {
      for (ServerProcess process : processes) {
        process.start();
      }
    } catch (IOException | RuntimeException e) {
      nodes.close();
      throw e;
    }
    return nodes;
  }

  List<ServerProcess> processes() {
    return processes;
  }

  List<Integer> ports() {
    return ports;
  }

  /**
   * A healthy node may still be a cluster of its own, if it started before the others could answer; then a board
   * would have two owners. Hazelcast writes the members it sees to the log, so every node must have seen all.
   */
  void awaitOneCluster() throws InterruptedException {
    if (processes.size() < 2) {
      return;
    }
    String all = "Members {size:" + processes.size() + ",";
    try {
      Awaitility.await().atMost(JOIN_PATIENCE).pollInterval(Duration.ofMillis(500))
        .until(() -> logs.stream().allMatch(log -> contains(log, all)));
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException("the " + processes.size() + " nodes did not form one cluster; see " + logs);
    }
  }

  private static boolean contains(Path log, String text) {
    try {
      return Files.readString(log).contains(text);
    } catch (IOException e) {
      return false;
    }
  }

  /** One at a time, as a rolling stop: each node hands its boards over and leaves before the next is told. */
  @Override
  public void close() throws InterruptedException {
    for (int i = processes.size() - 1; i >= 0; i--) {
      processes.get(i).stop();
    }
  }
}
