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
  void aCheckinIsChangedOnlyByItsAuthorOrTheFacilitatorAndNeverDeleted() {
    String c1 = "checkin.p-parent";
    table.apply(PARENT, create(c1, "checkin", Map.of("text", "Goed")));
    table.refused(403, TEACHER, text(c1, "text", 4, "!"));
    table.refused(403, TEACHER, new Op.Delete(c1));
    table.refused(403, VIEWER, text(c1, "text", 4, "!"));
    table.apply(PARENT, text(c1, "text", 4, "!"));
    table.apply(CHAIR, text(c1, "text", 5, "?"));
    assertEquals(Optional.of("Goed!?"), table.state.text(c1, "text"));
    // One per person, which nobody deletes: its id would stay taken by the tombstone.
    table.refused(403, CHAIR, new Op.Delete(c1));
    table.refused(403, PARENT, new Op.Delete(c1));
    table.refused(409, PARENT, create(c1, "checkin", Map.of()));
    table.refused(400, PARENT, create("c2", "checkin", Map.of()));
    assertEquals(1, table.state.entityCount());
  }

  @Test
  void aGoalCheckBelongsToItsAuthorAlone() {
    table.apply(PARENT, create("goalCheck.p-parent", "goalCheck", Map.of("verdict", "partly")));
    table.refused(403, CHAIR, set("goalCheck.p-parent", "verdict", "met"));
    table.refused(403, CHAIR, text("goalCheck.p-parent", "comment", "x"));
    table.refused(403, TEACHER, new Op.Delete("goalCheck.p-parent"));
    table.refused(403, CHAIR, new Op.Delete("goalCheck.p-parent"));
    table.apply(PARENT, set("goalCheck.p-parent", "verdict", "met"), text("goalCheck.p-parent", "comment", "Top"));
    assertEquals("met", table.fields("goalCheck.p-parent").get("verdict"));
    table.refused(403, PARENT, new Op.Delete("goalCheck.p-parent"));
  }

  @Test
  void aGoalCheckIdNamesItsAuthorSoEachPersonHasOne() {
    table.refused(400, PARENT, create("goalCheck.p-teacher", "goalCheck", Map.of()));
    table.refused(400, PARENT, create("gc1", "goalCheck", Map.of()));
    table.refused(400, CHAIR, create("goalCheck.p-parent", "goalCheck", Map.of()));
    table.apply(PARENT, create("goalCheck.p-parent", "goalCheck", Map.of()));
    table.refused(409, PARENT, create("goalCheck.p-parent", "goalCheck", Map.of()));
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
        create("g1", "agreement", Map.of("stance", "disagree")));
    table.apply(TEACHER, text("a1", "notes", "!"), set("g1", "stance", "agree"));
    BoardRejection r = table.refused(403, TEACHER, set("a1", "status", "done"), create("e9", "evaluation", Map.of()));
    assertTrue(r.getMessage().startsWith("op 1:"), r.getMessage());
  }

  @Test
  void anAgendaItemIsRenamedOrRemovedByItsProposerOrTheFacilitatorAndItsNotesByAnyone() {
    table.apply(PARENT, create("a1", "agendaItem", Map.of("title", "Rekenen")));
    table.refused(403, TEACHER, text("a1", "title", 7, "!"));
    table.refused(403, TEACHER, set("a1", "removed", true));
    table.refused(403, TEACHER, new Op.Delete("a1"));
    table.apply(TEACHER, text("a1", "notes", "samen"));
    table.apply(PARENT, text("a1", "title", 7, "!"));
    table.apply(CHAIR, text("a1", "title", 8, "?"));
    assertEquals(Optional.of("Rekenen!?"), table.state.text("a1", "title"));
  }

  @Test
  void theTemplatesItemsAndTheMeetingsTitleAreTheFacilitators() {
    table.apply(CHAIR, create("t1", "agendaItem", Map.of("title", "Welkom")));
    Table fromTemplate = new Table(BoardState.fromMap(Map.of("board", Map.of("title", "Overleg", "phase", "prepare"),
        "entities", Map.of("t1", Map.of("kind", "agendaItem", "title", "Welkom", "order", "a0")))));
    fromTemplate.refused(403, PARENT, text("t1", "title", 6, "!"));
    fromTemplate.refused(403, PARENT, set("t1", "removed", true));
    fromTemplate.refused(403, PARENT, text("board", "title", 7, "!"));
    fromTemplate.apply(CHAIR, text("t1", "title", 6, "!"), text("board", "title", 7, "!"));
    assertEquals(Optional.of("Overleg!"), fromTemplate.state.text("board", "title"));
  }

  @Test
  void aRemovedItemIsKeptAndBroughtBackOnlyByWhoRemovedItOrTheFacilitator() {
    table.apply(PARENT, create("a1", "agendaItem", Map.of("title", "Rekenen")),
        create("g1", "agreement", Map.of("text", "Samen")));
    java.util.List<Op> removed = table.apply(PARENT, set("a1", "removed", true));
    assertEquals(java.util.List.of(set("a1", "removed", true), set("a1", "removedBy", "p-parent"),
        set("a1", "removedByName", "Fatima")), removed, "who removed it is stamped by the server");
    assertEquals(Optional.of("Rekenen"), table.state.text("a1", "title"), "its words are kept");
    assertEquals(0, AgendaBalance.of(table.state).count(Side.FAMILY), "a removed item no longer counts");

    table.apply(TEACHER, set("g1", "removed", true));
    table.refused(403, PARENT, set("g1", "removed", false));
    table.refused(403, TEACHER, set("a1", "removed", false));
    table.apply(TEACHER, set("g1", "removed", false));
    table.apply(CHAIR, set("a1", "removed", false));
    assertEquals(Optional.of(false), table.state.fields("a1").map(f -> f.get("removed")));
    assertEquals(Optional.empty(), table.state.fields("a1").map(f -> f.get("removedBy")).filter(v -> v != null));
  }

  @Test
  void anItemNamesWhoLastChangedWhatItSays() {
    table.apply(PARENT, create("g1", "agreement", Map.of("text", "Samen")));
    java.util.List<Op> applied = table.apply(TEACHER, text("g1", "text", 5, " lezen"));
    assertEquals(set("g1", "changedByName", "Juf Anna"), applied.get(1));
    assertEquals(1, table.apply(TEACHER, text("g1", "text", 11, "!")).size(), "said once, not at every keystroke");
  }
}
