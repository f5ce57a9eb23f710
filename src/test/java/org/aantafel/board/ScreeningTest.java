package org.aantafel.board;

import static org.aantafel.board.Table.CHAIR;
import static org.aantafel.board.Table.PARENT;
import static org.aantafel.board.Table.TEACHER;
import static org.aantafel.board.Table.create;
import static org.aantafel.board.Table.set;
import static org.aantafel.board.Table.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What each viewer is shown of a webinar's questions: a question that waits for approval or was hidden reaches only
 * the facilitator and who asked it, in the state and in every change; approving and hiding make it appear and
 * disappear for everyone else.
 */
class ScreeningTest {

  private static final Viewer ASKER = Viewer.of(PARENT.participantId(), Grant.PARTICIPANT);
  private static final Viewer OTHER_LISTENER = Viewer.of(TEACHER.participantId(), Grant.PARTICIPANT);
  private static final Viewer HOST = Viewer.of(CHAIR.participantId(), Grant.FACILITATOR);
  private static final Viewer PROJECTOR = Viewer.PUBLIC;
  private static final String SECRET = "Waarom krijgt mijn zoon geen extra begeleiding?";

  private final Table table = new Table();

  /** What applying the ops as the actor shows each viewer. */
  private final class Shown {
    final List<Op> applied;
    final Screening screening;

    Shown(Actor actor, Op... ops) {
      screening = Screening.before(table.state, List.of(ops));
      applied = table.apply(actor, ops);
    }

    List<Map<String, Object>> to(Viewer viewer) {
      return screening.opsFor(viewer, applied, table.state);
    }

    boolean hidesFrom(Viewer viewer) {
      return screening.hides(viewer, table.state);
    }
  }

  private void needApproval() {
    table.apply(CHAIR, set("board", "questionsNeedApproval", true));
  }

  private Map<?, ?> entitiesShownTo(Viewer viewer) {
    return (Map<?, ?>) Screening.state(table.state.toMap(), viewer).get("entities");
  }

  private static Map<String, Object> wire(Op op) {
    return op.toMap();
  }

  @Test
  void aQuestionWaitingForApprovalReachesOnlyItsAskerAndTheHost() {
    needApproval();
    Shown asked = new Shown(PARENT, create("q1", "question", Map.of("text", SECRET, "order", "a0")));
    assertEquals(List.of(), asked.to(PROJECTOR));
    assertEquals(List.of(), asked.to(OTHER_LISTENER));
    assertEquals(List.of(wire(asked.applied.get(0))), asked.to(ASKER));
    assertEquals(List.of(wire(asked.applied.get(0))), asked.to(HOST));
    assertTrue(asked.hidesFrom(PROJECTOR));
    assertFalse(asked.hidesFrom(ASKER));
    assertFalse(asked.hidesFrom(HOST));
    assertEquals(Set.of(PARENT.participantId()), asked.screening.askers(table.state));

    assertFalse(entitiesShownTo(PROJECTOR).containsKey("q1"));
    assertFalse(entitiesShownTo(OTHER_LISTENER).containsKey("q1"));
    assertTrue(entitiesShownTo(ASKER).containsKey("q1"));
    assertEquals(table.state.toMap(), Screening.state(table.state.toMap(), HOST), "the host is shown everything");
  }

  @Test
  void typingIntoAPendingQuestionOrWithdrawingItIsNeverHeardOf() {
    needApproval();
    table.apply(PARENT, create("q1", "question", Map.of("text", "Hoe")));
    Shown typed = new Shown(PARENT, text("q1", "text", 3, " dan?"));
    assertEquals(List.of(), typed.to(OTHER_LISTENER));
    assertEquals(List.of(wire(typed.applied.get(0))), typed.to(ASKER));
    Shown withdrawn = new Shown(PARENT, new Op.Delete("q1"));
    assertEquals(List.of(), withdrawn.to(OTHER_LISTENER), "no tombstone of a question they never saw");
    assertEquals(List.of(Map.of("type", "conceal", "id", "q1")), withdrawn.to(ASKER));
  }

  @Test
  void approvingRevealsTheWholeQuestionAsItIsThen() {
    needApproval();
    table.apply(PARENT, create("q1", "question", Map.of("text", SECRET, "order", "a0")));
    Shown approved = new Shown(CHAIR, set("q1", "moderation", "approved"));
    Map<String, Object> reveal = Map.of("type", "reveal", "id", "q1", "kind", "question",
      "fields", table.fields("q1"));
    assertEquals(List.of(reveal), approved.to(PROJECTOR));
    assertEquals(List.of(reveal), approved.to(OTHER_LISTENER));
    assertEquals(SECRET, table.fields("q1").get("text"));
    assertEquals(List.of(wire(set("q1", "moderation", "approved"))), approved.to(ASKER));
    assertTrue(entitiesShownTo(OTHER_LISTENER).containsKey("q1"));
  }

