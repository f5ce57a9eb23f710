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
 * looks for every acked marker. Each marker must occur exactly once, and a marker whose delete was acknowledged (a
 * bounded text, {@link MarkerBook}) must not occur at all. The expectations are a JSON file so the check can run
 * again after the server was killed and restarted.
 */
final class DurabilityCheck {

  /** One client's text field: the markers acknowledged (and not deleted), and those whose delete was. */
  record Expectation(String boardId, String facilitatorToken, String entityId, String field, List<String> acked,
                     List<String> deleted) {
    JsonObject toJson() {
      return new JsonObject().put("boardId", boardId).put("facilitatorToken", facilitatorToken)
        .put("entityId", entityId).put("field", field).put("acked", new JsonArray(new ArrayList<>(acked)))
        .put("deleted", new JsonArray(new ArrayList<>(deleted)));
    }

    static Expectation fromJson(JsonObject json) {
      return new Expectation(json.getString("boardId"), json.getString("facilitatorToken"),
        json.getString("entityId"), json.getString("field"), strings(json.getJsonArray("acked")),
        strings(json.getJsonArray("deleted", new JsonArray())));
    }

    private static List<String> strings(JsonArray array) {
      List<String> list = new ArrayList<>();
      array.forEach(m -> list.add((String) m));
      return list;
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
      .put("ackedDeletes", expectations.stream().mapToLong(e -> e.deleted().size()).sum())
      .put("missing", 0L).put("duplicated", 0L).put("deletedButThere", 0L).put("unreadableBoards", 0L)
      .put("failures", new JsonArray());
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
      && result.getLong("deletedButThere") == 0 && result.getLong("unreadableBoards") == 0));
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
    for (String marker : e.deleted()) {
      if (counts.containsKey(marker)) {
        add(result, "deletedButThere", 1);
        fail(result, e.boardId() + " " + e.entityId() + "." + e.field() + ": deleted " + marker + " is there");
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
