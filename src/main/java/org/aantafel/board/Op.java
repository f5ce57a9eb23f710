package org.aantafel.board;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One op of the wire contract. The records check only their shape (ids, scalars); whether an op makes sense
 * on a board is decided by {@link BoardState#apply}.
 */
public sealed interface Op permits Op.Create, Op.Set, Op.Text, Op.Delete {

  String id();

  /** Creates an entity of a kind, optionally with initial field values (text fields as strings). */
  record Create(String id, String kind, Map<String, Object> fields) implements Op {
    public Create {
      EntityId.check(id);
      Objects.requireNonNull(kind, "kind");
      fields = fields == null ? Map.of() : fields;
      // Not Map.copyOf: initial values may be null.
      Map<String, Object> copy = new LinkedHashMap<>();
      fields.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "field name"), Scalars.check(v, "field " + k)));
      fields = Collections.unmodifiableMap(copy);
    }
  }

  /** Replaces a value field; last writer in server order wins. */
  record Set(String id, String field, Object value) implements Op {
    public Set {
      EntityId.check(id);
      Objects.requireNonNull(field, "field");
      value = Scalars.check(value, "value");
    }
  }

  /** Edits a text field. */
  record Text(String id, String field, TextOperation edit) implements Op {
    public Text {
      EntityId.check(id);
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(edit, "edit");
    }
  }

  /** Leaves a tombstone: later ops on the entity are acknowledged and have no effect. */
  record Delete(String id) implements Op {
    public Delete {
      EntityId.check(id);
    }
  }

  /** Strict parsing of one wire op; anything malformed is a 400 that says what is wrong. */
  static Op fromMap(Map<String, ?> json) {
    return OpCodec.fromMap(json);
  }

  /** The wire JSON shape as Map/List/String/Number/Boolean/null. */
  default Map<String, Object> toMap() {
    return OpCodec.toMap(this);
  }

  static List<Op> listFromMaps(List<?> list) {
    if (list == null) {
      throw BoardRejection.badInput("ops must be a list");
    }
    List<Op> ops = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof Map<?, ?> map)) {
        throw BoardRejection.badInput("op " + i + " must be an object");
      }
      try {
        ops.add(OpCodec.fromMap(map));
      } catch (BoardRejection e) {
        throw new BoardRejection(e.code(), "op " + i + ": " + e.getMessage());
      }
    }
    return ops;
  }

  static List<Map<String, Object>> listToMaps(List<Op> ops) {
    List<Map<String, Object>> maps = new ArrayList<>(ops.size());
    for (Op op : ops) {
      maps.add(op.toMap());
    }
    return maps;
  }
}
