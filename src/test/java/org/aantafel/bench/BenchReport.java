package org.aantafel.bench;

import io.vertx.core.json.JsonObject;

/** The human-readable form of target/bench-result.json. */
final class BenchReport {
  private BenchReport() {
  }

  static String text(JsonObject result) {
    JsonObject c = result.getJsonObject("config");
    JsonObject r = result.getJsonObject("results");
    StringBuilder out = new StringBuilder(c.containsKey("target")
      ? "\n=== the same load against the " + c.getString("target") + " ===\n" : "\n=== Aan Tafel load benchmark ===\n");
    out.append(String.format("%d boards x %d clients = %d websockets, %.2f edits/s each, mode %s, warm-up %d s, measured %d s%n",
      c.getInteger("boards"), c.getInteger("clientsPerBoard"), c.getInteger("connections"),
      c.getDouble("editsPerSecondPerClient"), c.getString("mode"), c.getInteger("warmupSeconds"),
      c.getInteger("measureSeconds")));
    out.append(latency("submit -> every other screen", r.getJsonObject("deliveryLatencyMs")));
    out.append(latency("typed  -> every other screen", r.getJsonObject("typedToDeliveryLatencyMs")));
    out.append(latency("relay".equals(c.getString("target")) ? "submit -> ack (not stored)  "
      : "submit -> ack (durable)     ", r.getJsonObject("ackLatencyMs")));
    out.append(String.format("throughput: %.1f edits/s typed, %.1f submits/s acked (a submit carries the edits typed while"
        + " the previous one was in flight), %.1f deliveries/s; typed %d, submits %d, acks %d%n",
      r.getDouble("typedEditsPerSecond"), r.getDouble("ackedSubmitsPerSecond"), r.getDouble("deliveriesPerSecond"),
      r.getLong("editsTyped"), r.getLong("submitsSent"), r.getLong("acks")));
    out.append(String.format("remote edits transformed against a pending edit: %d; retries %d; errors %s; connections lost %s%n",
      r.getLong("remoteEditsTransformedAgainstPending"), r.getLong("retries"), r.getJsonObject("errorsByCode").encode(),
      r.getJsonObject("connectionsLost").encode()));
    out.append(intervals(r.getJsonArray("intervals")));
    out.append(leaving(r.getJsonObject("leaving")));
    out.append(heap(result.getJsonObject("serverHeap")));
    if (result.containsKey("skipped")) {
      out.append(String.format("drained: %s (undelivered %d); convergence and durability %s%n",
        r.getBoolean("drained"), r.getInteger("undeliveredAfterDrain"), result.getString("skipped")));
    } else {
      out.append(String.format("drained: %s (undelivered %d); convergence: %s; durable on read-back: %s; after kill+restart: %s%n",
        r.getBoolean("drained"), r.getInteger("undeliveredAfterDrain"), result.getJsonObject("convergence").getBoolean("ok"),
        result.getJsonObject("durabilityReadBack").getBoolean("ok"),
        result.getJsonObject("durabilityAfterKillAndRestart") == null ? "not run (--url or --nodes)"
          : result.getJsonObject("durabilityAfterKillAndRestart").getBoolean("ok")));
    }
    out.append(String.format("load average at end: %s on %d processors%n",
      result.getJsonObject("machine").getString("loadAverageAtEnd"),
      result.getJsonObject("machine").getInteger("availableProcessors")));
    if (result.containsKey("target")) {
      JsonObject target = result.getJsonObject("target");
      out.append("target p99 <= ").append(target.getInteger("p99DeliveryMs")).append(" ms met: ")
        .append(target.getBoolean("met")).append('\n');
    }
    return out.toString();
  }

