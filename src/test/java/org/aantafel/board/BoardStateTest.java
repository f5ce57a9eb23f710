package org.aantafel.board;

import static org.aantafel.board.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BoardStateTest {

  private final BoardState state = BoardState.create("Startgesprek", "nl");

  private static Op text(String id, String field, Object... components) {
    return new Op.Text(id, field, TextOperation.fromComponents(List.of(components)));
  }

  private static Op agendaItem(String id, String title) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("title", title);
    fields.put("order", "a0");
    return new Op.Create(id, "agendaItem", fields);
  }

  private static final long NOW = 1_790_000_000_000L;

  static Actor actor(Grant grant) {
    return new Actor("p-anna", "Anna", Role.PARENT, grant);
  }

  private List<Op> apply(Op... ops) {
    return state.apply(List.of(ops), actor(Grant.PARTICIPANT), NOW);
  }

  /** Asserts the rejection code and that nothing of the list was applied. */
  private void assertRefused(int code, Grant grant, Op... ops) {
    Map<String, Object> before = state.toMap();
    int count = state.entityCount();
    assertRejected(code, () -> state.apply(List.of(ops), actor(grant), NOW));
    assertEquals(before, state.toMap());
    assertEquals(count, state.entityCount());
  }

  private void assertRefused(int code, Op... ops) {
    assertRefused(code, Grant.PARTICIPANT, ops);
  }

  @Test
  void newBoardHasTheDesignShape() {
    assertEquals(Map.of(
        "board", Map.of("title", "Startgesprek", "goal", "", "phase", "prepare", "language", "nl"),
        "entities", Map.of()), state.toMap());
    assertEquals(0, state.entityCount());
    assertRejected(400, () -> BoardState.create("t", "de"));
    assertRejected(413, () -> BoardState.create("t".repeat(201), "en"));
  }

  @Test
  void createSetTextAndDeleteInOneList() {
    List<Op> ops = List.of(
        agendaItem("a1", "Welkom"),
        new Op.Set("a1", "status", "done"),
        text("a1", "title", 6, " allemaal"),
        text("board", "goal", "Een plan"),
        new Op.Create("x1", "evaluation", Map.of("topic", "child", "howIsIt", "Goed")),
        new Op.Delete("x1"));
    // An evaluation is one of the kinds that are deleted, not removed with undo; the facilitator's to delete.
    List<Op> applied = state.apply(ops, actor(Grant.FACILITATOR), NOW);
    List<Op> expected = new java.util.ArrayList<>(ops.subList(1, ops.size()));
    expected.add(2, new Op.Set("a1", "changedByName", "Anna"));
    assertEquals(expected, applied.subList(1, applied.size()),
        "the create is stamped, and the first edit of the item's text names who changed it");
    assertEquals(Optional.of("Welkom allemaal"), state.text("a1", "title"));
    assertEquals(Optional.of("Een plan"), state.text("board", "goal"));
    assertEquals(Optional.of(""), state.text("a1", "notes"), "a text never written is empty");
    assertEquals(Optional.empty(), state.text("a1", "status"));
    assertEquals(Optional.empty(), state.text("x1", "howIsIt"));
    assertEquals(Optional.empty(), state.text("nope", "what"));
    assertEquals(1, state.entityCount());
    Map<?, ?> entities = (Map<?, ?>) state.toMap().get("entities");
    assertEquals(Map.of("kind", "agendaItem", "title", "Welkom allemaal", "order", "a0", "status", "done",
        "proposedBy", "p-anna", "proposedByName", "Anna", "proposedByRole", "parent", "late", false,
        "changedByName", "Anna"), entities.get("a1"));
    assertEquals(Map.of("kind", "evaluation", "deleted", true), entities.get("x1"));
  }

  @Test
  void opsOnTombstonesAreDroppedAndTheRestApplies() {
    apply(agendaItem("a1", "Hi"), agendaItem("a2", "Yo"));
    // A tombstone of an agenda item, as boards from before removing was undoable hold them.
    state.applyCommitted(List.of(new Op.Delete("a1")));
    Op dropped1 = new Op.Set("a1", "status", "done");
    Op dropped2 = text("a1", "title", "zzz", 2);
    Op dropped3 = new Op.Delete("a1");
    Op kept = new Op.Set("a2", "status", "done");
    assertEquals(List.of(kept), apply(dropped1, dropped2, dropped3, kept));
    assertEquals(1, state.entityCount());
    assertRefused(409, agendaItem("a1", "again"));
  }

  @Test
  void opsOnEntitiesThatNeverExistedAreBadInput() {
    assertRefused(400, new Op.Set("ghost", "status", "done"));
    assertRefused(400, text("ghost", "title", "x"));
    assertRefused(400, new Op.Delete("ghost"));
  }

  @Test
  void createRules() {
    apply(agendaItem("a1", "Hi"));
    assertRefused(409, agendaItem("a1", "twice"));
    assertRefused(409, new Op.Create("board", "agendaItem", Map.of()));
    assertRefused(400, new Op.Create("b1", "board", Map.of()));
    assertRefused(400, new Op.Create("b1", "meeting", Map.of()));
    assertRefused(400, new Op.Create("b1", "agendaItem", Map.of("colour", "red")));
    assertRefused(400, new Op.Create("b1", "agendaItem", Map.of("title", 5)));
    assertRefused(400, new Op.Create("b1", "agendaItem", Map.of("status", "maybe")));
    assertRefused(400, new Op.Create("b1", "agendaItem", Map.of("order", "a0V0")));
    assertRefused(413, new Op.Create("b1", "agendaItem", Map.of("title", "x".repeat(301))));
    assertRefused(413, new Op.Create("b1", "action", Map.of("what", "x".repeat(501))));
    apply(new Op.Create("b2", "agendaItem", Map.of("title", "x".repeat(300))));
  }

  @Test
  void valueRules() {
    apply(agendaItem("a1", "Hi"), new Op.Create("x1", "action", Map.of()));
    for (Object ok : new Object[] {"open", "done", "postponed"}) {
      apply(new Op.Set("a1", "status", ok));
    }
    apply(new Op.Set("a1", "timeboxMinutes", 0), new Op.Set("a1", "timeboxMinutes", 240L),
        new Op.Set("a1", "timeboxMinutes", null));
    apply(new Op.Set("x1", "due", ""), new Op.Set("x1", "due", "2024-02-29"), new Op.Set("x1", "order", "Zz"));
    assertRefused(400, new Op.Set("x1", "status", "postponed"));
    assertRefused(400, new Op.Set("a1", "status", null));
    assertRefused(400, new Op.Set("a1", "status", true));
    assertRefused(400, new Op.Set("a1", "timeboxMinutes", 241));
    assertRefused(400, new Op.Set("a1", "timeboxMinutes", -1));
    assertRefused(400, new Op.Set("a1", "timeboxMinutes", 1.5));
    assertRefused(400, new Op.Set("a1", "timeboxMinutes", "5"));
    assertRefused(400, new Op.Set("x1", "due", "2023-02-29"));
    assertRefused(400, new Op.Set("x1", "due", "1-1-2024"));
    assertRefused(400, new Op.Set("x1", "due", null));
    assertRefused(400, new Op.Set("x1", "order", "a"));
    assertRefused(400, new Op.Set("x1", "order", 1));
    assertRefused(400, new Op.Set("x1", "colour", "red"));
    assertRefused(400, new Op.Set("x1", "what", "a text"));
    assertRefused(400, text("x1", "status", "x"));
    assertRefused(400, Grant.FACILITATOR, new Op.Set("board", "language", "fr"));
    assertRefused(400, Grant.FACILITATOR, new Op.Set("board", "phase", "lunch"));
  }

  @Test
  void textRules() {
    assertRefused(400, Grant.FACILITATOR, text("board", "title", 3, "x"));
    BoardRejection r = assertRejected(400, () -> apply(text("board", "goal", 1)));
    assertTrue(r.getMessage().contains("edit does not match the text"), r.getMessage());
    apply(text("board", "goal", "x".repeat(4000)));
    assertRefused(413, text("board", "goal", 4000, "y"));
    state.apply(List.of(text("board", "title", -12, "x".repeat(200))), actor(Grant.FACILITATOR), NOW);
    assertRefused(413, Grant.FACILITATOR, text("board", "title", "y", 200));
    assertRefused(403, text("board", "title", 200, "y"));
  }

  @Test
  void textOpsInOneListApplyInTurn() {
    apply(text("board", "goal", "ab"), text("board", "goal", 2, "cd"), text("board", "goal", -1, 3));
    assertEquals(Optional.of("bcd"), state.text("board", "goal"));
  }

  @Test
  void theBoardCannotBeDeleted() {
    assertRefused(400, new Op.Delete("board"));
  }

  @Test
  void grants() {
    apply(agendaItem("a1", "Hi"));
    assertRefused(403, Grant.VIEWER, new Op.Set("a1", "status", "done"));
    assertRefused(403, Grant.VIEWER, text("board", "goal", "x"));
    assertRefused(403, Grant.PARTICIPANT, new Op.Set("board", "phase", "checkin"));
    assertRefused(403, Grant.PARTICIPANT, new Op.Set("a1", "status", "done"), new Op.Set("board", "phase", "goal"));
    state.apply(List.of(new Op.Set("board", "phase", "checkin")), actor(Grant.FACILITATOR), NOW);
    assertEquals("checkin", ((Map<?, ?>) state.toMap().get("board")).get("phase"));
    assertRefused(403, Grant.PARTICIPANT, new Op.Set("board", "language", "en"));
    state.apply(List.of(new Op.Set("board", "language", "en")), actor(Grant.FACILITATOR), NOW);
    apply(new Op.Set("a1", "status", "done"), new Op.Set("a1", "removed", true));
    assertEquals(List.of(), state.apply(List.of(), actor(Grant.VIEWER), NOW), "nothing to change is not a change");
  }

  @Test
  void allOrNothingWhenALaterOpFails() {
    apply(agendaItem("a1", "Hi"));
    assertRefused(400, new Op.Set("a1", "status", "done"), text("a1", "title", 2, "!"), agendaItem("a2", "x"),
        new Op.Set("a1", "removed", true), new Op.Set("a2", "status", "bad"));
    assertRefused(409, agendaItem("a3", "x"), agendaItem("a3", "y"));
    assertEquals(Optional.of("Hi"), state.text("a1", "title"));
    assertEquals(Optional.empty(), state.text("a2", "title"));
  }

  @Test
  void atMostOneHundredOpsPerApply() {
    List<Op> ops = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      ops.add(agendaItem("a" + i, "t"));
    }
    state.apply(ops, actor(Grant.PARTICIPANT), NOW);
    List<Op> tooMany = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      tooMany.add(new Op.Set("a1", "status", "done"));
    }
    assertRefused(413, tooMany.toArray(Op[]::new));
  }

  @Test
  void atMostTwoThousandLiveEntities() {
    for (int batch = 0; batch < 20; batch++) {
      List<Op> ops = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        ops.add(new Op.Create("e" + batch + "_" + i, "question", Map.of()));
      }
      state.apply(ops, actor(Grant.PARTICIPANT), NOW);
    }
    assertEquals(2000, state.entityCount());
    assertRefused(413, new Op.Create("one-more", "action", Map.of()));
    // A delete (here: its asker withdraws a question) makes room again, even within the same list.
    apply(new Op.Delete("e0_0"), new Op.Create("one-more", "action", Map.of()));
    assertEquals(2000, state.entityCount());
  }

  @Test
  void fromMapReadsWhatToMapWrites() {
    apply(new Op.Create("a1", "question", Map.of("text", "Hi")), new Op.Create("x1", "action", Map.of("who", "Piet")),
        new Op.Delete("a1"));
    Map<String, Object> map = state.toMap();
    BoardState read = BoardState.fromMap(map);
    assertEquals(map, read.toMap());
    assertEquals(1, read.entityCount());
    assertEquals(Optional.of("Piet"), read.text("x1", "who"));
    assertRefused(409, agendaItem("a1", "tombstones keep their id"));
  }

  @Test
  void fromMapRefusesWhatTheSchemaRefuses() {
    Map<String, Object> board = Map.of("title", "t");
    assertRejected(400, () -> BoardState.fromMap(Map.of("board", board)));
    assertRejected(400, () -> BoardState.fromMap(Map.of("entities", Map.of())));
    assertRejected(400, () -> BoardState.fromMap(Map.of("board", Map.of("colour", "red"), "entities", Map.of())));
    assertRejected(400, () -> BoardState.fromMap(Map.of("board", board, "entities", Map.of("a", Map.of()))));
    assertRejected(400, () -> BoardState.fromMap(Map.of("board", board,
        "entities", Map.of("a", Map.of("kind", "meeting")))));
    assertRejected(400, () -> BoardState.fromMap(Map.of("board", board,
        "entities", Map.of("board", Map.of("kind", "action")))));
    assertRejected(400, () -> BoardState.fromMap(Map.of("board", board,
        "entities", Map.of("a", Map.of("kind", "action", "status", "later")))));
  }

  @Test
  void copyIsIndependent() {
    apply(new Op.Create("a1", "question", Map.of("text", "Hi")));
    BoardState copy = state.copy();
    assertNotSame(state, copy);
    copy.apply(List.of(text("a1", "text", 2, "!"), new Op.Delete("a1")), actor(Grant.PARTICIPANT), NOW);
    assertEquals(Optional.of("Hi"), state.text("a1", "text"));
    assertEquals(1, state.entityCount());
    assertEquals(0, copy.entityCount());
  }

  @Test
  @SuppressWarnings("unchecked")
  void toMapIsADeepCopy() {
    apply(agendaItem("a1", "Hi"));
    Map<String, Object> map = state.toMap();
    ((Map<String, Object>) map.get("board")).put("title", "changed");
    ((Map<String, Map<String, Object>>) map.get("entities")).get("a1").put("title", "changed");
    assertEquals(Optional.of("Startgesprek"), state.text("board", "title"));
    assertEquals(Optional.of("Hi"), state.text("a1", "title"));
  }
}
