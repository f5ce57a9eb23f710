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
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PollsTest {

  private static final String OPTIONS = "Ja\nNee\nWeet ik niet";
  private static final String PARENT_ANSWER = Polls.answerId("poll1", "p-parent");
  private static final String TEACHER_ANSWER = Polls.answerId("poll1", "p-teacher");

  private final Table table = new Table();

  private void ask() {
    table.apply(CHAIR, create("poll1", "poll", Map.of("question", "Komt u naar de ouderavond?", "options", OPTIONS,
        "order", "a0", "open", true)));
  }

  private static Op answer(String id, int choice) {
    return create(id, "pollAnswer", Map.of("poll", "poll1", "choice", choice));
  }

  // --- use

  @Test
  void theFacilitatorAsksAndEachPersonAnswersOnceAndMayChangeTheirMind() {
    List<Op> asked = table.state.apply(List.of(create("poll1", "poll", Map.of("question", "Komt u?",
        "options", OPTIONS, "order", "a0", "open", true))), CHAIR, table.now);
    assertEquals(true, ((Op.Create) asked.get(0)).fields().get("opened"), "the server stamps that it was asked");

    List<Op> applied = table.apply(PARENT, answer(PARENT_ANSWER, 0));
    assertEquals("p-parent", ((Op.Create) applied.get(0)).fields().get("participantId"));
    table.apply(TEACHER, answer(TEACHER_ANSWER, 1));
    table.apply(PARENT, set(PARENT_ANSWER, "choice", 2));
    assertEquals(2, table.fields(PARENT_ANSWER).get("choice"));

    table.apply(CHAIR, set("poll1", "open", false));
    table.apply(CHAIR, set("poll1", "open", true));
    table.apply(TEACHER, set(TEACHER_ANSWER, "choice", 0));
    assertEquals(2, table.state.entityCount() - 1, "two answers, one poll");
  }

  @Test
  void aPollIsPreparedClosedAndOpenedLater() {
    table.apply(CHAIR, create("poll1", "poll", Map.of("order", "a0")), text("poll1", "question", "Komt u?"),
        set("poll1", "options", "Ja\nNee"), set("poll1", "options", OPTIONS));
    table.refused(409, PARENT, answer(PARENT_ANSWER, 0));
    List<Op> opened = table.apply(CHAIR, set("poll1", "open", true));
    assertEquals(List.of(set("poll1", "open", true), set("poll1", "opened", true)), opened);
    table.apply(PARENT, answer(PARENT_ANSWER, 0));
  }

  // --- abuse

  @Test
  void onlyTheFacilitatorAsksChangesClosesOrRemovesAPoll() {
    table.refused(403, PARENT, create("poll1", "poll", Map.of()));
    table.refused(403, PARENT, create("poll1", "poll", Map.of("question", "Wie?", "options", OPTIONS)));
    ask();
    table.refused(403, PARENT, set("poll1", "open", false));
    table.refused(403, TEACHER, set("poll1", "order", "b0"));
    table.refused(403, PARENT, new Op.Delete("poll1"));
    table.refused(403, VIEWER, set("poll1", "open", false));
    table.refused(403, CHAIR, set("poll1", "opened", false));
    table.apply(CHAIR, set("poll1", "open", false));
  }

  @Test
  void anAskedPollKeepsItsQuestionAndOptions() {
    ask();
    table.refused(409, CHAIR, set("poll1", "options", "Ja\nNee"));
    table.refused(409, CHAIR, text("poll1", "question", "Echt: ", 26));
    table.apply(CHAIR, set("poll1", "open", false));
    table.refused(409, CHAIR, set("poll1", "options", "Ja\nNee"));
  }

  @Test
  void aPollOpensOnlyWithAQuestionAndTwoToTenOptions() {
    table.refused(400, CHAIR, create("poll1", "poll", Map.of("options", OPTIONS, "open", true)));
    table.refused(400, CHAIR, create("poll1", "poll", Map.of("question", "Wie?", "open", true)));
    table.refused(400, CHAIR, create("poll1", "poll", Map.of("question", "Wie?", "options", "Ja")));
    table.refused(400, CHAIR, create("poll1", "poll", Map.of("options", "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11")));
    table.refused(400, CHAIR, create("poll1", "poll", Map.of("options", "Ja\n\nNee")));
    table.refused(400, CHAIR, create("poll1", "poll", Map.of("options", "Ja\n   ")));
    table.refused(400, CHAIR, create("poll1", "poll", Map.of("options", "Ja\nJa")));
    table.refused(400, CHAIR, create("poll1", "poll", Map.of("options", "Ja\tzeker\nNee")));
    table.refused(413, CHAIR, create("poll1", "poll", Map.of("options", "Ja\n" + "x".repeat(101))));
    table.refused(413, CHAIR, create("poll1", "poll", Map.of("question", "?".repeat(301))));
    table.refused(400, CHAIR, create("p".repeat(37), "poll", Map.of()));
    table.apply(CHAIR, create("poll1", "poll", Map.of("question", "?".repeat(300),
        "options", "1\n2\n3\n4\n5\n6\n7\n8\n9\n" + "x".repeat(100))));
    table.refused(400, CHAIR, set("poll1", "options", "1"));
    table.refused(400, CHAIR, text("poll1", "question", -300), set("poll1", "open", true));
  }

  @Test
  void nobodyAnswersForSomeoneElse() {
    ask();
    table.refused(400, PARENT, answer(TEACHER_ANSWER, 0));
    table.refused(400, PARENT, create("a1", "pollAnswer", Map.of("poll", "poll1", "choice", 0)));
    table.refused(400, PARENT, create(PARENT_ANSWER, "pollAnswer", Map.of("choice", 0)));
    table.refused(403, PARENT, create(PARENT_ANSWER, "pollAnswer", Map.of("poll", "poll1", "choice", 0,
        "participantId", "p-teacher")));
    table.apply(TEACHER, answer(TEACHER_ANSWER, 1));
    table.refused(403, PARENT, set(TEACHER_ANSWER, "choice", 0));
    table.refused(403, CHAIR, set(TEACHER_ANSWER, "choice", 0));
    table.refused(403, TEACHER, set(TEACHER_ANSWER, "participantId", "p-parent"));
    table.refused(403, TEACHER, set(TEACHER_ANSWER, "poll", "poll2"));
  }

  @Test
  void aSecondAnswerBySamePersonIsRefusedSoCountsCannotBeInflated() {
    ask();
    table.apply(PARENT, answer(PARENT_ANSWER, 0));
    table.refused(409, PARENT, answer(PARENT_ANSWER, 1));
    table.refused(403, PARENT, new Op.Delete(PARENT_ANSWER));
    table.refused(403, CHAIR, new Op.Delete(PARENT_ANSWER));
  }

  @Test
  void aClosedOrMissingPollTakesNoAnswers() {
    ask();
    table.apply(TEACHER, answer(TEACHER_ANSWER, 1));
    table.apply(CHAIR, set("poll1", "open", false));
    table.refused(409, PARENT, answer(PARENT_ANSWER, 0));
    table.refused(409, TEACHER, set(TEACHER_ANSWER, "choice", 0));
    table.refused(409, PARENT, create(Polls.answerId("nopoll", "p-parent"), "pollAnswer",
        Map.of("poll", "nopoll", "choice", 0)));
    table.apply(CHAIR, create("a1", "agendaItem", Map.of("title", "Rekenen")));
    table.refused(409, PARENT, create(Polls.answerId("a1", "p-parent"), "pollAnswer",
        Map.of("poll", "a1", "choice", 0)));
  }

  @Test
  void anAnswerChoosesOneOfThePollsOptions() {
    ask();
    table.refused(400, PARENT, answer(PARENT_ANSWER, 3));
    table.refused(400, PARENT, answer(PARENT_ANSWER, -1));
    table.refused(400, PARENT, create(PARENT_ANSWER, "pollAnswer", Map.of("poll", "poll1", "choice", "Ja")));
    table.apply(PARENT, answer(PARENT_ANSWER, 2));
    table.refused(400, PARENT, set(PARENT_ANSWER, "choice", 3));
    table.refused(400, PARENT, set(PARENT_ANSWER, "choice", null));
  }

  @Test
  void aViewerCannotAnswer() {
    ask();
    table.refused(403, VIEWER, create(Polls.answerId("poll1", "p-viewer"), "pollAnswer",
        Map.of("poll", "poll1", "choice", 0)));
  }

  @Test
  void aClosedMeetingTakesNoAnswersAndTheRecordStateReplays() {
    ask();
    table.apply(PARENT, answer(PARENT_ANSWER, 1));
    table.apply(SERVER, set("board", "phase", "closed"));
    table.refused(409, TEACHER, answer(TEACHER_ANSWER, 0));
    BoardState replayed = BoardState.fromMap(table.state.toMap());
    assertEquals(table.state.toMap(), replayed.toMap());
    assertFalse(Polls.options(table.fields("poll1").get("options")).isEmpty());
  }
}
