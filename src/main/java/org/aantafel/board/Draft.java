package org.aantafel.board;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a list of ops to copies of the entities they touch, so that a rejection anywhere in the list leaves the
 * board untouched, and only {@link #commit()} changes it. Costs what the ops touch, not the size of the board.
 */
final class Draft {

  private final BoardSchema schema;
  private final Map<String, Entity> base;
  private final Map<String, Entity> touched = new LinkedHashMap<>();
  private final Grant grant;
  private int liveCount;

  Draft(BoardSchema schema, Map<String, Entity> base, int liveCount, Grant grant) {
    this.schema = schema;
    this.base = base;
    this.liveCount = liveCount;
    this.grant = grant;
  }

  /** Applies every op in order; returns those that took effect (ops on tombstones are dropped). */
  List<Op> applyAll(List<Op> ops) {
    List<Op> effective = new ArrayList<>(ops.size());
    for (int i = 0; i < ops.size(); i++) {
      try {
        if (applyOne(ops.get(i))) {
          effective.add(ops.get(i));
        }
      } catch (BoardRejection e) {
        throw new BoardRejection(e.code(), "op " + i + ": " + e.getMessage());
      }
    }
    return effective;
  }

  private boolean applyOne(Op op) {
    if (op instanceof Op.Create create) {
      create(create);
      return true;
    }
    Entity entity = writable(op.id());
    if (entity.deleted) {
      return false;
    }
    if (op instanceof Op.Delete) {
      if (op.id().equals(EntityId.BOARD)) {
        throw BoardRejection.badInput("the board cannot be deleted");
      }
      entity.delete();
      liveCount--;
    } else if (op instanceof Op.Set set) {
      FieldSpec spec = writableField(entity, set.field());
      if (spec.isText()) {
        throw BoardRejection.badInput(set.field() + " is a text: change it with a text op");
      }
      spec.checkValue(set.value());
      entity.fields.put(set.field(), set.value());
    } else if (op instanceof Op.Text text) {
      FieldSpec spec = writableField(entity, text.field());
      if (!spec.isText()) {
        throw BoardRejection.badInput(text.field() + " is not a text: change it with a set op");
      }
      String current = entity.text(text.field());
      if (text.edit().baseLength() != current.length()) {
        throw BoardRejection.badInput("edit does not match the text of " + text.id() + "." + text.field());
      }
      spec.checkTextLength(text.edit().targetLength());
      entity.fields.put(text.field(), text.edit().apply(current));
    }
    return true;
  }

  private void create(Op.Create create) {
    if (lookup(create.id()) != null) {
      throw new BoardRejection(409, "id already used: " + create.id());
    }
    EntityKind kind = schema.creatableKind(create.kind());
    create.fields().forEach((field, value) -> {
      FieldSpec spec = kind.field(field);
      requireGrant(spec);
      spec.checkValue(value);
    });
    if (liveCount >= BoardSchema.MAX_LIVE_ENTITIES) {
      throw new BoardRejection(413, "a board holds at most " + BoardSchema.MAX_LIVE_ENTITIES + " entities");
    }
    touched.put(create.id(), new Entity(kind, create.fields(), false));
    liveCount++;
  }

  private FieldSpec writableField(Entity entity, String field) {
    FieldSpec spec = entity.kind.field(field);
    requireGrant(spec);
    return spec;
  }

  private void requireGrant(FieldSpec spec) {
    if (!grant.atLeast(spec.writeGrant())) {
      throw new BoardRejection(403, "only a " + spec.writeGrant().name().toLowerCase() + " may change " + spec.name());
    }
  }

  private Entity lookup(String id) {
    Entity entity = touched.get(id);
    return entity != null ? entity : base.get(id);
  }

  /** The draft's own copy of an entity, made on first touch. */
  private Entity writable(String id) {
    Entity entity = touched.get(id);
    if (entity == null) {
      Entity original = base.get(id);
      if (original == null) {
        throw BoardRejection.badInput("no entity " + id);
      }
      entity = original.copy();
      touched.put(id, entity);
    }
    return entity;
  }

  int liveCount() {
    return liveCount;
  }

  /** Writes the touched entities back; new ones are appended in the order they were created. */
  void commit() {
    base.putAll(touched);
  }
}
