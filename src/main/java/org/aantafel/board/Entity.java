package org.aantafel.board;

import java.util.LinkedHashMap;
import java.util.Map;

/** One entity of a board as stored in {@link BoardState}: mutable, never shared between two states. */
final class Entity {

  final EntityKind kind;
  final Map<String, Object> fields;
  boolean deleted;

  Entity(EntityKind kind, Map<String, Object> fields, boolean deleted) {
    this.kind = kind;
    this.fields = new LinkedHashMap<>(fields);
    this.deleted = deleted;
  }

  Entity copy() {
    return new Entity(kind, fields, deleted);
  }

  /** The current text of a text field; a field never written reads as the empty text. */
  String text(String field) {
    return (String) fields.getOrDefault(field, "");
  }

  void delete() {
    deleted = true;
    // A tombstone keeps nothing but its kind: the content is gone for everyone.
    fields.clear();
  }

  Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("kind", kind.name());
    if (deleted) {
      map.put("deleted", true);
    } else {
      map.putAll(fields);
    }
    return map;
  }
}
