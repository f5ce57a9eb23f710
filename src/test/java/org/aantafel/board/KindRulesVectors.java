package org.aantafel.board;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The entity-rule groups of the shared vectors: the table of {@link KindRules} as {@link BoardSchema#STANDARD}
 * declares it, and per-person ids derived from random parents and participants; webroot/js/board/entity-rules.js
 * must hold the same table and derive the same ids.
 */
final class KindRulesVectors {

  private static final String ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

  private KindRulesVectors() {
  }

  static void add(Map<String, Object> vectors, Random random) {
    vectors.put("kindRules", List.of(Map.of("table", table())));
    List<Map<String, Object>> ids = new ArrayList<>();
    for (EntityKind kind : BoardSchema.STANDARD.creatableKinds()) {
      KindRules.Personal personal = kind.rules().personal();
      for (int i = 0; personal != null && i < 10; i++) {
        String parent = personal.parentField() == null ? null : randomId(random, KindRules.MAX_PARENT_ID);
        String participant = "p" + randomId(random, 15).substring(1);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("kind", kind.name());
        c.put("parent", parent);
        c.put("participantId", participant);
        c.put("id", personal.id(parent, participant));
        ids.add(c);
      }
    }
    vectors.put("personalIds", ids);
  }

  /** Kind name -> its rules, in the wire words of entity-rules.js. */
  static Map<String, Object> table() {
    Map<String, Object> table = new LinkedHashMap<>();
    for (EntityKind kind : BoardSchema.STANDARD.creatableKinds()) {
      KindRules rules = kind.rules();
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("creator", rules.creator().name().toLowerCase());
      row.put("ending", rules.ending().wire());
      row.put("ender", rules.ender().wire());
      Map<String, Object> owner = null;
      if (rules.owner() != null) {
        owner = new LinkedHashMap<>();
        owner.put("field", rules.owner().field());
        owner.put("fields", rules.owner().fields());
        owner.put("facilitatorToo", rules.owner().facilitatorToo());
      }
      row.put("owner", owner);
      Map<String, Object> personal = null;
      if (rules.personal() != null) {
        personal = new LinkedHashMap<>();
        personal.put("prefix", rules.personal().prefix());
        personal.put("parentField", rules.personal().parentField());
      }
      row.put("personal", personal);
      row.put("maxIdLength", rules.maxIdLength());
      table.put(kind.name(), row);
    }
    return table;
  }

  private static String randomId(Random random, int maxLength) {
    StringBuilder id = new StringBuilder();
    for (int i = 1 + random.nextInt(maxLength); i > 0; i--) {
      id.append(ID_CHARS.charAt(random.nextInt(ID_CHARS.length())));
    }
    return id.toString();
  }
}
