package org.aantafel.board;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole board: the board's own fields (entity id "board") and every entity by id, tombstones included.
 * Mutable and not thread-safe: exactly one writer (the board's hub) owns it.
 */
public final class BoardState {

  /**
   * The quota of a board's state, tombstones included. A long real meeting with every kind of entity in use holds
   * some tens of kilobytes; a webinar with 2,000 questions and votes about 1 MiB.
   */
  public static final long MAX_BYTES = 2L * 1024 * 1024;

  private final BoardSchema schema = BoardSchema.STANDARD;
  /** The board entity first, then the others in creation order. */
  private final Map<String, Entity> entities;
  private int liveCount;
  /** The state's size as {@link StateBytes} counts it, tombstones included. */
  private long bytes;
  private long maxBytes = MAX_BYTES;

  private BoardState(Map<String, Entity> entities) {
    this.entities = entities;
    this.liveCount = (int) entities.values().stream().filter(e -> !e.deleted).count() - 1;
    entities.forEach((id, entity) -> bytes += StateBytes.of(id, entity));
  }

  /** A new board in the "prepare" phase with an empty goal. */
  public static BoardState create(String title, String language) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("title", title);
    fields.put("goal", "");
    fields.put("phase", "prepare");
    fields.put("language", language);
    return fromMap(Map.of("board", fields, "entities", Map.of()));
  }

  /** Reads the state shape of docs/protocol.md ({board, entities}); every field is checked against the schema. */
  public static BoardState fromMap(Map<String, ?> state) {
    if (state == null || !(state.get("board") instanceof Map<?, ?> board)) {
      throw BoardRejection.badInput("state needs a board object");
    }
    Object others = state.get("entities");
    if (!(others instanceof Map<?, ?> byId)) {
      throw BoardRejection.badInput("state needs an entities object");
    }
    BoardSchema schema = BoardSchema.STANDARD;
    Map<String, Entity> entities = new LinkedHashMap<>();
    entities.put(EntityId.BOARD, new Entity(schema.board(), checkedFields(schema.board(), board), false));
    byId.forEach((key, value) -> {
      String id = EntityId.check(String.valueOf(key));
      if (id.equals(EntityId.BOARD) || !(value instanceof Map<?, ?> map) || !(map.get("kind") instanceof String kind)) {
        throw BoardRejection.badInput("entity " + id + " needs an object with a kind");
      }
      entities.put(id, readEntity(schema.creatableKind(kind), map));
    });
    return new BoardState(entities);
  }

  private static Entity readEntity(EntityKind kind, Map<?, ?> map) {
    if (Boolean.TRUE.equals(map.get("deleted"))) {
      return new Entity(kind, Map.of(), true);
    }
    Map<Object, Object> fields = new LinkedHashMap<>(map);
    fields.remove("kind");
    return new Entity(kind, checkedFields(kind, fields), false);
  }

  private static Map<String, Object> checkedFields(EntityKind kind, Map<?, ?> map) {
    Map<String, Object> fields = new LinkedHashMap<>();
    map.forEach((key, value) -> {
      String field = String.valueOf(key);
      Object scalar = Scalars.check(value, field);
      kind.field(field).checkValue(scalar);
      fields.put(field, scalar);
    });
    return fields;
  }

  /** A deep copy in the state shape ({board, entities}); tombstones are {"kind": k, "deleted": true}. */
  public Map<String, Object> toMap() {
    Map<String, Object> others = new LinkedHashMap<>();
    entities.forEach((id, entity) -> {
      if (!id.equals(EntityId.BOARD)) {
        others.put(id, entity.toMap());
      }
    });
    Map<String, Object> board = new LinkedHashMap<>(entities.get(EntityId.BOARD).fields);
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("board", board);
    state.put("entities", others);
    return state;
  }

  public BoardState copy() {
    Map<String, Entity> copies = new LinkedHashMap<>();
    entities.forEach((id, entity) -> copies.put(id, entity.copy()));
    BoardState copy = new BoardState(copies);
    copy.maxBytes = maxBytes;
    return copy;
  }

  /** Sets the quota {@link #apply} keeps the state within (a server may hold boards to less than {@link #MAX_BYTES}). */
  public BoardState limitBytes(long max) {
    this.maxBytes = max;
    return this;
  }

  /** The state's size in bytes, tombstones included: about its JSON spelling in UTF-8. */
  public long bytes() {
    return bytes;
  }

  /** The ids of the tombstones the state still holds. */
  public List<String> tombstones() {
    return entities.entrySet().stream().filter(e -> e.getValue().deleted).map(Map.Entry::getKey).toList();
  }

  /**
   * Forgets the tombstone of an entity, once no client can need it any more: every client based before its delete
   * catches up with the whole state. Does nothing when the id is live or unknown. A later create of the same id is
   * then a create like any other, and replaying it over the tombstone (from an older snapshot, or in a browser that
   * still holds the tombstone) replaces the tombstone.
   */
  public boolean forgetTombstone(String id) {
    Entity entity = entities.get(id);
    if (entity == null || !entity.deleted) {
      return false;
    }
    entities.remove(id);
    bytes -= StateBytes.of(id, entity);
    return true;
  }

  /**
   * Checks and applies what an actor submits, in order, all or nothing: on a rejection the state is unchanged.
   * Returns the ops as applied, which is what to store and publish: server-stamped fields added to creates,
   * controls replaced by the sets they made (with {@code nowMillis} as the server's clock), ops on deleted entities
   * dropped (acknowledged without effect). Ops on entities that never existed are a 400.
   */
  public List<Op> apply(List<Op> ops, Actor actor, long nowMillis) {
    checkSize(ops);
    if (ops.isEmpty()) {
      return List.of();
    }
    if (!actor.grant().atLeast(Grant.PARTICIPANT)) {
      throw new BoardRejection(403, "a viewer cannot change the board");
    }
    // The server's own changes (closing, reopening) are a phase each and must never fail on a full board.
    return run(Draft.live(schema, entities, liveCount, actor, nowMillis), ops, !actor.isServer());
  }

  /**
   * Applies ops that {@link #apply} returned before (loading a board from its op log, or a browser's twin):
   * they carry their stamps and passed the permission checks when they were made, so only their shape is checked.
   * Replaying the applied ops on the state they were applied to gives the same state again.
   */
  public List<Op> applyCommitted(List<Op> ops) {
    return run(Draft.replay(schema, entities, liveCount), ops, false);
  }

  private static void checkSize(List<Op> ops) {
    if (ops.size() > BoardSchema.MAX_OPS_PER_APPLY) {
      throw new BoardRejection(413, "at most " + BoardSchema.MAX_OPS_PER_APPLY + " ops at once");
    }
  }

  /** A submit that would grow the state beyond its quota is refused; one that shrinks it never is. */
  private List<Op> run(Draft draft, List<Op> ops, boolean withinQuota) {
    List<Op> applied = draft.applyAll(ops);
    long after = bytes + draft.byteDelta();
    if (withinQuota && after > maxBytes && after > bytes) {
      throw new BoardRejection(413, "this board is full (at most " + maxBytes / 1024
          + " KB): remove something, or continue in a follow-up meeting");
    }
    draft.commit();
    bytes = after;
    liveCount = draft.liveCount();
    return applied;
  }

  /** The fields of a live entity ("board" for the board's own), as a copy; empty when missing or deleted. */
  public Optional<Map<String, Object>> fields(String id) {
    Entity entity = entities.get(id);
    return entity == null || entity.deleted ? Optional.empty() : Optional.of(new LinkedHashMap<>(entity.fields));
  }

  /** Kind and fields of every live entity other than the board, in creation order; for rule helpers. */
  Map<String, Entity> liveEntities() {
    Map<String, Entity> live = new LinkedHashMap<>();
    entities.forEach((id, entity) -> {
      if (!entity.deleted && !Removal.gone(entity.fields) && !id.equals(EntityId.BOARD)) {
        live.put(id, entity);
      }
    });
    return live;
  }

  /** The kind of an entity, tombstones included; empty for an id never used. */
  public Optional<String> kindOf(String id) {
    Entity entity = entities.get(id);
    return entity == null ? Optional.empty() : Optional.of(entity.kind.name());
  }

  /** The text of a text field ("" when never written); empty for a missing or deleted entity or a non-text field. */
  public Optional<String> text(String id, String field) {
    Entity entity = entities.get(id);
    if (entity == null || entity.deleted) {
      return Optional.empty();
    }
    FieldSpec spec = entity.kind.fields().get(field);
    return spec != null && spec.isText() ? Optional.of(entity.text(field)) : Optional.empty();
  }

  /** The number of live entities, not counting the board itself or tombstones. */
  public int entityCount() {
    return liveCount;
  }
}
