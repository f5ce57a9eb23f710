package org.aantafel.bench;

import io.vertx.core.json.JsonObject;

/** A board the benchmark created over the HTTP API, with the tokens from its links' fragments. */
final class BenchBoard {
  final int index;
  final String id;
  final String participantToken;
  final String facilitatorToken;

  BenchBoard(int index, String id, String participantToken, String facilitatorToken) {
    this.index = index;
    this.id = id;
    this.participantToken = participantToken;
    this.facilitatorToken = facilitatorToken;
  }

  /** From the answer of POST /api/boards: {boardId, links:{facilitator: ".../b/<id>#<token>", …}}. */
  static BenchBoard fromCreated(int index, JsonObject created) {
    JsonObject links = created.getJsonObject("links");
    return new BenchBoard(index, created.getString("boardId"), fragment(links.getString("participant")),
      fragment(links.getString("facilitator")));
  }

  private static String fragment(String link) {
    String fragment = link.substring(link.indexOf('#') + 1);
    // Facilitator and projector links carry the participant token after a '.'.
    int separator = fragment.indexOf('.');
    return separator < 0 ? fragment : fragment.substring(0, separator);
  }
}
