package org.aantafel.board;

import static org.aantafel.board.Table.CHAIR;
import static org.aantafel.board.Table.PARENT;
import static org.aantafel.board.Table.STUDENT;
import static org.aantafel.board.Table.TEACHER;
import static org.aantafel.board.Table.YOUTH_CARE;
import static org.aantafel.board.Table.create;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AgendaBalanceTest {

  private static Map<String, Integer> counts(int family, int school, int care, int other) {
    return Map.of("family", family, "school", school, "care", care, "other", other);
  }

  @Test
  void countsLiveAgendaItemsBySideOfTheProposer() {
    Table table = new Table();
    assertEquals(counts(0, 0, 0, 0), AgendaBalance.of(table.state).toMap());
    table.apply(TEACHER, create("t1", "agendaItem", Map.of()), create("t2", "agendaItem", Map.of()));
    table.apply(CHAIR, create("c1", "agendaItem", Map.of()));
    table.apply(YOUTH_CARE, create("y1", "agendaItem", Map.of()));
    table.apply(new Actor("p-x", "Opa", Role.OTHER, Grant.PARTICIPANT), create("o1", "agendaItem", Map.of()));
    AgendaBalance balance = AgendaBalance.of(table.state);
    assertEquals(counts(0, 3, 1, 1), balance.toMap());
    assertFalse(balance.familyHasProposed(), "the facilitator is prompted to ask the family");
    table.apply(STUDENT, create("s1", "agendaItem", Map.of()));
    table.apply(PARENT, create("p1", "agendaItem", Map.of()), create("p2", "agendaItem", Map.of()));
    balance = AgendaBalance.of(table.state);
    assertEquals(counts(3, 3, 1, 1), balance.toMap());
    assertTrue(balance.familyHasProposed());
    assertEquals(3, balance.count(Side.FAMILY));
  }

  @Test
  void deletedItemsAndOtherKindsDoNotCount() {
    Table table = new Table();
    table.apply(PARENT, create("p1", "agendaItem", Map.of()), create("q1", "question", Map.of()),
        create(KindRulesTest.personalId("checkin", null, PARENT), "checkin", Map.of()));
    table.apply(PARENT, new Op.Set("p1", "removed", true));
    assertEquals(counts(0, 0, 0, 0), AgendaBalance.of(table.state).toMap());
  }

  @Test
  void templateItemsHaveNoProposerAndDoNotCount() {
    Table table = new Table(BoardTemplates.create("Driehoek", "nl", "driehoeksgesprek"));
    assertEquals(counts(0, 0, 0, 0), AgendaBalance.of(table.state).toMap());
    table.apply(STUDENT, create("s1", "agendaItem", Map.of()));
    assertEquals(counts(1, 0, 0, 0), AgendaBalance.of(table.state).toMap());
  }
}
