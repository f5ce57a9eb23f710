package org.aantafel.board;

import static org.aantafel.board.Table.CHAIR;
import static org.aantafel.board.Table.PARENT;
import static org.aantafel.board.Table.TEACHER;
import static org.aantafel.board.Table.VIEWER;
import static org.aantafel.board.Table.create;
import static org.aantafel.board.Table.set;
import static org.aantafel.board.Table.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A webinar's questions: asked by a listener, theirs to reword or withdraw, moderated by the host, voted on once. */
class QuestionsTest {

  private final Table table = new Table();

  private static Op vote(String question, Actor actor) {
    return create(Questions.voteId(question, actor.participantId()), "vote", Map.of("question", question));
  }

  private long votes(String question) {
    return table.state.toMap().get("entities") instanceof Map<?, ?> entities
        ? entities.values().stream().map(Map.class::cast)
            .filter(e -> "vote".equals(e.get("kind")) && question.equals(e.get("question")) && Questions.counts(e))
            .count()
        : 0;
  }

  @Test
  void aQuestionIsItsAskersToRewordOrWithdraw() {
    table.apply(PARENT, create("q1", "question", Map.of("text", "Wanneer?", "order", "a0")));
    table.apply(PARENT, text("q1", "text", 7, " begint het", 1));
    assertEquals(Optional.of("Wanneer begint het?"), table.state.text("q1", "text"));
    table.apply(PARENT, set("q1", "order", "a1"));
    table.apply(PARENT, new Op.Delete("q1"));
    assertEquals(Optional.empty(), table.state.fields("q1"), "withdrawn");
  }

  @Test
  void anotherListenerCannotRewordMoveOrWithdrawSomeonesQuestion() {
    table.apply(PARENT, create("q1", "question", Map.of("text", "Wanneer?")));
    table.refused(403, TEACHER, text("q1", "text", 8, " -- dit is onzin"));
    table.refused(403, TEACHER, set("q1", "order", "a5"));
    table.refused(403, TEACHER, new Op.Delete("q1"));
    table.refused(403, TEACHER, set("q1", "answered", true));
    table.refused(403, TEACHER, set("q1", "moderation", "hidden"));
    table.refused(403, VIEWER, create("q2", "question", Map.of("text", "Mag ik?")));
  }

  @Test
  void theHostHidesAndMarksAnsweredButDoesNotRewriteOrDelete() {
    table.apply(PARENT, create("q1", "question", Map.of("text", "Wanneer?")));
    table.refused(403, CHAIR, text("q1", "text", 8, "!"));
    table.refused(403, CHAIR, new Op.Delete("q1"));
    table.apply(CHAIR, set("q1", "answered", true), set("q1", "moderation", "hidden"));
    assertEquals("hidden", table.fields("q1").get("moderation"));
    assertEquals(true, table.fields("q1").get("answered"));
  }

  @Test
  void questionsWaitForApprovalOnlyWhenTheBoardAsksForIt() {
    table.apply(PARENT, create("q1", "question", Map.of()));
    assertEquals("approved", table.fields("q1").get("moderation"));
    table.refused(403, PARENT, set("board", "questionsNeedApproval", true));
    table.apply(CHAIR, set("board", "questionsNeedApproval", true));
    table.apply(PARENT, create("q2", "question", Map.of("text", "Hoe?")));
    table.apply(CHAIR, create("q3", "question", Map.of("text", "Welkom")));
    assertEquals("pending", table.fields("q2").get("moderation"));
    assertEquals("approved", table.fields("q3").get("moderation"), "the host's own need no approval");
    table.refused(403, PARENT, create("q4", "question", Map.of("moderation", "approved")));
    table.refused(403, PARENT, set("q2", "moderation", "approved"));
    table.apply(CHAIR, set("q2", "moderation", "approved"));
    List<Op> applied = table.apply(PARENT, text("q2", "text", 4, " dan"));
    assertEquals(set("q2", "moderation", "pending"), applied.get(1), "a reworded question is approved again");
    assertEquals("pending", table.fields("q2").get("moderation"));
  }

