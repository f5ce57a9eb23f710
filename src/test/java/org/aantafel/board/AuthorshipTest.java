package org.aantafel.board;

import static org.aantafel.board.Table.CHAIR;
import static org.aantafel.board.Table.PARENT;
import static org.aantafel.board.Table.TEACHER;
import static org.aantafel.board.Table.VIEWER;
import static org.aantafel.board.Table.create;
import static org.aantafel.board.Table.set;
import static org.aantafel.board.Table.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthorshipTest {

  private final Table table = new Table();

  @Test
  void aCheckinIsChangedOrDeletedOnlyByItsAuthorOrTheFacilitator() {
    table.apply(PARENT, create("c1", "checkin", Map.of("text", "Goed")));
    table.refused(403, TEACHER, text("c1", "text", 4, "!"));
    table.refused(403, TEACHER, new Op.Delete("c1"));
    table.refused(403, VIEWER, text("c1", "text", 4, "!"));
    table.apply(PARENT, text("c1", "text", 4, "!"));
    table.apply(CHAIR, text("c1", "text", 5, "?"));
    assertEquals(Optional.of("Goed!?"), table.state.text("c1", "text"));
    table.apply(CHAIR, new Op.Delete("c1"));
    table.apply(PARENT, create("c2", "checkin", Map.of()));
    table.apply(PARENT, new Op.Delete("c2"));
    assertEquals(0, table.state.entityCount());
  }

  @Test
  void aGoalCheckBelongsToItsAuthorAlone() {
    table.apply(PARENT, create("goalcheck-p-parent", "goalCheck", Map.of("verdict", "partly")));
    table.refused(403, CHAIR, set("goalcheck-p-parent", "verdict", "met"));
    table.refused(403, CHAIR, text("goalcheck-p-parent", "comment", "x"));
    table.refused(403, TEACHER, new Op.Delete("goalcheck-p-parent"));
    table.refused(403, CHAIR, new Op.Delete("goalcheck-p-parent"));
    table.apply(PARENT, set("goalcheck-p-parent", "verdict", "met"), text("goalcheck-p-parent", "comment", "Top"));
    assertEquals("met", table.fields("goalcheck-p-parent").get("verdict"));
    table.apply(PARENT, new Op.Delete("goalcheck-p-parent"));
  }

  @Test
  void aGoalCheckIdNamesItsAuthorSoEachPersonHasOne() {
    table.refused(400, PARENT, create("goalcheck-p-teacher", "goalCheck", Map.of()));
    table.refused(400, PARENT, create("gc1", "goalCheck", Map.of()));
    table.refused(400, CHAIR, create("goalcheck-p-parent", "goalCheck", Map.of()));
    table.apply(PARENT, create("goalcheck-p-parent", "goalCheck", Map.of()));
    table.refused(409, PARENT, create("goalcheck-p-parent", "goalCheck", Map.of()));
  }

  @Test
  void evaluationsAreHandedOutByTheFacilitatorAndAnsweredByTheAssignee() {
    table.refused(403, PARENT, create("e1", "evaluation", Map.of("topic", "child")));
    table.refused(403, PARENT, create("e1", "evaluation", Map.of()));
    table.apply(CHAIR, create("e1", "evaluation", Map.of("topic", "child", "assignedTo", "p-parent")));
    table.refused(403, PARENT, set("e1", "assignedTo", "p-teacher"));
    table.refused(403, PARENT, set("e1", "topic", "positive"));
    table.refused(403, TEACHER, text("e1", "howIsIt", "Goed"));
    table.apply(PARENT, text("e1", "howIsIt", "Goed"), text("e1", "goodAt", "Luisteren"),
        text("e1", "couldBetter", "Sneller bellen"));
    table.apply(CHAIR, text("e1", "howIsIt", 4, " hoor"));
    table.refused(403, PARENT, new Op.Delete("e1"));
    table.apply(CHAIR, set("e1", "assignedTo", "p-teacher"));
    table.refused(403, PARENT, text("e1", "howIsIt", 9, "."));
    table.apply(TEACHER, text("e1", "howIsIt", 9, "."));
    assertEquals(Optional.of("Goed hoor."), table.state.text("e1", "howIsIt"));
    table.apply(CHAIR, set("e1", "assignedTo", null));
    table.refused(403, TEACHER, text("e1", "howIsIt", 10, "!"));
    table.apply(CHAIR, new Op.Delete("e1"));
  }

  @Test
  void everythingElseIsSharedByEveryoneAtTheTable() {
    table.apply(PARENT, create("a1", "agendaItem", Map.of("title", "Rekenen")),
        create("q1", "question", Map.of("text", "Wanneer?")),
        create("g1", "agreement", Map.of("stance", "disagree")));
    table.apply(TEACHER, text("a1", "title", 7, "!"), text("q1", "text", 8, "!"), set("g1", "stance", "agree"),
        new Op.Delete("q1"));
    BoardRejection r = table.refused(403, TEACHER, set("a1", "status", "done"), create("e9", "evaluation", Map.of()));
    assertTrue(r.getMessage().startsWith("op 1:"), r.getMessage());
  }
}
