package org.aantafel.testsupport;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/** Bodies of the wire contract's messages, as the browser's client writes them. */
public final class Frames {

  public static JsonObject submit(String boardId, String clientId, long seq, long baseRev, JsonObject... ops) {
    return new JsonObject().put("boardId", boardId).put("clientId", clientId).put("seq", seq)
      .put("baseRev", baseRev).put("ops", new JsonArray(List.of((Object[]) ops)));
  }

  public static JsonObject createItem(String id, String title) {
    return new JsonObject().put("type", "create").put("id", id).put("kind", "agendaItem")
      .put("fields", new JsonObject().put("title", title).put("order", "a0"));
  }

  private Frames() {
  }
}