  /**
   * Aan Tafel next to the bare and the durable relay under the same load: the ratios are the figures that carry over
   * to another machine, where the absolute milliseconds do not. The durable relay's is the fair one: it stores every
   * change (fdatasync) before its ack, as Aan Tafel does, and does nothing else.
   */
  static String againstRelay(JsonObject aanTafel, JsonObject bare, JsonObject durable) {
    JsonObject a = aanTafel.getJsonObject("results");
    JsonObject b = bare.getJsonObject("results");
    JsonObject d = durable.getJsonObject("results");
    StringBuilder out = new StringBuilder("\n=== Aan Tafel against the relays (same load, same JVM options) ===\n");
    out.append(String.format("%-36s | %10s | %10s | %7s | %10s | %7s%n", "metric", "Aan Tafel", "bare relay",
      "ratio", "durable", "ratio"));
    out.append(String.format("%-36s-+-%10s-+-%10s-+-%7s-+-%10s-+-%7s%n", "-".repeat(36), "-".repeat(10),
      "-".repeat(10), "-".repeat(7), "-".repeat(10), "-".repeat(7)));
    for (String[] latency : new String[][] {{"deliveryLatencyMs", "p50", "submit -> every other screen p50 ms"},
      {"deliveryLatencyMs", "p99", "submit -> every other screen p99 ms"},
      {"ackLatencyMs", "p50", "submit -> ack p50 ms"}, {"ackLatencyMs", "p99", "submit -> ack p99 ms"}}) {
      row(out, latency[2], a.getJsonObject(latency[0]).getDouble(latency[1]),
        b.getJsonObject(latency[0]).getDouble(latency[1]), d.getJsonObject(latency[0]).getDouble(latency[1]));
    }
    for (String[] rate : new String[][] {{"typedEditsPerSecond", "typed edits/s"},
      {"ackedSubmitsPerSecond", "acked submits/s"}, {"deliveriesPerSecond", "deliveries/s"}}) {
      row(out, rate[1], a.getDouble(rate[0]), b.getDouble(rate[0]), d.getDouble(rate[0]));
    }
    out.append("ratio = Aan Tafel / relay. Both relays assign revisions and republish without transforming or"
      + " validating; the durable relay also appends every change to a file and fdatasyncs it (group commit) before"
      + " its ack and publish. Target: Aan Tafel / durable relay <= 1.5 for the p99s.\n");
    return out.toString();
  }

  private static void row(StringBuilder out, String metric, double aanTafel, double bare, double durable) {
    out.append(String.format("%-36s | %10.2f | %10.2f | %7s | %10.2f | %7s%n", metric, aanTafel, bare,
      ratio(aanTafel, bare), durable, ratio(aanTafel, durable)));
  }

  private static String ratio(double aanTafel, double relay) {
    return relay > 0 ? String.format("%.2f", aanTafel / relay) : "-";
  }

  /** The p99s per interval of a soak; nothing for a run of one interval. */
  static String intervals(io.vertx.core.json.JsonArray intervals) {
    if (intervals == null || intervals.size() < 2) {
      return "";
    }
    StringBuilder out = new StringBuilder("per interval (by arrival; end in s since the window opened):\n");
    out.append(String.format("%8s | %12s | %9s | %12s | %9s | %s%n", "end s", "screen p99", "n", "ack p99", "n",
      "errors so far"));
    for (int i = 0; i < intervals.size(); i++) {
      JsonObject in = intervals.getJsonObject(i);
      JsonObject screen = in.getJsonObject("deliveryLatencyMs");
      JsonObject ack = in.getJsonObject("ackLatencyMs");
      out.append(String.format("%8.0f | %9.2f ms | %9d | %9.2f ms | %9d | %s%n", in.getDouble("endSeconds"),
        screen.getDouble("p99"), screen.getLong("count"), ack.getDouble("p99"), ack.getLong("count"),
        in.getJsonObject("errorsByCode").encode()));
    }
    return out.toString();
  }

  private static String leaving(JsonObject leaving) {
    if (leaving == null || leaving.getLong("leaves") == 0) {
      return "";
    }
    JsonObject rejoin = leaving.getJsonObject("rejoinLatencyMs");
    return String.format("leaving and coming back: %d leaves, %d returns (%d with the whole board instead of a"
        + " catch-up), %d changes caught up, %d submits cut off by leaving and sent again; back"
        + " (open + join + catch-up)"
        + " p50 %.2f p99 %.2f ms%n", leaving.getLong("leaves"), leaving.getLong("returns"),
      leaving.getLong("fullStateRejoins"), leaving.getLong("catchUpChanges"), leaving.getLong("submitsCutOffByLeaving"),
      rejoin.getDouble("p50"), rejoin.getDouble("p99"));
  }

  private static String heap(JsonObject heap) {
    if (heap == null || heap.getJsonArray("samples").isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder("server heap after full GC (s since the window opened: live MB / RSS MB): ");
    heap.getJsonArray("samples").forEach(o -> {
      JsonObject s = (JsonObject) o;
      out.append(String.format("%.0f: %.1f / %.0f; ", s.getDouble("atSeconds"), s.getDouble("liveHeapMb"),
        s.getDouble("rssMb")));
    });
    out.append(String.format("%nlive heap slope over the window (least squares, %d samples): %s MB/min%n",
      heap.getInteger("samplesInWindow"), heap.getValue("liveHeapSlopeMbPerMinute")));
    return out.toString();
  }

  static String latency(String name, JsonObject h) {
    return String.format("%s ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f  (n=%d)%n", name,
      h.getDouble("p50"), h.getDouble("p90"), h.getDouble("p99"), h.getDouble("p999"), h.getDouble("max"),
      h.getLong("count"));
  }
}