  @Test
  void hidingConcealsTheQuestionFromEveryoneButItsAskerAndTheHost() {
    table.apply(PARENT, create("q1", "question", Map.of("text", "Wanneer?")));
    Shown hidden = new Shown(CHAIR, set("q1", "moderation", "hidden"), set("q1", "answered", true));
    assertEquals(List.of(Map.of("type", "conceal", "id", "q1")), hidden.to(OTHER_LISTENER));
    assertEquals(List.of(Map.of("type", "conceal", "id", "q1")), hidden.to(PROJECTOR));
    assertEquals(hidden.applied.stream().map(ScreeningTest::wire).toList(), hidden.to(ASKER));
    assertFalse(entitiesShownTo(OTHER_LISTENER).containsKey("q1"));
    assertTrue(entitiesShownTo(ASKER).containsKey("q1"));

    Shown typedWhileHidden = new Shown(PARENT, text("q1", "text", 8, " -- dit is onzin"));
    assertEquals(List.of(), typedWhileHidden.to(OTHER_LISTENER));
    Shown shownAgain = new Shown(CHAIR, set("q1", "moderation", "approved"));
    assertEquals("reveal", shownAgain.to(OTHER_LISTENER).get(0).get("type"), "once concealed, it can appear again");
  }

  @Test
  void rewordingAnApprovedQuestionConcealsItUntilItIsApprovedAgain() {
    needApproval();
    table.apply(PARENT, create("q1", "question", Map.of("text", "Wanneer?")));
    table.apply(CHAIR, set("q1", "moderation", "approved"));
    Shown reworded = new Shown(PARENT, text("q1", "text", 8, " -- dit is onzin"));
    assertEquals(List.of(Map.of("type", "conceal", "id", "q1")), reworded.to(OTHER_LISTENER));
    assertEquals(2, reworded.to(ASKER).size(), "the asker sees their edit and that it waits again");
  }

  @Test
  void aWithdrawnQuestionLeavesNoTraceButForTheHost() {
    table.apply(PARENT, create("q1", "question", Map.of("text", "Wanneer?")));
    Shown withdrawn = new Shown(PARENT, new Op.Delete("q1"));
    assertEquals(List.of(Map.of("type", "conceal", "id", "q1")), withdrawn.to(PROJECTOR),
      "told apart from a hidden question by nobody");
    assertEquals(List.of(Map.of("type", "conceal", "id", "q1")), withdrawn.to(ASKER));
    assertEquals(List.of(wire(new Op.Delete("q1"))), withdrawn.to(HOST));
    assertFalse(entitiesShownTo(ASKER).containsKey("q1"));
    assertEquals(Map.of("kind", "question", "deleted", true), entitiesShownTo(HOST).get("q1"));
  }

  @Test
  void theHostsBatchShowsEachAskerOnlyTheirOwnQuestions() {
    needApproval();
    table.apply(PARENT, create("q1", "question", Map.of("text", "Mag ik?")));
    table.apply(TEACHER, create("q2", "question", Map.of("text", SECRET)));
    Shown batch = new Shown(CHAIR, set("q1", "answered", true), set("q2", "answered", true));
    assertEquals(List.of(wire(set("q1", "answered", true))), batch.to(ASKER));
    assertEquals(List.of(wire(set("q2", "answered", true))), batch.to(OTHER_LISTENER));
    assertEquals(List.of(), batch.to(PROJECTOR));
    assertEquals(Set.of(PARENT.participantId(), TEACHER.participantId()), batch.screening.askers(table.state));
  }

  @Test
  void aQuestionEveryoneMaySeeAndEverythingElsePassesAsApplied() {
    Shown hostsOwn = new Shown(CHAIR, create("q1", "question", Map.of("text", "Welkom")),
      create("a1", "agendaItem", Map.of("title", "Opening", "order", "a0")));
    assertFalse(hostsOwn.hidesFrom(PROJECTOR));
    assertEquals(hostsOwn.applied.stream().map(ScreeningTest::wire).toList(), hostsOwn.to(PROJECTOR));
    Shown vote = new Shown(TEACHER, create(Questions.voteId("q1", TEACHER.participantId()), "vote",
      Map.of("question", "q1")));
    assertFalse(vote.hidesFrom(PROJECTOR));
    Shown createdAndWithdrawn = new Shown(PARENT, create("q2", "question", Map.of("text", "Oeps")),
      new Op.Delete("q2"));
    assertEquals(List.of(), createdAndWithdrawn.to(PROJECTOR));
    assertEquals(2, createdAndWithdrawn.to(HOST).size());
  }

}
