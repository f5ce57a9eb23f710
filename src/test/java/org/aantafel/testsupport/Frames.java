package org.aantafel.testsupport;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/** Bodies of the wire contract's messages, as the browser's client writes them. */
public final class Frames {

  /** A join as a browser of its own: no seat unless a test presents one; with a name, a participant link seats. */
  public static JsonObject join(TestServer.CreatedBoard board, String grant, String clientId, String name) {
    JsonObject body = new JsonObject().put("boardId", board.id()).put("token", board.token(grant))
      .put("clientId", clientId).putNull("seat");
    if (name != null) {
      body.put("name", name).put("role", "parent");
    }
    return body;
  }

  public static JsonObject submit(String boardId, String clientId, long seq, long baseRev, JsonObject... ops) {
    return new JsonObject().put("boardId", boardId).put("clientId", clientId).put("seq", seq)
      .put("baseRev", baseRev).put("ops", new JsonArray(List.of((Object[]) ops)));
  }

  public static JsonObject createItem(String id, String title) {
    return new JsonObject().put("type", "create").put("id", id).put("kind", "agendaItem")
      .put("fields", new JsonObject().put("title", title).put("order", "a0"));
  }

  /**
   * The messages in one published message: in a crowded room a board's revisions of a short window come together as
   * {changes:[…]} (sync/ChangeFeed); test clients hand them on one by one, as they were before.
   */
  public static List<JsonObject> changesIn(JsonObject published) {
    if (published == null || !(published.getValue("changes") instanceof JsonArray changes)) {
      return java.util.Collections.singletonList(published);
    }
    List<JsonObject> each = new java.util.ArrayList<>(changes.size());
    changes.forEach(change -> each.add((JsonObject) change));
    return each;
  }

  private Frames() {
  }
}
