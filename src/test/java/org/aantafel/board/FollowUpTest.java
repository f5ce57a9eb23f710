package org.aantafel.board;

import static org.aantafel.board.Table.CHAIR;
import static org.aantafel.board.Table.PARENT;
import static org.aantafel.board.Table.SERVER;
import static org.aantafel.board.Table.TEACHER;
import static org.aantafel.board.Table.create;
import static org.aantafel.board.Table.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the next meeting inherits from the one it follows. */
class FollowUpTest {

  private static final String K1 = OrderKey.between(null, null);
  private static final String K2 = OrderKey.between(K1, null);
  private static final String K3 = OrderKey.between(K2, null);

  private final Table table = new Table(BoardTemplates.create("Driehoeksgesprek Sam", "nl", "driehoeksgesprek"));

  private BoardState next() {
    return FollowUp.next(table.state.toMap(), id -> id.equals("p-teacher") ? "Juf Anna" : null,
        "Driehoeksgesprek Sam (2)", "2027-01-15T14:30");
  }

  @Test
  void openActionsComeBackToDoAndToReviewDoneOnesStayBehind() {
    table.apply(PARENT,
        create("x1", "action", Map.of("what", "Logopedie aanvragen", "whoParticipantId", "p-teacher",
            "due", "2026-12-01", "order", K1)),
        create("x2", "action", Map.of("what", "Rapport delen", "who", "Moeder", "order", K2)),
        create("x3", "action", Map.of("what", "Al gedaan", "order", K3)));
    table.apply(PARENT, set("x3", "status", "done"));

    Map<String, Object> next = next().toMap();

    List<Map<String, Object>> actions = ofKind(next, "action");
    assertEquals(2, actions.size());
    assertEquals(Map.of("what", "Logopedie aanvragen", "who", "Juf Anna", "due", "2026-12-01", "status", "open",
        "carriedFrom", "x1"), without(actions.get(0), "kind", "order"));
    assertEquals("Moeder", actions.get(1).get("who"));
    assertEquals("x2", actions.get(1).get("carriedFrom"));
    Map<String, Object> review = ofKind(next, "agendaItem").get(0);
    assertEquals("Openstaande acties nalopen", review.get("title"));
    assertEquals("- Logopedie aanvragen (Juf Anna, uiterlijk 2026-12-01)\n- Rapport delen (Moeder)", review.get("notes"));
    assertFalse(review.containsKey("proposedBy"), "carried items are not counted as anyone's proposal");
  }

  @Test
  void aCarriedActionKeepsPointingAtWhereItWasFirstAgreed() {
    table.apply(PARENT, create("x1", "action", Map.of("what", "Bellen", "order", K1)));
    BoardState second = next();
    BoardState third = FollowUp.next(second.toMap(), id -> null, "Derde", "");
    assertEquals("x1", ofKind(third.toMap(), "action").get(0).get("carriedFrom"));
  }

  @Test
  void disagreementsComeBackAsPointsToContinueAgreementsDoNot() {
    table.apply(PARENT,
        create("g1", "agreement", Map.of("text", "Sam krijgt extra tijd", "stance", "agree", "order", K1)),
        create("g2", "agreement", Map.of("text", "Wel of geen dyslexietest", "stance", "disagree", "order", K2)),
        create("g3", "agreement", Map.of("text", "x".repeat(1000), "stance", "disagree", "order", K3)));

    List<Map<String, Object>> agenda = ofKind(next().toMap(), "agendaItem");

    assertEquals("Verder praten over: Wel of geen dyslexietest", agenda.get(0).get("title"));
    assertEquals("Wel of geen dyslexietest", agenda.get(0).get("notes"));
    String clipped = (String) agenda.get(1).get("title");
    assertEquals(300, clipped.length());
    assertTrue(clipped.endsWith("x…"));
    assertEquals("x".repeat(1000), agenda.get(1).get("notes"), "the full text is kept in the notes");
    assertTrue(ofKind(next().toMap(), "agreement").isEmpty(), "what was agreed is in the record, not on the new board");
  }

