package org.aantafel.board;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Translates ops to and from their wire maps. Strict: unknown keys and wrong types are refused, not ignored. */
final class OpCodec {

  private static final Map<String, Set<String>> KEYS = Map.of(
      "create", Set.of("type", "id", "kind", "fields"),
      "set", Set.of("type", "id", "field", "value"),
      "text", Set.of("type", "id", "field", "edit"),
      "delete", Set.of("type", "id"));

  private OpCodec() {
  }

  static Op fromMap(Map<?, ?> json) {
    if (json == null) {
      throw BoardRejection.badInput("op must be an object");
    }
    String type = string(json, "type");
    Set<String> allowed = KEYS.get(type);
    if (allowed == null) {
      throw BoardRejection.badInput("unknown op type: " + type);
    }
    for (Object key : json.keySet()) {
      if (!allowed.contains(key)) {
        throw BoardRejection.badInput(type + " op has no key " + key);
      }
    }
    String id = string(json, "id");
    return switch (type) {
      case "create" -> new Op.Create(id, string(json, "kind"), fields(json.get("fields")));
      case "set" -> {
        if (!json.containsKey("value")) {
          throw BoardRejection.badInput("set op needs a value (null is allowed)");
        }
        yield new Op.Set(id, string(json, "field"), json.get("value"));
      }
      case "text" -> new Op.Text(id, string(json, "field"), edit(json.get("edit")));
      default -> new Op.Delete(id);
    };
  }

  private static String string(Map<?, ?> json, String key) {
    Object value = json.get(key);
    if (!(value instanceof String s)) {
      throw BoardRejection.badInput(key + " must be a string");
    }
    return s;
  }

  private static Map<String, Object> fields(Object value) {
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw BoardRejection.badInput("fields must be an object");
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    map.forEach((k, v) -> fields.put(String.valueOf(k), v));
    return fields;
  }

  private static TextOperation edit(Object value) {
    if (!(value instanceof List<?> list)) {
      throw BoardRejection.badInput("edit must be a list");
    }
    return TextOperation.fromComponents(list);
  }

  static Map<String, Object> toMap(Op op) {
    Map<String, Object> map = new LinkedHashMap<>();
    if (op instanceof Op.Create c) {
      put(map, "create", c.id());
      map.put("kind", c.kind());
      map.put("fields", new LinkedHashMap<>(c.fields()));
    } else if (op instanceof Op.Set s) {
      put(map, "set", s.id());
      map.put("field", s.field());
      map.put("value", s.value());
    } else if (op instanceof Op.Text t) {
      put(map, "text", t.id());
      map.put("field", t.field());
      map.put("edit", new ArrayList<>(t.edit().toComponents()));
    } else {
      put(map, "delete", op.id());
    }
    return map;
  }

  private static void put(Map<String, Object> map, String type, String id) {
    map.put("type", type);
    map.put("id", id);
  }
}
