package org.aantafel.bench;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Issue 12, "Scale up and out": the same load against freshly spawned servers of each shape asked for by
 * {@link ScaleOptions}, one after the other (never two at once: they would take each other's CPU), and the figures
 * side by side. Each run keeps its own result and acked files, named after its shape.
 */
final class ScaleComparison {
  private final BenchConfig config;
  private final Vertx vertx;
  private final List<String> names = new ArrayList<>();
  private final List<JsonObject> results = new ArrayList<>();
  private int exit;

  private ScaleComparison(BenchConfig config, Vertx vertx) {
    this.config = config;
    this.vertx = vertx;
  }

  static int run(BenchConfig config, Vertx vertx) throws Exception {
    ScaleComparison comparison = new ScaleComparison(config, vertx);
    return config.scale().hubInstances().isEmpty() ? comparison.nodes() : comparison.hubInstances();
  }

  /** A server with its own embedded PostgreSQL per value, as a single school server runs; with the crash check. */
  private int hubInstances() throws Exception {
    for (int instances : config.scale().hubInstances()) {
      String name = instances + (instances == 1 ? " instance" : " instances");
      String shape = "-hub-instances-" + instances;
      ServerProcess server = new ServerProcess(config.spawnJar(), config.port(),
        config.spawnDataDir().resolve("run-" + (names.size() + 1) + shape), config.spawnJvm(),
        Path.of("target/bench-server" + shape + ".log"),
        Map.of("AANTAFEL_HUB_INSTANCES", Integer.toString(instances)));
      LoadBenchmark.log("scale up: a fresh server with " + name);
      LoadBenchmark bench = new LoadBenchmark(config, vertx, List.of(config.port()), false);
      try {
        server.start();
        bench.awaitHealthy(server);
        measured(name, shape, bench, bench.run(server));
      } finally {
        bench.close();
        server.stop();
      }
    }
    return report("hub instances of one server (AANTAFEL_HUB_INSTANCES), same load",
      "Every column is a fresh server and database. On " + Runtime.getRuntime().availableProcessors()
        + " cores the instances share the CPU with PostgreSQL and the benchmark's own clients.");
  }

  /**
   * One node, then the cluster, each on a fresh database of one external PostgreSQL; client c of every board on node
   * c % n and board b created on node b % n, so boards are owned all over the cluster and every change crosses nodes.
   * No crash check: it kills one server, and a cluster's failover is FailoverTest's subject.
   */
  private int nodes() throws Exception {
    int count = config.scale().nodes();
    for (int n : List.of(1, count)) {
      String name = n + (n == 1 ? " node" : " nodes");
      LoadBenchmark.log("scale out: " + name + " on one external PostgreSQL");
      try (SpawnedNodes nodes = SpawnedNodes.start(config, n)) {
        LoadBenchmark bench = new LoadBenchmark(config, vertx, nodes.ports(), false);
        try {
          bench.awaitEveryNode(nodes.processes());
          nodes.awaitOneCluster();
          measured(name, "-nodes-" + n, bench, bench.run(null));
        } finally {
          bench.close();
        }
      }
    }
    int cores = Runtime.getRuntime().availableProcessors();
    return report("one node against a cluster of " + count + ", same load, one external PostgreSQL",
      count + " nodes on " + cores + " cores, with PostgreSQL and the benchmark's clients on the same cores: this "
        + "measures what the cluster costs (Hazelcast, the clustered event bus, the hop to a board's owner), not "
        + "what it can carry; capacity needs a machine per node.");
  }

  private void measured(String name, String shape, LoadBenchmark bench, int runExit) throws Exception {
    exit = Math.max(exit, runExit);
    // A value may be given twice (1,2,1), to see whether the order of the runs moved the figures.
    String again = names.contains(name) ? " again" : "";
    names.add(name + again);
    results.add(bench.result());
    String suffix = shape + (again.isEmpty() ? "" : "-again");
    Files.copy(config.resultFile(), LoadBenchmark.resultFileWith(config.resultFile(), suffix),
      StandardCopyOption.REPLACE_EXISTING);
    Files.copy(config.ackedFile(), LoadBenchmark.resultFileWith(config.ackedFile(), suffix),
      StandardCopyOption.REPLACE_EXISTING);
  }

  private int report(String title, String note) throws Exception {
    JsonObject runs = new JsonObject();
    for (int i = 0; i < names.size(); i++) {
      runs.put(names.get(i), results.get(i));
    }
    Path out = LoadBenchmark.resultFileWith(config.resultFile(), "-scale");
    Files.writeString(out, new JsonObject().put("comparison", title).put("note", note)
      .put("order", new JsonArray(names)).put("runs", runs).encodePrettily());
    System.out.println(ScaleReport.table(title, names, results, note));
    System.out.println("written to " + out);
    return exit;
  }
}
