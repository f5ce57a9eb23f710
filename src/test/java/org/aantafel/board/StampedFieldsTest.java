package org.aantafel.board;

import static org.aantafel.board.Table.CHAIR;
import static org.aantafel.board.Table.PARENT;
import static org.aantafel.board.Table.STUDENT;
import static org.aantafel.board.Table.TEACHER;
import static org.aantafel.board.Table.create;
import static org.aantafel.board.Table.set;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StampedFieldsTest {

  private final Table table = new Table();

  private static Map<String, Object> proposal(String title, Actor by, boolean late) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("title", title);
    fields.put("proposedBy", by.participantId());
    fields.put("proposedByName", by.name());
    fields.put("proposedByRole", by.role().wire());
    fields.put("late", late);
    return fields;
  }

  @Test
  void anAgendaItemIsStampedWithItsProposerAndTheStampsAreInTheAppliedOp() {
    List<Op> applied = table.apply(PARENT, create("a1", "agendaItem", Map.of("title", "Huiswerk")));
    assertEquals(List.of(create("a1", "agendaItem", proposal("Huiswerk", PARENT, false))), applied);
    Map<String, Object> expected = new LinkedHashMap<>(proposal("Huiswerk", PARENT, false));
    assertEquals(expected, table.fields("a1"));
  }

  @Test
  void itemsAddedOnceTheAgendaIsFrozenOrTheMeetingHasBegunAreLate() {
    table.apply(STUDENT, create("early", "agendaItem", Map.of()));
    table.apply(CHAIR, set("board", "agendaFrozen", true));
    table.apply(STUDENT, create("frozen", "agendaItem", Map.of()));
    table.apply(CHAIR, set("board", "agendaFrozen", false));
    table.apply(STUDENT, create("thawed", "agendaItem", Map.of()));
    for (String phase : List.of("checkin", "goal", "agenda", "agreements", "lookback")) {
      table.apply(CHAIR, set("board", "phase", phase));
      table.apply(TEACHER, create("in-" + phase, "agendaItem", Map.of()));
      assertEquals(true, table.fields("in-" + phase).get("late"), phase);
    }
    table.apply(CHAIR, set("board", "phase", "prepare"));
    table.apply(TEACHER, create("back-in-prepare", "agendaItem", Map.of()));
    assertEquals(false, table.fields("early").get("late"));
    assertEquals(true, table.fields("frozen").get("late"));
    assertEquals(false, table.fields("thawed").get("late"));
    assertEquals(false, table.fields("back-in-prepare").get("late"));
  }

  @Test
  void lateFollowsTheStateWithinOneList() {
    table.apply(CHAIR, create("before", "agendaItem", Map.of()), set("board", "agendaFrozen", true),
        create("after", "agendaItem", Map.of()));
    assertEquals(false, table.fields("before").get("late"));
    assertEquals(true, table.fields("after").get("late"));
  }

  @Test
  void questionsCheckinsAndGoalChecksAreStampedToo() {
    table.apply(TEACHER, create("q1", "question", Map.of("text", "Hoe lang duurt het?")),
        create("checkin.p-teacher", "checkin", Map.of("text", "Moe maar blij")),
        create("goalCheck.p-teacher", "goalCheck", Map.of("verdict", "met")));
    Map<String, Object> question = table.fields("q1");
    assertEquals(List.of("p-teacher", "Juf Anna", "teacher"),
        List.of(question.get("proposedBy"), question.get("proposedByName"), question.get("proposedByRole")));
    assertEquals(false, question.containsKey("late"), "only agenda items can be late");
    for (String id : List.of("checkin.p-teacher", "goalCheck.p-teacher")) {
      Map<String, Object> fields = table.fields(id);
      assertEquals(List.of("p-teacher", "Juf Anna", "teacher"),
          List.of(fields.get("participantId"), fields.get("name"), fields.get("role")), id);
    }
  }

  @Test
  void otherKindsAreAppliedAsSent() {
    Op agreement = create("g1", "agreement", Map.of("text", "Samen", "stance", "agree"));
    Op action = create("x1", "action", Map.of("what", "Bellen", "whoParticipantId", "p-parent", "due", ""));
    assertEquals(List.of(agreement, action), table.apply(PARENT, agreement, action));
  }

  @Test
  void aBrowserCannotWriteAStampedFieldWhateverItsGrant() {
    table.apply(PARENT, create("a1", "agendaItem", Map.of()), create("q1", "question", Map.of()),
        create("checkin.p-parent", "checkin", Map.of()));
    for (Actor actor : List.of(PARENT, CHAIR)) {
      for (String field : List.of("proposedBy", "proposedByName", "proposedByRole", "late", "timerStartedAt",
          "timerElapsedMs")) {
        Object value = field.equals("late") ? (Object) true : field.startsWith("timer") ? (Object) 5 : "parent";
        table.refused(403, actor, set("a1", field, value));
        table.refused(403, actor, create("new", "agendaItem", Map.of(field, value)));
      }
      table.refused(403, actor, set("q1", "proposedByRole", "teacher"));
      // Who asked first is the server's clock, not a browser's claim.
      table.refused(403, actor, set("q1", "askedAt", 1L));
      table.refused(403, actor, create("q2", "question", Map.of("askedAt", 1L)));
      for (String field : List.of("participantId", "name", "role")) {
        table.refused(403, actor, set("checkin.p-parent", field, "parent"));
        new Table().refused(403, actor, create(KindRulesTest.personalId("checkin", null, actor), "checkin",
            Map.of(field, "parent")));
      }
    }
  }

  @Test
  void replayTrustsTheStampsItIsGiven() {
    BoardState replica = table.state.copy();
    List<Op> applied = table.apply(CHAIR, set("board", "agendaFrozen", true),
        create("a1", "agendaItem", Map.of("title", "Laat")));
    replica.applyCommitted(applied);
    assertEquals(table.state.toMap(), replica.toMap());
  }
}
