package org.aantafel.bench;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks that every acknowledged edit is in the server's committed state: reads each board's state over HTTP and
 * looks for every acked marker. Each marker must occur exactly once, and no marker may be there that nobody typed.
 * The expectations are a JSON file so the check can run again after the server was killed and restarted.
 */
final class DurabilityCheck {

  /** One text field and the markers whose submits were acknowledged. */
  record Expectation(String boardId, String facilitatorToken, String entityId, String field, List<String> acked) {
    JsonObject toJson() {
      return new JsonObject().put("boardId", boardId).put("facilitatorToken", facilitatorToken)
        .put("entityId", entityId).put("field", field).put("acked", new JsonArray(new ArrayList<>(acked)));
    }

    static Expectation fromJson(JsonObject json) {
      List<String> acked = new ArrayList<>();
      json.getJsonArray("acked").forEach(m -> acked.add((String) m));
      return new Expectation(json.getString("boardId"), json.getString("facilitatorToken"),
        json.getString("entityId"), json.getString("field"), acked);
    }
  }

  private DurabilityCheck() {
  }

  /** {boards, fields, ackedEdits, missing, duplicated, failures: [...first few]} */
  static Future<JsonObject> run(BenchHttp http, List<Expectation> expectations) {
    Map<String, List<Expectation>> byBoard = new HashMap<>();
    expectations.forEach(e -> byBoard.computeIfAbsent(e.boardId(), b -> new ArrayList<>()).add(e));
    JsonObject result = new JsonObject().put("boards", byBoard.size()).put("fields", expectations.size())
      .put("ackedEdits", expectations.stream().mapToLong(e -> e.acked().size()).sum())
      .put("missing", 0L).put("duplicated", 0L).put("unreadableBoards", 0L).put("failures", new JsonArray());
    Future<Void> chain = Future.succeededFuture();
    for (List<Expectation> fields : byBoard.values()) {
      Expectation first = fields.get(0);
      chain = chain.compose(v -> http.state(first.boardId(), first.facilitatorToken())
        .map(state -> {
          fields.forEach(e -> check(e, state.getJsonObject("state"), result));
          return (Void) null;
        })
        .recover(err -> {
          add(result, "unreadableBoards", 1);
          fail(result, first.boardId() + ": " + err.getMessage());
          return Future.succeededFuture();
        }));
    }
    return chain.map(v -> result.put("ok", result.getLong("missing") == 0 && result.getLong("duplicated") == 0
      && result.getLong("unreadableBoards") == 0));
  }

  private static void check(Expectation e, JsonObject state, JsonObject result) {
    JsonObject entity = "board".equals(e.entityId()) ? state.getJsonObject("board")
      : state.getJsonObject("entities").getJsonObject(e.entityId());
    String text = entity == null ? "" : entity.getString(e.field(), "");
    Map<String, Integer> counts = new HashMap<>();
    Markers.parse(text).forEach(m -> counts.merge(m, 1, Integer::sum));
    Set<String> expected = new HashSet<>(e.acked());
    for (String marker : expected) {
      int n = counts.getOrDefault(marker, 0);
      if (n == 0) {
        add(result, "missing", 1);
        fail(result, e.boardId() + " " + e.entityId() + "." + e.field() + ": acked " + marker + " is missing");
      }
    }
    counts.forEach((marker, n) -> {
      if (n > 1) {
        add(result, "duplicated", 1);
        fail(result, e.boardId() + ": " + marker + " occurs " + n + " times");
      }
    });
  }

  private static void add(JsonObject result, String key, long n) {
    result.put(key, result.getLong(key) + n);
  }

  private static void fail(JsonObject result, String message) {
    JsonArray failures = result.getJsonArray("failures");
    if (failures.size() < 20) {
      failures.add(message);
    }
  }
}
