package org.aantafel.bench;

import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.function.Function;

/** The runs of --hub-instances or --nodes side by side, one column a run, from their result files' contents. */
final class ScaleReport {
  private static final int LABEL = 38;
  private static final int COLUMN = 14;

  private ScaleReport() {
  }

  static String table(String title, List<String> names, List<JsonObject> results, String note) {
    StringBuilder out = new StringBuilder("\n=== " + title + " ===\n");
    out.append(String.format("%-" + LABEL + "s", "metric"));
    names.forEach(n -> out.append(String.format(" | %" + COLUMN + "s", n)));
    out.append('\n').append("-".repeat(LABEL + names.size() * (COLUMN + 3))).append('\n');
    row(out, "submit -> every other screen p50 ms", results, r -> ms(r, "deliveryLatencyMs", "p50"));
    row(out, "submit -> every other screen p99 ms", results, r -> ms(r, "deliveryLatencyMs", "p99"));
    row(out, "submit -> ack p99 ms", results, r -> ms(r, "ackLatencyMs", "p99"));
    row(out, "typed edits/s", results, r -> number(results(r).getDouble("typedEditsPerSecond")));
    row(out, "acked submits/s", results, r -> number(results(r).getDouble("ackedSubmitsPerSecond")));
    row(out, "deliveries/s", results, r -> number(results(r).getDouble("deliveriesPerSecond")));
    row(out, "errors", results, r -> Long.toString(sum(results(r).getJsonObject("errorsByCode"))));
    row(out, "connections lost", results, r -> Long.toString(sum(results(r).getJsonObject("connectionsLost"))));
    row(out, "drained", results, r -> Boolean.toString(results(r).getBoolean("drained")));
    row(out, "converged", results, r -> Boolean.toString(r.getJsonObject("convergence").getBoolean("ok")));
    row(out, "acked edits all there (read back)", results,
      r -> Boolean.toString(r.getJsonObject("durabilityReadBack").getBoolean("ok")));
    row(out, "... and after SIGKILL + restart", results, r -> r.getJsonObject("durabilityAfterKillAndRestart") == null
      ? "not run" : Boolean.toString(r.getJsonObject("durabilityAfterKillAndRestart").getBoolean("ok")));
    row(out, "load average at end", results, r -> r.getJsonObject("machine").getString("loadAverageAtEnd"));
    return out.append(note).append('\n').toString();
  }

  private static void row(StringBuilder out, String label, List<JsonObject> results, Function<JsonObject, String> cell) {
    out.append(String.format("%-" + LABEL + "s", label));
    results.forEach(r -> out.append(String.format(" | %" + COLUMN + "s", cell.apply(r))));
    out.append('\n');
  }

  private static JsonObject results(JsonObject result) {
    return result.getJsonObject("results");
  }

  private static String ms(JsonObject result, String histogram, String percentile) {
    return number(results(result).getJsonObject(histogram).getDouble(percentile));
  }

  private static String number(double value) {
    return String.format("%.2f", value);
  }

  private static long sum(JsonObject counts) {
    return counts.stream().mapToLong(e -> ((Number) e.getValue()).longValue()).sum();
  }
}
