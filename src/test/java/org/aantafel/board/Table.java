package org.aantafel.board;

import static org.aantafel.board.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

/** A board with people at the table, for tests of the meeting's rules: who does what, at which server time. */
final class Table {

  static final Actor PARENT = new Actor("p-parent", "Fatima", Role.PARENT, Grant.PARTICIPANT);
  static final Actor STUDENT = new Actor("p-student", "Daan", Role.STUDENT, Grant.PARTICIPANT);
  static final Actor TEACHER = new Actor("p-teacher", "Juf Anna", Role.TEACHER, Grant.PARTICIPANT);
  static final Actor YOUTH_CARE = new Actor("p-care", "Sem", Role.YOUTH_CARE, Grant.PARTICIPANT);
  static final Actor CHAIR = new Actor("p-chair", "Meneer Jansen", Role.CARE_COORDINATOR, Grant.FACILITATOR);
  static final Actor VIEWER = new Actor("p-viewer", "Beamer", Role.OTHER, Grant.VIEWER);
  static final Actor SERVER = Actor.server("Meneer Jansen");

  final BoardState state;
  long now = 1_790_000_000_000L;

  Table(BoardState state) {
    this.state = state;
  }

  Table() {
    this(BoardState.create("Zorgoverleg", "nl"));
  }

  List<Op> apply(Actor actor, Op... ops) {
    return state.apply(List.of(ops), actor, now);
  }

  /** Asserts the rejection code and that nothing of the list was applied. */
  BoardRejection refused(int code, Actor actor, Op... ops) {
    Map<String, Object> before = state.toMap();
    BoardRejection rejection = assertRejected(code, () -> state.apply(List.of(ops), actor, now));
    assertEquals(before, state.toMap());
    return rejection;
  }

  Map<String, Object> fields(String id) {
    return state.fields(id).orElseThrow();
  }

  Object board(String field) {
    return fields("board").get(field);
  }

  static Op set(String id, String field, Object value) {
    return new Op.Set(id, field, value);
  }

  static Op create(String id, String kind, Map<String, Object> fields) {
    return new Op.Create(id, kind, fields);
  }

  static Op text(String id, String field, Object... components) {
    return new Op.Text(id, field, TextOperation.fromComponents(List.of(components)));
  }
}
