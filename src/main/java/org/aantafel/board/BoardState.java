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

  private final BoardSchema schema = BoardSchema.STANDARD;
  /** The board entity first, then the others in creation order. */
  private final Map<String, Entity> entities;
  private int liveCount;

  private BoardState(Map<String, Entity> entities) {
    this.entities = entities;
    this.liveCount = (int) entities.values().stream().filter(e -> !e.deleted).count() - 1;
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

  /** Reads the DESIGN "State" shape; every field is checked against the schema. */
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

  /** A deep copy in the DESIGN "State" shape; tombstones are {"kind": k, "deleted": true}. */
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
    return new BoardState(copies);
  }

  /**
   * Checks and applies ops in order, all or nothing: on a rejection the state is unchanged. Returns the ops as
   * they took effect: ops on deleted entities are dropped (acknowledged without effect); ops on entities that
   * never existed are a 400.
   */
  public List<Op> apply(List<Op> ops, Grant grant) {
    if (ops.size() > BoardSchema.MAX_OPS_PER_APPLY) {
      throw new BoardRejection(413, "at most " + BoardSchema.MAX_OPS_PER_APPLY + " ops at once");
    }
    if (ops.isEmpty()) {
      return List.of();
    }
    if (!grant.atLeast(Grant.PARTICIPANT)) {
      throw new BoardRejection(403, "a viewer cannot change the board");
    }
    Draft draft = new Draft(schema, entities, liveCount, grant);
    List<Op> effective = draft.applyAll(ops);
    draft.commit();
    liveCount = draft.liveCount();
    return effective;
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
