package org.aantafel.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;

/** The few HTTP API calls the benchmark makes: health, create a board, read a board's committed state. */
final class BenchHttp {
  private final WebClient http;
  private final String host;
  private final int port;

  BenchHttp(Vertx vertx, String host, int port) {
    this.http = WebClient.create(vertx);
    this.host = host;
    this.port = port;
  }

  Future<Boolean> healthy() {
    return http.get(port, host, "/health").send().map(r -> r.statusCode() == 200).otherwise(false);
  }

  Future<BenchBoard> createBoard(int index) {
    return createBoard(index, null);
  }

  /** A board from one of the templates (e.g. "webinar"), or an empty one for null. */
  Future<BenchBoard> createBoard(int index, String template) {
    JsonObject body = new JsonObject().put("title", "Bench " + index).put("language", "en");
    if (template != null) {
      body.put("template", template);
    }
    return http.post(port, host, "/api/boards")
      .sendJsonObject(body)
      .map(r -> {
        if (r.statusCode() != 201) {
          throw new IllegalStateException("POST /api/boards answered " + r.statusCode() + " " + r.bodyAsString());
        }
        return BenchBoard.fromCreated(index, r.bodyAsJsonObject());
      });
  }

  /** {rev, state} as GET /api/boards/{id}/state answers it, with the facilitator's token. */
  Future<JsonObject> state(String boardId, String token) {
    return http.get(port, host, "/api/boards/" + boardId + "/state")
      .putHeader("Authorization", "Bearer " + token).send()
      .map(r -> {
        if (r.statusCode() != 200) {
          throw new IllegalStateException("state of " + boardId + " answered " + r.statusCode());
        }
        return r.bodyAsJsonObject();
      });
  }

  void close() {
    http.close();
  }
}
