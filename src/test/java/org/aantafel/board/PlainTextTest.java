package org.aantafel.board;

import static org.aantafel.board.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Names and titles cannot be disguised with Unicode direction controls. */
class PlainTextTest {
  private static final long NOW = 1_790_000_000_000L;
  private static final Actor ANNA = new Actor("p-anna", "Anna", Role.PARENT, Grant.FACILITATOR);

  @Test
  void everyDirectionControlIsRemovedAndNothingElse() {
    StringBuilder controls = new StringBuilder();
    for (char c = '\u202A'; c <= '\u202E'; c++) {
      controls.append(c);
    }
    for (char c = '\u2066'; c <= '\u2069'; c++) {
      controls.append(c);
    }
    controls.append('\u200E').append('\u200F').append('\u061C');
    assertEquals("Zorgoverleg", PlainText.withoutDirectionControls("Zorg" + controls + "overleg"));
    assertEquals("Zorgoverleg", PlainText.withoutDirectionControls("Zorg\u202Eoverleg"));
    String arabicAndEmoji = "\u0645\u0631\u064A\u0645 Zoë 😀 \u200D\u200B";
    assertSame(arabicAndEmoji, PlainText.withoutDirectionControls(arabicAndEmoji), "other characters stay");
    assertEquals(null, PlainText.withoutDirectionControls(null));
    assertTrue(PlainText.hasDirectionControls("a\u2067b"));
    assertFalse(PlainText.hasDirectionControls("\u2065\u202F\u200D"), "neighbours of the ranges are no controls");
  }

  @Test
  void titlesAndNamesRefuseThemWhenWrittenThroughOps() {
    BoardState state = BoardState.create("Zorgoverleg", "nl");
    assertRejected(400, () -> state.apply(List.of(text("board", "title", 11, "\u202Etxt")), ANNA, NOW));
    assertRejected(400, () -> state.apply(List.of(text("board", "lead", "Anna\u200F")), ANNA, NOW));
    assertRejected(400, () -> state.apply(List.of(create("agendaItem", "i1", "title", "Rooster\u2066")), ANNA, NOW));
    assertRejected(400, () -> state.apply(List.of(create("action", "a1", "who", "\u202DMo")), ANNA, NOW));
    assertEquals(Map.of(), state.toMap().get("entities"), "nothing was applied");

    state.apply(List.of(text("board", "goal", "notes may quote right-to-left text \u200F"),
      create("action", "a1", "who", "\u0645\u0631\u064A\u0645")), ANNA, NOW);
    assertEquals("\u0645\u0631\u064A\u0645", state.fields("a1").orElseThrow().get("who"),
      "a right-to-left name needs no controls");
  }

  @Test
  void aBoardStoredWithThemStillLoads() {
    Map<String, Object> stored = new HashMap<>(BoardState.create("x", "nl").toMap());
    Map<String, Object> board = new HashMap<>(castMap(stored.get("board")));
    board.put("title", "Zorg\u202Eoverleg");
    stored.put("board", board);
    assertEquals("Zorg\u202Eoverleg", BoardState.fromMap(stored).fields("board").orElseThrow().get("title"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Object map) {
    return (Map<String, Object>) map;
  }

  private static Op text(String id, String field, Object... components) {
    return new Op.Text(id, field, TextOperation.fromComponents(List.of(components)));
  }

  private static Op create(String kind, String id, String field, String value) {
    Map<String, Object> fields = new HashMap<>();
    fields.put(field, value);
    fields.put("order", "a0");
    return new Op.Create(id, kind, fields);
  }
}