  @Test
  void leadEvaluationDateTemplateAndLanguageCarryOverThePlanIsNew() {
    table.apply(CHAIR, set("board", "leadParticipantId", "p-teacher"), set("board", "evaluationDate", "2027-03-01"),
        set("board", "phase", "lookback"));
    table.apply(SERVER, set("board", "phase", "closed"));

    Map<String, Object> board = board(next().toMap());

    assertEquals("Juf Anna", board.get("lead"));
    assertEquals("2027-03-01", board.get("evaluationDate"));
    assertEquals("2027-01-15T14:30", board.get("scheduledAt"));
    assertEquals("Driehoeksgesprek Sam (2)", board.get("title"));
    assertEquals("prepare", board.get("phase"));
    assertEquals("driehoeksgesprek", board.get("template"));
    assertEquals("nl", board.get("language"));
    assertEquals("", board.get("goal"), "each meeting sets its own goal");
  }

  @Test
  void aLeadWhoIsNotAtTheTableIsKeptAsWritten() {
    table.apply(TEACHER, Table.text("board", "lead", "Wijkteam"));
    assertEquals("Wijkteam", board(next().toMap()).get("lead"));
  }

  @Test
  void theTemplatesSuggestionsFollowWhatIsCarriedInOneOrder() {
    table.apply(PARENT, create("g2", "agreement", Map.of("text", "Huiswerk", "stance", "disagree", "order", K2)));
    List<Map<String, Object>> agenda = ofKind(next().toMap(), "agendaItem");
    int suggested = ofKind(BoardTemplates.create("t", "nl", "driehoeksgesprek").toMap(), "agendaItem").size();
    assertEquals(1 + suggested, agenda.size());
    assertEquals("Verder praten over: Huiswerk", agenda.get(0).get("title"));
  }

  @Test
  void nothingOpenMeansTheTemplatesFreshStart() {
    Map<String, Object> next = next().toMap();
    Map<String, Object> fresh = BoardTemplates.create("Driehoeksgesprek Sam (2)", "nl", "driehoeksgesprek").toMap();
    assertEquals(ofKind(fresh, "agendaItem").stream().map(i -> i.get("title")).toList(),
        ofKind(next, "agendaItem").stream().map(i -> i.get("title")).toList());
    assertTrue(ofKind(next, "action").isEmpty());
  }

  @Test
  void englishBoardsGetEnglishItems() {
    Table english = new Table(BoardTemplates.create("Meeting", "en", "empty"));
    english.apply(PARENT, create("x1", "action", Map.of("what", "Call", "due", "2026-12-01", "order", K1)));
    Map<String, Object> item = ofKind(FollowUp.next(english.state.toMap(), id -> null, "Next", "").toMap(),
        "agendaItem").get(0);
    assertEquals("Review the open actions", item.get("title"));
    assertEquals("- Call (due 2026-12-01)", item.get("notes"));
  }

  @Test
  void deletedEntitiesStayBehind() {
    table.apply(PARENT, create("x1", "action", Map.of("what", "Weg", "order", K1)));
    table.apply(PARENT, new Op.Set("x1", "removed", true));
    assertTrue(ofKind(next().toMap(), "action").isEmpty());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> board(Map<String, Object> state) {
    return (Map<String, Object>) state.get("board");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> ofKind(Map<String, Object> state, String kind) {
    List<Map<String, Object>> found = new ArrayList<>();
    ((Map<String, Object>) state.get("entities")).values().stream().map(e -> (Map<String, Object>) e)
        .filter(e -> kind.equals(e.get("kind"))).forEach(found::add);
    found.sort(Comparator.comparing(e -> String.valueOf(e.get("order"))));
    return found;
  }

  private static Map<String, Object> without(Map<String, Object> fields, String... keys) {
    Map<String, Object> copy = new java.util.LinkedHashMap<>(fields);
    for (String key : keys) {
      copy.remove(key);
    }
    return copy;
  }
}
