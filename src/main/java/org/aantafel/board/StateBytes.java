package org.aantafel.board;

import java.util.Map;

/**
 * What an entity costs in the board's state, counted as its JSON spelling in UTF-8 (as it is stored, sent on a join
 * and written into a record), without encoding it: the board's byte quota is checked on every submit, and costs only
 * what the submit touches. Tombstones count too: each keeps its id and kind.
 */
final class StateBytes {
  /** Quotes, colon, comma and braces around one entity: {@code "id":{"kind":"k"},}. */
  private static final int ENTITY_FRAME = 16;
  /** Quotes, colon and comma around one field. */
  private static final int FIELD_FRAME = 4;

  private StateBytes() {
  }

  static long of(String id, Entity entity) {
    long size = ENTITY_FRAME + utf8(id) + utf8(entity.kind.name());
    if (entity.deleted) {
      return size + "\"deleted\":true".length();
    }
    for (Map.Entry<String, Object> field : entity.fields.entrySet()) {
      size += FIELD_FRAME + utf8(field.getKey()) + value(field.getValue());
    }
    return size;
  }

  private static long value(Object value) {
    if (value instanceof String text) {
      // Quotes; escapes are rare in board text and would only make the count a little low.
      return 2 + utf8(text);
    }
    return String.valueOf(value).length();
  }

  static long utf8(String text) {
    long size = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        size += 1;
      } else if (c < 0x800) {
        size += 2;
      } else if (Character.isHighSurrogate(c)) {
        size += 4;
        i++;
      } else {
        size += 3;
      }
    }
    return size;
  }
}
