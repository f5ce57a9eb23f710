package org.aantafel.bench;

import io.vertx.core.json.JsonObject;

/** The human-readable form of target/bench-result.json. */
final class BenchReport {
  private BenchReport() {
  }

  static String text(JsonObject result) {
    JsonObject c = result.getJsonObject("config");
    JsonObject r = result.getJsonObject("results");
    StringBuilder out = new StringBuilder("relay".equals(c.getString("target"))
      ? "\n=== the same load against a bare relay ===\n" : "\n=== Aan Tafel load benchmark ===\n");
    out.append(String.format("%d boards x %d clients = %d websockets, %.2f edits/s each, mode %s, warm-up %d s, measured %d s%n",
      c.getInteger("boards"), c.getInteger("clientsPerBoard"), c.getInteger("connections"),
      c.getDouble("editsPerSecondPerClient"), c.getString("mode"), c.getInteger("warmupSeconds"),
      c.getInteger("measureSeconds")));
    out.append(latency("submit -> every other screen", r.getJsonObject("deliveryLatencyMs")));
    out.append(latency("typed  -> every other screen", r.getJsonObject("typedToDeliveryLatencyMs")));
    out.append(latency("submit -> ack (durable)     ", r.getJsonObject("ackLatencyMs")));
    out.append(String.format("throughput: %.1f edits/s typed, %.1f submits/s acked (a submit carries the edits typed while"
        + " the previous one was in flight), %.1f deliveries/s; typed %d, submits %d, acks %d%n",
      r.getDouble("typedEditsPerSecond"), r.getDouble("ackedSubmitsPerSecond"), r.getDouble("deliveriesPerSecond"),
      r.getLong("editsTyped"), r.getLong("submitsSent"), r.getLong("acks")));
    out.append(String.format("remote edits transformed against a pending edit: %d; retries %d; errors %s; connections lost %s%n",
      r.getLong("remoteEditsTransformedAgainstPending"), r.getLong("retries"), r.getJsonObject("errorsByCode").encode(),
      r.getJsonObject("connectionsLost").encode()));
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
   * Aan Tafel next to the bare relay under the same load: the ratio is the figure that carries over to another
   * machine, where the absolute milliseconds do not.
   */
  static String againstRelay(JsonObject aanTafel, JsonObject relay) {
    JsonObject a = aanTafel.getJsonObject("results");
    JsonObject b = relay.getJsonObject("results");
    StringBuilder out = new StringBuilder("\n=== Aan Tafel against a bare relay (same load, same JVM options) ===\n");
    out.append(String.format("%-36s | %10s | %10s | %7s%n", "metric", "Aan Tafel", "relay", "ratio"));
    out.append(String.format("%-36s-+-%10s-+-%10s-+-%7s%n", "-".repeat(36), "-".repeat(10), "-".repeat(10), "-".repeat(7)));
    row(out, "submit -> every other screen p50 ms", a.getJsonObject("deliveryLatencyMs").getDouble("p50"),
      b.getJsonObject("deliveryLatencyMs").getDouble("p50"));
    row(out, "submit -> every other screen p99 ms", a.getJsonObject("deliveryLatencyMs").getDouble("p99"),
      b.getJsonObject("deliveryLatencyMs").getDouble("p99"));
    row(out, "submit -> ack p99 ms", a.getJsonObject("ackLatencyMs").getDouble("p99"),
      b.getJsonObject("ackLatencyMs").getDouble("p99"));
    row(out, "typed edits/s", a.getDouble("typedEditsPerSecond"), b.getDouble("typedEditsPerSecond"));
    row(out, "acked submits/s", a.getDouble("ackedSubmitsPerSecond"), b.getDouble("ackedSubmitsPerSecond"));
    row(out, "deliveries/s", a.getDouble("deliveriesPerSecond"), b.getDouble("deliveriesPerSecond"));
    out.append("ratio = Aan Tafel / relay. The relay assigns revisions and republishes; it does not transform, validate"
      + " or store, so its texts are not checked.\n");
    return out.toString();
  }

  private static void row(StringBuilder out, String metric, double aanTafel, double relay) {
    out.append(String.format("%-36s | %10.2f | %10.2f | %7s%n", metric, aanTafel, relay,
      relay > 0 ? String.format("%.2f", aanTafel / relay) : "-"));
  }

  static String latency(String name, JsonObject h) {
    return String.format("%s ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f  (n=%d)%n", name,
      h.getDouble("p50"), h.getDouble("p90"), h.getDouble("p99"), h.getDouble("p999"), h.getDouble("max"),
      h.getLong("count"));
  }
}
