package org.aantafel.board;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The meeting-rule groups of the shared vectors: the role, phase and topic tables, agenda balances of random boards
 * and timer readings, as the Java side computes them; webroot/js/board/meeting-rules.js must give the same, and the
 * page's texts (webroot/js/i18n) must name the topics as the record prints them.
 */
final class MeetingVectors {

  private MeetingVectors() {
  }

  static void add(Map<String, Object> vectors, Random random) {
    Map<String, Object> tables = new LinkedHashMap<>();
    tables.put("roles", roles());
    tables.put("phases", BoardSchema.PHASES);
    tables.put("topics", topics());
    vectors.put("tables", List.of(tables));
    List<Map<String, Object>> balances = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      balances.add(balanceCase(random));
    }
    vectors.put("balances", balances);
    List<Map<String, Object>> timers = new ArrayList<>();
    RandomValues values = new RandomValues(random);
    for (int i = 0; i < 60; i++) {
      Map<String, Object> item = new LinkedHashMap<>();
      if (random.nextInt(4) > 0) {
        item.put(Timers.ELAPSED_MS, values.valueFor("agendaItem", Timers.ELAPSED_MS));
      }
      if (random.nextInt(4) > 0) {
        item.put(Timers.STARTED_AT, values.valueFor("agendaItem", Timers.STARTED_AT));
      }
      // Around the start time, before it too: a server clock may have been set back.
      long now = 1_790_000_000_000L + random.nextInt(2_000_000) - 500_000;
      timers.add(timerCase(item, now));
    }
    vectors.put("timers", timers);
  }

  /** A random board with agenda items proposed from every side, some from a template, some deleted. */
  private static Map<String, Object> balanceCase(Random random) {
    BoardState state = RandomOps.randomBoard(random);
    List<Op> ops = new ArrayList<>();
    for (int i = random.nextInt(10); i > 0; i--) {
      Map<String, Object> fields = new LinkedHashMap<>();
      if (random.nextInt(5) > 0) {
        fields.put("proposedBy", "p-x");
        fields.put("proposedByRole", Role.values()[random.nextInt(Role.values().length)].wire());
      }
      String id = "b" + i;
      ops.add(new Op.Create(id, "agendaItem", fields));
      if (random.nextInt(5) == 0) {
        ops.add(new Op.Delete(id));
      }
    }
    state.applyCommitted(ops);
    return Map.of("state", state.toMap(), "balance", AgendaBalance.of(state).toMap());
  }

  static Map<String, Object> timerCase(Map<String, Object> item, long now) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("item", item);
    c.put("now", now);
    c.put("elapsed", Timers.elapsedMs(item, now));
    c.put("running", Timers.isRunning(item));
    return c;
  }

  static Map<String, Object> roles() {
    Map<String, Object> roles = new LinkedHashMap<>();
    for (Role role : Role.values()) {
      roles.put(role.wire(), role.side().name().toLowerCase());
    }
    return roles;
  }

  static List<Map<String, Object>> topics() {
    List<Map<String, Object>> topics = new ArrayList<>();
    for (PraatplaatTopic topic : PraatplaatTopic.values()) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("topic", topic.wire());
      t.put("nl", topic.label("nl"));
      t.put("en", topic.label("en"));
      topics.add(t);
    }
    return topics;
  }
}
