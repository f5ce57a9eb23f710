package org.aantafel.bench;

import io.vertx.core.json.JsonObject;

/** The human-readable form of target/bench-result.json. */
final class BenchReport {
  private BenchReport() {
  }

  static String text(JsonObject result) {
    JsonObject c = result.getJsonObject("config");
    JsonObject r = result.getJsonObject("results");
    StringBuilder out = new StringBuilder("\n=== Aan Tafel load benchmark ===\n");
    out.append(String.format("%d boards x %d clients = %d websockets, %.1f edits/s each, mode %s, warm-up %d s, measured %d s%n",
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
    out.append(String.format("drained: %s (undelivered %d); convergence: %s; durable on read-back: %s; after kill+restart: %s%n",
      r.getBoolean("drained"), r.getInteger("undeliveredAfterDrain"), result.getJsonObject("convergence").getBoolean("ok"),
      result.getJsonObject("durabilityReadBack").getBoolean("ok"),
      result.getJsonObject("durabilityAfterKillAndRestart") == null ? "not run (--url mode)"
        : result.getJsonObject("durabilityAfterKillAndRestart").getBoolean("ok")));
    out.append(String.format("load average at end: %s on %d processors%n",
      result.getJsonObject("machine").getString("loadAverageAtEnd"),
      result.getJsonObject("machine").getInteger("availableProcessors")));
    out.append("target p99 <= 50 ms met: ").append(result.getJsonObject("target").getBoolean("met")).append('\n');
    return out.toString();
  }

  static String latency(String name, JsonObject h) {
    return String.format("%s ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f  (n=%d)%n", name,
      h.getDouble("p50"), h.getDouble("p90"), h.getDouble("p99"), h.getDouble("p999"), h.getDouble("max"),
      h.getLong("count"));
  }
}
