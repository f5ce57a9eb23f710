package org.aantafel.board;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a list of ops to copies of the entities they touch, so that a rejection anywhere in the list leaves the
 * board untouched, and only {@link #commit()} changes it. Costs what the ops touch, not the size of the board.
 *
 * <p>A live draft applies what an actor submits: it checks permissions and the meeting's rules, and stamps the
 * server's fields. A replay draft (no actor) applies ops that were already applied once, from the op log: they
 * carry their stamps and passed every check when they were made, so only their shape is checked again.
 */
final class Draft {

  private final BoardSchema schema;
  private final Map<String, Entity> base;
  private final Map<String, Entity> touched = new LinkedHashMap<>();
  /** Null when replaying committed ops. */
  private final Actor actor;
  private final long nowMillis;
  private int liveCount;

  private Draft(BoardSchema schema, Map<String, Entity> base, int liveCount, Actor actor, long nowMillis) {
    this.schema = schema;
    this.base = base;
    this.liveCount = liveCount;
    this.actor = actor;
    this.nowMillis = nowMillis;
  }

  static Draft live(BoardSchema schema, Map<String, Entity> base, int liveCount, Actor actor, long nowMillis) {
    return new Draft(schema, base, liveCount, actor, nowMillis);
  }

  static Draft replay(BoardSchema schema, Map<String, Entity> base, int liveCount) {
    return new Draft(schema, base, liveCount, null, 0);
  }

  /** Applies every op in order; returns the ops as applied: stamped, controls carried out, tombstone ops dropped. */
  List<Op> applyAll(List<Op> ops) {
    List<Op> applied = new ArrayList<>(ops.size());
    for (int i = 0; i < ops.size(); i++) {
      try {
        applied.addAll(applyOne(ops.get(i)));
      } catch (BoardRejection e) {
        throw new BoardRejection(e.code(), "op " + i + ": " + e.getMessage());
      }
    }
    return applied;
  }

  private List<Op> applyOne(Op op) {
    if (actor != null) {
      refuseIfClosed(op);
    }
    if (op instanceof Op.Create create) {
      return List.of(create(create));
    }
    Entity entity = writable(op.id());
    if (entity.deleted) {
      return List.of();
    }
    if (op instanceof Op.Delete) {
      if (op.id().equals(EntityId.BOARD)) {
        throw BoardRejection.badInput("the board cannot be deleted");
      }
      if (actor != null) {
        entity.kind.rules().checkDelete(entity.kind.name(), entity.fields, actor);
      }
      entity.delete();
      liveCount--;
      return List.of(op);
    }
    if (op instanceof Op.Set set) {
      return set(entity, set);
    }
    Op.Text text = (Op.Text) op;
    FieldSpec spec = writableField(entity, text.field());
    if (!spec.isText()) {
      throw BoardRejection.badInput(text.field() + " is not a text: change it with a set op");
    }
    String current = entity.text(text.field());
    if (text.edit().baseLength() != current.length()) {
      throw BoardRejection.badInput("edit does not match the text of " + text.id() + "." + text.field());
    }
    spec.checkTextLength(text.edit().targetLength());
    text.edit().toComponents().forEach(c -> {
      if (c instanceof String inserted) {
        spec.checkWritten(inserted);
      }
    });
    entity.fields.put(text.field(), text.edit().apply(current));
    if (actor == null) {
      return List.of(op);
    }
    List<Op> applied = new ArrayList<>(List.of(op));
    Stamps.onEdit(entity.kind.name(), text, entity.fields, actor).ifPresent(applied::add);
    if (entity.kind.name().equals("question")) {
      Questions.onEdit(text, entity.fields, actor, lookup(EntityId.BOARD).fields).ifPresent(applied::add);
    }
    applied.stream().skip(1).map(Op.Set.class::cast).forEach(stamp -> entity.fields.put(stamp.field(), stamp.value()));
    return applied;
  }

  private List<Op> set(Entity entity, Op.Set set) {
    FieldSpec spec = writableField(entity, set.field());
    if (spec.isText()) {
      throw BoardRejection.badInput(set.field() + " is a text: change it with a text op");
    }
    spec.checkValue(set.value());
    if (set.value() instanceof String written) {
      spec.checkWritten(written);
    }
    if (actor != null && entity.kind.name().equals("vote") && set.field().equals(Questions.WITHDRAWN)) {
      Questions.checkRecast(entity.fields, set.value(), id -> java.util.Optional.ofNullable(lookup(id)));
    }
    if (actor != null && set.field().equals(Removal.REMOVED)) {
      entity.kind.rules().checkRemoval(entity.kind.name(), entity.fields, set.value(), actor);
    }
    if (!spec.isControl()) {
      List<Op.Set> stamps = actor == null ? List.of()
          : Stamps.onSet(entity.kind.name(), set, entity.fields, actor, nowMillis);
      entity.fields.put(set.field(), set.value());
      if (actor != null) {
        Polls.checkWritten(entity.kind.name(), entity.fields, this::lookup);
      }
      if (stamps.isEmpty()) {
        return List.of(set);
      }
      List<Op> applied = new ArrayList<>(List.of(set));
      stamps.forEach(stamp -> entity.fields.put(stamp.field(), stamp.value()));
      applied.addAll(stamps);
      return applied;
    }
    List<Op.Set> sets = Timers.control(set.id(), entity.fields, (String) set.value(), nowMillis);
    for (Op.Set stampedSet : sets) {
      entity.kind.field(stampedSet.field()).checkValue(stampedSet.value());
      entity.fields.put(stampedSet.field(), stampedSet.value());
    }
    return List.copyOf(sets);
  }

  private Op create(Op.Create create) {
    if (lookup(create.id()) != null) {
      throw new BoardRejection(409, "id already used: " + create.id());
    }
    EntityKind kind = schema.creatableKind(create.kind());
    Map<String, Object> fields = create.fields();
    fields.keySet().forEach(field -> {
      FieldSpec spec = kind.field(field);
      if (spec.isControl()) {
        throw BoardRejection.badInput(field + " is a control: set it once the " + kind.name() + " exists");
      }
      requireWritable(spec);
    });
    if (actor != null) {
      kind.rules().checkCreate(kind.name(), create.id(), fields, actor);
      kind.rules().checkNoEarlierEntry(kind.name(), fields, actor, this::lookup);
      if (kind.name().equals("vote")) {
        Questions.checkVoteCreate(fields, id -> java.util.Optional.ofNullable(lookup(id)));
      }
      fields = Stamps.onCreate(kind.name(), fields, actor, lookup(EntityId.BOARD).fields, nowMillis);
    }
    fields.forEach((field, value) -> {
      kind.field(field).checkValue(value);
      if (value instanceof String written) {
        kind.field(field).checkWritten(written);
      }
    });
    if (actor != null) {
      Polls.checkWritten(kind.name(), fields, this::lookup);
    }
    if (liveCount >= BoardSchema.MAX_LIVE_ENTITIES) {
      throw new BoardRejection(413, "a board holds at most " + BoardSchema.MAX_LIVE_ENTITIES + " entities");
    }
    touched.put(create.id(), new Entity(kind, fields, false));
    liveCount++;
    return fields.equals(create.fields()) ? create : new Op.Create(create.id(), create.kind(), fields);
  }

  /**
   * A closed meeting is a record: nothing changes until it is reopened. Closing and reopening are the server's own
   * changes (the close API stores the record as it closes), so no browser can close without a record.
   */
  private void refuseIfClosed(Op op) {
    if (actor.isServer()) {
      return;
    }
    if (BoardSchema.CLOSED.equals(lookup(EntityId.BOARD).fields.get("phase"))) {
      throw new BoardRejection(409, "this meeting is closed: the facilitator can reopen it");
    }
    if (op instanceof Op.Set set && set.id().equals(EntityId.BOARD) && set.field().equals("phase")
        && BoardSchema.CLOSED.equals(set.value())) {
      throw new BoardRejection(403, "close the meeting with Close, which stores its record");
    }
  }

  private FieldSpec writableField(Entity entity, String field) {
    FieldSpec spec = entity.kind.field(field);
    requireWritable(spec);
    if (actor != null) {
      if (spec.isFixed()) {
        throw new BoardRejection(403, field + " of a " + entity.kind.name() + " is given when it is made and stays");
      }
      entity.kind.rules().checkChange(entity.kind.name(), entity.fields, field, actor);
      if (entity.kind.name().equals(Polls.POLL)) {
        Polls.checkAsked(entity.fields, field);
      }
    }
    return spec;
  }

  private void requireWritable(FieldSpec spec) {
    if (spec.isControl() && actor == null) {
      throw BoardRejection.badInput(spec.name() + " is a control and never part of an applied op");
    }
    if (actor == null) {
      return;
    }
    if (spec.isStamped()) {
      throw new BoardRejection(403, spec.name() + " is set by the server only");
    }
    if (!actor.grant().atLeast(spec.writeGrant())) {
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
