package org.aantafel.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Issue 12's comparisons: {@code --hub-instances 1,2} runs the load once per value, each against a freshly spawned
 * server with that many hub instances; {@code --nodes 3} runs it against one spawned node and then a spawned cluster
 * of that many nodes, both on one external PostgreSQL. Either prints the runs side by side ({@link ScaleComparison}).
 *
 * @param hubInstances the values to compare; empty when not asked for
 * @param nodes        the cluster's size to compare with one node; 0 when not asked for
 */
record ScaleOptions(List<Integer> hubInstances, int nodes) {

  ScaleOptions {
    hubInstances = List.copyOf(hubInstances);
  }

  /** Takes its options out of the parsed arguments, so BenchConfig's check for unknown options does not see them. */
  static ScaleOptions take(Map<String, String> values) {
    String instances = values.remove("hub-instances");
    String nodes = values.remove("nodes");
    return new ScaleOptions(instances == null ? List.of()
      : Arrays.stream(instances.split(",")).map(String::trim).map(Integer::parseInt).toList(),
      nodes == null ? 0 : Integer.parseInt(nodes.trim()));
  }

  boolean requested() {
    return !hubInstances.isEmpty() || nodes > 0;
  }

  void check(BenchConfig config) {
    if (!requested()) {
      return;
    }
    if (!hubInstances.isEmpty() && nodes > 0) {
      throw new IllegalArgumentException("--hub-instances and --nodes are separate comparisons: one at a time");
    }
    // Each value needs a server of its own shape, and the comparison is of the normal load.
    if (config.spawnJar() == null || config.verifyOnly() != null || config.mode() == BenchConfig.Mode.WEBINAR
      || config.baseline() != BenchConfig.Baseline.NONE) {
      throw new IllegalArgumentException("--hub-instances and --nodes need --spawn, --mode goal or items, no --baseline");
    }
    if (hubInstances.stream().anyMatch(n -> n < 1 || n > 64)) {
      throw new IllegalArgumentException("--hub-instances takes values 1..64, e.g. 1,2");
    }
    if (hubInstances.isEmpty() && (nodes < 2 || nodes > 9)) {
      throw new IllegalArgumentException("--nodes takes 2..9 (it is compared with one node)");
    }
  }
}
