package org.aantafel.sync;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.aantafel.board.BoardRejection;
import org.aantafel.board.Op;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Between Vert.x JSON and the plain maps and lists of the domain, which knows nothing of Vert.x. Nested values can
 * arrive as JsonObject or as Map depending on how a message travelled, so everything is unwrapped recursively.
 */
public final class WireJson {

  public static List<Op> ops(JsonArray json) {
    if (json == null) {
      throw new BoardRejection(400, "ops must be a list");
    }
    return Op.listFromMaps((List<?>) plain(json));
  }

  public static JsonArray toJson(List<Op> ops) {
    return new JsonArray(new ArrayList<>(Op.listToMaps(ops)));
  }

  public static Map<String, Object> map(JsonObject json) {
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) plain(json);
    return map;
  }

  static Object plain(Object value) {
    if (value instanceof JsonObject o) {
      return plain(o.getMap());
    }
    if (value instanceof JsonArray a) {
      return plain(a.getList());
    }
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> copy = new LinkedHashMap<>();
      m.forEach((k, v) -> copy.put(String.valueOf(k), plain(v)));
      return copy;
    }
    if (value instanceof List<?> l) {
      List<Object> copy = new ArrayList<>(l.size());
      l.forEach(v -> copy.add(plain(v)));
      return copy;
    }
    return value;
  }

  private WireJson() {
  }
}
