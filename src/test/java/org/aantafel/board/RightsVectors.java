package org.aantafel.board;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rights group of the shared rule vectors: for every kind, a facilitator and a participant, each kind of
 * authorship (the owner field naming the actor, someone else, nobody) and who removed it (the actor, someone else,
 * nobody), whether {@link KindRules} lets the actor remove it, bring it back, delete it and change each of its fields.
 * webroot/js/board/entity-rules.js (mayRemove, mayRestore, mayDelete, mayChange) must answer the same, so a page
 * offers exactly what the server allows. A viewer is left out: the grant refuses a viewer every write before any
 * rule of the kind is asked, and the page makes a viewer's board read-only as a whole.
 */
final class RightsVectors {

  private static final String OTHER = "pBob";

  private RightsVectors() {
  }

  static void add(Map<String, Object> vectors) {
    List<Map<String, Object>> cases = new ArrayList<>();
    for (EntityKind kind : BoardSchema.STANDARD.creatableKinds()) {
      for (Actor actor : List.of(actor("pChair", Grant.FACILITATOR), actor("pAnna", Grant.PARTICIPANT))) {
        KindRules.Owner owner = kind.rules().owner();
        for (String author : owner == null ? new String[] {null} : new String[] {actor.participantId(), OTHER, null}) {
          for (String remover : new String[] {actor.participantId(), OTHER, null}) {
            cases.add(rights(kind, actor, author, remover));
          }
        }
      }
    }
    vectors.put("rights", cases);
  }

  private static Actor actor(String participantId, Grant grant) {
    return new Actor(participantId, participantId, Role.PARENT, grant);
  }

  /** What the actor may do with an entity of the kind written by {@code author} and removed by {@code remover}. */
  private static Map<String, Object> rights(EntityKind kind, Actor actor, String author, String remover) {
    KindRules rules = kind.rules();
    String name = kind.name();
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("kind", name);
    if (rules.owner() != null && author != null) {
      item.put(rules.owner().field(), author);
    }
    boolean removable = rules.ending() == KindRules.Ending.REMOVED;
    if (removable && remover != null) {
      item.put(Removal.REMOVED, true);
      item.put(Removal.REMOVED_BY, remover);
    }
    Map<String, Object> change = new LinkedHashMap<>();
    for (FieldSpec field : kind.fields().values()) {
      if (!field.isStamped() && !field.isControl()) {
        change.put(field.name(), allowed(() -> rules.checkChange(name, item, field.name(), actor)));
      }
    }
    Map<String, Object> c = new LinkedHashMap<>();
    Map<String, Object> who = new LinkedHashMap<>();
    who.put("participantId", actor.participantId());
    who.put("isFacilitator", actor.isFacilitator());
    c.put("actor", who);
    c.put("item", item);
    c.put("remove", removable && allowed(() -> rules.checkRemoval(name, item, true, actor)));
    c.put("restore", removable && allowed(() -> rules.checkRemoval(name, item, false, actor)));
    c.put("delete", allowed(() -> rules.checkDelete(name, item, actor)));
    c.put("change", change);
    return c;
  }

  private static boolean allowed(Runnable check) {
    try {
      check.run();
      return true;
    } catch (BoardRejection refused) {
      return false;
    }
  }
}
