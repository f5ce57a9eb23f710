package org.aantafel.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which text a benchmark client types into. goal: the board's goal; items: the notes of the client's own agenda
 * item, which it creates; authors: one of {@code texts} shared texts, the goal and the notes of agenda items
 * "bench-s1".., by client index modulo texts, each item created by the first client typing into it.
 */
record TextAssignment(String entityId, String field, boolean createsIt, String title, String order) {
  static final String BOARD = "board";

  static TextAssignment of(BenchConfig.Mode mode, int index, int texts) {
    return switch (mode) {
      case ITEMS -> item("bench-" + Markers.tag(index), "Item " + Markers.tag(index), index, true);
      case AUTHORS -> index % texts == 0 ? goal() : shared(index % texts, index < texts);
      default -> goal();
    };
  }

  /** The agenda items of authors mode, as a state's entities map holds them. */
  static Map<String, Map<String, Object>> sharedItems(int texts) {
    Map<String, Map<String, Object>> items = new java.util.LinkedHashMap<>();
    for (TextAssignment t : sharedTexts(texts)) {
      if (!BOARD.equals(t.entityId)) {
        items.put(t.entityId, Map.of("kind", "agendaItem", "title", t.title, "notes", "", "order", t.order));
      }
    }
    return items;
  }

  /** Every text of authors mode, the goal first. */
  static List<TextAssignment> sharedTexts(int texts) {
    List<TextAssignment> all = new ArrayList<>();
    for (int t = 0; t < texts; t++) {
      all.add(t == 0 ? goal() : shared(t, true));
    }
    return all;
  }

  private static TextAssignment goal() {
    return new TextAssignment(BOARD, "goal", false, null, null);
  }

  private static TextAssignment shared(int t, boolean creates) {
    return item("bench-s" + t, "Shared " + t, t, creates);
  }

  /** Up to 26 items: "a" and one letter is a valid order key (an integer part of two characters) for each. */
  private static TextAssignment item(String id, String title, int index, boolean creates) {
    return new TextAssignment(id, "notes", creates, title, "a" + (char) ('a' + index));
  }
}