  @Test
  void oneVotePerSeatPerQuestionTakenBackOnlyByTheVoter() {
    table.apply(PARENT, create("q1", "question", Map.of("text", "Wanneer?")));
    table.apply(TEACHER, vote("q1", TEACHER));
    table.apply(PARENT, vote("q1", PARENT));
    assertEquals("p-teacher", table.fields(Questions.voteId("q1", "p-teacher")).get("participantId"),
        "stamped by the server");
    assertEquals(2, votes("q1"));
    table.refused(409, TEACHER, vote("q1", TEACHER));
    table.refused(403, PARENT, new Op.Delete(Questions.voteId("q1", "p-teacher")));
    table.refused(403, CHAIR, new Op.Delete(Questions.voteId("q1", "p-teacher")));
    table.refused(403, TEACHER, set(Questions.voteId("q1", "p-teacher"), "question", "q2"));
    table.refused(403, PARENT, set(Questions.voteId("q1", "p-teacher"), "withdrawn", true));
    table.apply(TEACHER, set(Questions.voteId("q1", "p-teacher"), "withdrawn", true));
    table.apply(TEACHER, set(Questions.voteId("q1", "p-teacher"), "withdrawn", true));
    assertEquals(1, votes("q1"), "taken back, however often");
    table.apply(TEACHER, set(Questions.voteId("q1", "p-teacher"), "withdrawn", false));
    table.apply(TEACHER, set(Questions.voteId("q1", "p-teacher"), "withdrawn", false));
    assertEquals(2, votes("q1"), "cast again, however often: still one");
    // Never deleted: the tombstone would keep the id taken, and the voter could not vote again.
    table.refused(403, TEACHER, new Op.Delete(Questions.voteId("q1", "p-teacher")));
    assertEquals(2, votes("q1"));
  }

  @Test
  void aVoteInSomeoneElsesNameIsRefused() {
    table.apply(PARENT, create("q1", "question", Map.of("text", "Wanneer?")));
    table.refused(400, TEACHER, vote("q1", PARENT));
    table.refused(400, TEACHER, create("v1", "vote", Map.of("question", "q1")));
    table.refused(400, TEACHER, create(Questions.voteId("q1", "p-teacher"), "vote", Map.of()));
    table.refused(403, TEACHER, create(Questions.voteId("q1", "p-teacher"), "vote", Map.of("question", "q1",
        "participantId", "p-parent")));
    table.refused(403, VIEWER, vote("q1", VIEWER));
  }

  @Test
  void aVoteNeedsAQuestionEveryoneCanSee() {
    table.apply(CHAIR, set("board", "questionsNeedApproval", true));
    table.apply(PARENT, create("q1", "question", Map.of()), create("q2", "question", Map.of()),
        create("a1", "agendaItem", Map.of()));
    table.refused(409, TEACHER, vote("q1", TEACHER));
    table.refused(409, TEACHER, vote("nope", TEACHER));
    table.refused(409, TEACHER, vote("a1", TEACHER));
    table.apply(CHAIR, set("q1", "moderation", "approved"), set("q2", "moderation", "hidden"));
    table.refused(409, TEACHER, vote("q2", TEACHER));
    table.apply(TEACHER, vote("q1", TEACHER), set(Questions.voteId("q1", "p-teacher"), "withdrawn", true));
    table.apply(CHAIR, set("q1", "moderation", "hidden"));
    table.refused(409, TEACHER, set(Questions.voteId("q1", "p-teacher"), "withdrawn", false));
    table.apply(CHAIR, set("q1", "moderation", "approved"));
    table.apply(PARENT, new Op.Delete("q1"));
    table.refused(409, PARENT, vote("q1", PARENT));
  }

  @Test
  void theQuestionBeingAnsweredIsTheHostsToChoose() {
    table.apply(PARENT, create("q1", "question", Map.of()));
    table.refused(403, PARENT, set("board", "currentQuestion", "q1"));
    table.apply(CHAIR, set("board", "currentQuestion", "q1"));
    assertEquals("q1", table.board("currentQuestion"));
    table.apply(CHAIR, set("board", "currentQuestion", null));
  }
}
