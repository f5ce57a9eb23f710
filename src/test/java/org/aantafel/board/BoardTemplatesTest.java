package org.aantafel.board;

import static org.aantafel.board.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BoardTemplatesTest {

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> entities(BoardState state) {
    return (Map<String, Map<String, Object>>) state.toMap().get("entities");
  }

  @Test
  void theSixTemplatesOfTheMeetingModel() {
    assertEquals(List.of("empty", "driehoeksgesprek", "startgesprek", "zorgoverleg", "ouderavond", "webinar"),
        BoardTemplates.names());
    assertEquals(BoardSchema.TEMPLATES, BoardTemplates.names());
  }

  @Test
  void everyTemplateMakesAValidBoardInBothLanguages() {
    for (String template : BoardTemplates.names()) {
      for (String language : BoardSchema.LANGUAGES) {
        BoardState state = BoardTemplates.create("Gesprek", language, template);
        Map<String, Object> board = state.fields("board").orElseThrow();
        assertEquals(Map.of("title", "Gesprek", "goal", "", "phase", "prepare", "language", language,
            "template", template, "phases", board.get("phases")), board);
        assertTrue(((String) board.get("phases")).startsWith("prepare,"), template);
        assertTrue(((String) board.get("phases")).endsWith(",closed"), template);
        assertEquals(state.toMap(), BoardState.fromMap(state.toMap()).toMap(), "loadable: " + template);
        assertFalse(BoardTemplates.displayName(template, language).isBlank());
        assertFalse(BoardTemplates.purpose(template, language).isBlank());
        List<String> orders = new ArrayList<>();
        entities(state).values().forEach(item -> {
          assertEquals("agendaItem", item.get("kind"));
          assertFalse(((String) item.get("title")).isBlank());
          assertFalse(item.containsKey("proposedBy"), "template items have no proposer");
          orders.add((String) item.get("order"));
        });
        assertEquals(orders.stream().sorted().toList(), orders, "items keep the template's order");
        assertEquals(template.equals("empty"), orders.isEmpty(), template);
      }
    }
  }

  @Test
  void theLanguagesSayTheSameNumberOfThingsDifferently() {
    for (String template : BoardTemplates.names()) {
      Map<String, Map<String, Object>> dutch = entities(BoardTemplates.create("t", "nl", template));
      Map<String, Map<String, Object>> english = entities(BoardTemplates.create("t", "en", template));
      assertEquals(dutch.keySet(), english.keySet());
      dutch.forEach((id, item) -> assertNotEquals(item.get("title"), english.get(id).get("title"), id));
      assertNotEquals(BoardTemplates.purpose(template, "nl"), BoardTemplates.purpose(template, "en"));
    }
  }

  @Test
  void aTemplateBoardIsEditedLikeAnyOther() {
    BoardState state = BoardTemplates.create("MDO", "en", "zorgoverleg");
    String first = entities(state).keySet().iterator().next();
    state.apply(List.of(new Op.Set(first, "status", "done")), Table.PARENT, 0);
    // The template's own items are the facilitator's to remove.
    state.apply(List.of(new Op.Set(first, "removed", true)), Table.CHAIR, 0);
    assertEquals(Table.CHAIR.participantId(), state.fields(first).orElseThrow().get("removedBy"));
  }

  @Test
  void unknownTemplatesAndLanguagesAreBadInput() {
    assertRejected(400, () -> BoardTemplates.create("t", "nl", "feest"));
    assertRejected(400, () -> BoardTemplates.create("t", "nl", null));
    assertRejected(400, () -> BoardTemplates.create("t", "de", "empty"));
    assertRejected(400, () -> BoardTemplates.purpose("feest", "nl"));
  }
}
