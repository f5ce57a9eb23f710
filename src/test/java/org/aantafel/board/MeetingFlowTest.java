package org.aantafel.board;

import static org.aantafel.board.Table.CHAIR;
import static org.aantafel.board.Table.PARENT;
import static org.aantafel.board.Table.SERVER;
import static org.aantafel.board.Table.TEACHER;
import static org.aantafel.board.Table.VIEWER;
import static org.aantafel.board.Table.create;
import static org.aantafel.board.Table.set;
import static org.aantafel.board.Table.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The board's own fields: phases, who chairs what, and the closed meeting. */
class MeetingFlowTest {

  private final Table table = new Table();

  @Test
  void chairingFieldsAreTheFacilitators() {
    table.apply(PARENT, create("a1", "agendaItem", Map.of()), create("q1", "question", Map.of()));
    for (Op op : List.of(set("board", "phase", "agenda"), set("board", "phases", "prepare,agenda"),
        set("board", "language", "en"), set("board", "template", "webinar"), set("board", "agendaFrozen", true),
        set("board", "currentItem", "a1"), set("a1", "timer", "start"), set("q1", "answered", true))) {
      table.refused(403, TEACHER, op);
      table.refused(403, VIEWER, op);
      table.apply(CHAIR, op);
    }
    assertEquals("a1", table.board("currentItem"));
    table.apply(CHAIR, set("board", "currentItem", null));
  }

  @Test
  void followUpFieldsAreEveryones() {
    table.apply(PARENT, text("board", "lead", "Juf Anna"), set("board", "leadParticipantId", "p-teacher"),
        set("board", "evaluationDate", "2027-01-15"), text("board", "consent", "Alleen met de huisarts"));
    table.apply(TEACHER, set("board", "leadParticipantId", null), set("board", "evaluationDate", ""));
    table.refused(400, PARENT, set("board", "evaluationDate", "15-01-2027"));
    table.refused(400, PARENT, set("board", "leadParticipantId", "not an id"));
    table.refused(413, PARENT, text("board", "lead", 8, "x".repeat(193)));
    table.refused(413, PARENT, text("board", "consent", 22, "x".repeat(1979)));
  }

  @Test
  void phasesListsKnownPhasesOnceInTheirOrder() {
    for (String ok : List.of("prepare", "closed", "prepare,goal,agenda,closed",
        "prepare,checkin,goal,agenda,agreements,lookback,closed")) {
      table.apply(CHAIR, set("board", "phases", ok));
    }
    for (Object bad : new Object[] {"", "agenda,prepare", "prepare,prepare", "prepare,lunch", "prepare,",
        ",prepare", "prepare, goal", "Prepare", null, 3}) {
      table.refused(400, CHAIR, set("board", "phases", bad));
    }
  }

  @Test
  void valueRulesOfTheNewKinds() {
    table.apply(CHAIR, create("g1", "agreement", Map.of("stance", "agree")), create("e1", "evaluation", Map.of()),
        create("x1", "action", Map.of()), create("q1", "question", Map.of()),
        create("goalCheck.p-chair", "goalCheck", Map.of()));
    table.refused(400, CHAIR, set("g1", "stance", "maybe"));
    table.refused(400, CHAIR, set("goalCheck.p-chair", "verdict", "yes"));
    table.refused(400, CHAIR, set("e1", "topic", "happiness"));
    for (String topic : BoardSchema.TOPICS) {
      table.apply(CHAIR, set("e1", "topic", topic));
    }
    table.refused(400, CHAIR, set("q1", "answered", "yes"));
    table.refused(400, CHAIR, set("x1", "whoParticipantId", ""));
    table.refused(413, CHAIR, text("q1", "text", "x".repeat(501)));
    table.refused(413, CHAIR, text("e1", "goodAt", "x".repeat(1001)));
    table.refused(400, CHAIR, set("board", "template", "feest"));
  }

  @Test
  void onlyTheServerClosesAndReopensSoEveryCloseHasARecord() {
    table.apply(PARENT, create("a1", "agendaItem", Map.of("title", "Slot")));
    BoardRejection refused = table.refused(403, CHAIR, set("board", "phase", "closed"));
    assertEquals("op 0: close the meeting with Close, which stores its record", refused.getMessage());
    table.refused(403, PARENT, set("board", "phase", "closed"));
    table.apply(SERVER, set("board", "phase", "closed"));
    for (Actor actor : List.of(PARENT, CHAIR)) {
      for (Op op : List.of(create("a2", "agendaItem", Map.of()), set("a1", "status", "done"),
          text("a1", "title", 4, "!"), new Op.Delete("a1"), text("board", "goal", "x"),
          set("board", "agendaFrozen", true), set("board", "phase", "agenda"))) {
        BoardRejection r = table.refused(409, actor, op);
        assertEquals("op 0: this meeting is closed: the facilitator can reopen it", r.getMessage());
      }
    }
    table.apply(SERVER, set("board", "phase", "lookback"));
    table.apply(CHAIR, set("a1", "status", "done"));
    assertEquals("done", table.fields("a1").get("status"));
  }

  @Test
  void replayLoadsAClosedMeetingAndItsReopening() {
    BoardState replica = table.state.copy();
    List<Op> applied = new ArrayList<>(table.apply(SERVER, set("board", "phase", "closed")));
    applied.addAll(table.apply(SERVER, set("board", "phase", "agenda")));
    applied.addAll(table.apply(CHAIR, text("board", "goal", "Verder")));
    replica.applyCommitted(applied);
    assertEquals(table.state.toMap(), replica.toMap());
  }

  @Test
  void markingAnActionDoneStampsWhenSoASeriesCanTellLateFromOnTime() {
    table.apply(PARENT, create("x1", "action", Map.of("what", "Bellen", "due", "2026-12-01")));
    List<Op> applied = table.state.apply(List.of(set("x1", "status", "done")), Table.PARENT, 1_800_000_000_000L);
    assertEquals(List.of(set("x1", "status", "done"), set("x1", "doneAt", 1_800_000_000_000L)), applied);
    assertEquals(1_800_000_000_000L, table.fields("x1").get("doneAt"));
    assertEquals(List.of(set("x1", "status", "done")),
        table.state.apply(List.of(set("x1", "status", "done")), Table.PARENT, 1_900_000_000_000L));
    List<Op> reopened = table.state.apply(List.of(set("x1", "status", "open")), Table.PARENT, 1_900_000_000_000L);
    assertEquals(null, ((Op.Set) reopened.get(1)).value());
    table.refused(403, CHAIR, set("x1", "doneAt", 1L));
    table.refused(403, CHAIR, create("x2", "action", Map.of("carriedFrom", "x1")));
  }

  @Test
  void aMeetingIsPlannedAtALocalDateAndTime() {
    table.apply(PARENT, set("board", "scheduledAt", "2027-01-15T14:30"));
    table.apply(PARENT, set("board", "scheduledAt", ""));
    for (String bad : List.of("2027-01-15", "2027-02-30T10:00", "2027-01-15T25:00", "2027-01-15 14:30")) {
      table.refused(400, PARENT, set("board", "scheduledAt", bad));
    }
  }
}
