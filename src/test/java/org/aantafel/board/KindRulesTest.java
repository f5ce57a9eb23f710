package org.aantafel.board;

import static org.aantafel.board.Table.CHAIR;
import static org.aantafel.board.Table.PARENT;
import static org.aantafel.board.Table.TEACHER;
import static org.aantafel.board.Table.VIEWER;
import static org.aantafel.board.Table.create;
import static org.aantafel.board.Table.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.aantafel.board.KindRules.Ending;
import org.aantafel.board.KindRules.Ender;
import org.junit.jupiter.api.Test;

/**
 * The table of {@link KindRules}, every kind against every grant and every kind of op: who makes an entity, how it
 * ends (a delete of what is removed with undo, or of one person's entry, is refused for everyone), whose per-person
 * entries are, and that their ids cannot be taken by anyone else first, as another kind or in another's name.
 */
class KindRulesTest {

  private static final BoardSchema SCHEMA = BoardSchema.STANDARD;
  private static final List<Actor> EVERYONE = List.of(PARENT, TEACHER, CHAIR, VIEWER);

  static String personalId(String kind, String parent, Actor actor) {
    return SCHEMA.kind(kind).rules().personal().id(parent, actor.participantId());
  }

  /** A board with a question everyone sees and an open poll, for votes and answers to belong to. */
  private static Table table() {
    Table table = new Table();
    table.apply(CHAIR, create("q1", "question", Map.of("text", "Hoe laat?")),
        create("poll1", "poll", Map.of("question", "Komt u?", "options", "Ja\nNee", "open", true)));
    return table;
  }

  /** The least a kind's entity is made with. */
  private static Map<String, Object> fields(String kind) {
    return switch (kind) {
      case "agendaItem" -> Map.of("title", "Rekenen");
      case "checkin" -> Map.of("text", "Goed");
      case "agreement" -> Map.of("text", "Extra tijd");
      case "action" -> Map.of("what", "Bellen");
      case "goalCheck" -> Map.of("verdict", "met");
      case "evaluation" -> Map.of("topic", "child");
      case "question" -> Map.of("text", "Waarom?");
      case "vote" -> Map.of("question", "q1");
      case "poll" -> Map.of("question", "Nog een?", "options", "A\nB");
      case "pollAnswer" -> Map.of("poll", "poll1", "choice", 1);
      default -> throw new AssertionError("a kind without test fields: " + kind);
    };
  }

  private static String parentOf(EntityKind kind, Map<String, Object> fields) {
    String parentField = kind.rules().personal().parentField();
    return parentField == null ? null : (String) fields.get(parentField);
  }

  /** The id the actor's browser gives a new entity of the kind. */
  private static String idFor(EntityKind kind, Actor actor) {
    return kind.rules().personal() == null ? "x1" : personalId(kind.name(), parentOf(kind, fields(kind.name())), actor);
  }

  @Test
  void everyKindIsDeclaredConsistently() {
    for (EntityKind kind : SCHEMA.creatableKinds()) {
      KindRules rules = kind.rules();
      assertEquals(rules.ending() == Ending.REMOVED, kind.fields().containsKey(Removal.REMOVED), kind.name());
      assertEquals(rules.ending() == Ending.KEPT, rules.ender() == Ender.NOBODY, kind.name());
      assertEquals(rules.personal() != null, rules.ending() == Ending.KEPT, kind.name());
      if (rules.ender() == Ender.OWNER || rules.personal() != null) {
        assertTrue(rules.owner() != null && kind.fields().containsKey(rules.owner().field()), kind.name());
        rules.owner().fields().forEach(field -> assertFalse(kind.field(field).isStamped(), kind.name() + "." + field));
      }
      if (rules.personal() != null) {
        assertEquals(KindRules.Personal.OWNER, rules.owner().field(), kind.name());
        assertTrue(kind.field(KindRules.Personal.OWNER).isStamped(), kind.name() + ": the server stamps its owner");
        String parent = rules.personal().parentField();
        if (parent != null) {
          assertTrue(kind.field(parent).isFixed(), kind.name() + " stays with its " + parent);
        }
      }
    }
    assertEquals(Removal.KINDS, SCHEMA.kindsEnding(Ending.REMOVED));
    assertEquals(KindRules.MAX_PARENT_ID, SCHEMA.kind("question").rules().maxIdLength());
    assertEquals(KindRules.MAX_PARENT_ID, SCHEMA.kind("poll").rules().maxIdLength());
  }

  @Test
  void onlyTheGrantTheTableNamesCreatesAKind() {
    for (EntityKind kind : SCHEMA.creatableKinds()) {
      for (Actor actor : EVERYONE) {
        Table table = table();
        Op op = create(idFor(kind, actor), kind.name(), fields(kind.name()));
        if (actor.grant().atLeast(kind.rules().creator()) && actor.grant() != Grant.VIEWER) {
          table.apply(actor, op);
          assertEquals(kind.name(), table.state.kindOf(idFor(kind, actor)).orElseThrow());
        } else {
          table.refused(403, actor, op);
        }
      }
    }
  }

  @Test
  void whatIsRemovedWithUndoOrIsOnePersonsIsNeverDeletedByAnyone() {
    for (EntityKind kind : SCHEMA.creatableKinds()) {
      Actor maker = kind.rules().creator() == Grant.FACILITATOR ? CHAIR : PARENT;
      for (Actor actor : List.of(PARENT, TEACHER, CHAIR, VIEWER, Table.SERVER)) {
        Table table = table();
        String id = idFor(kind, maker);
        table.apply(maker, create(id, kind.name(), fields(kind.name())));
        KindRules rules = kind.rules();
        boolean may = rules.ending() == Ending.DELETED && actor != VIEWER && switch (rules.ender()) {
          case ANYONE -> true;
          case FACILITATOR -> actor.isFacilitator();
          case OWNER -> rules.owner().owns(table.fields(id), actor);
          case NOBODY -> false;
        };
        if (may) {
          table.apply(actor, new Op.Delete(id));
          assertTrue(table.state.fields(id).isEmpty(), kind.name());
        } else {
          table.refused(403, actor, new Op.Delete(id));
        }
      }
    }
    // What ends deleted is deleted by whom the table names: the asker, the facilitator.
    Table table = table();
    table.apply(PARENT, create("q2", "question", fields("question")));
    table.refused(403, CHAIR, new Op.Delete("q2"));
    table.apply(PARENT, new Op.Delete("q2"));
    table.apply(CHAIR, new Op.Delete("poll1"));
    assertTrue(table.state.fields("poll1").isEmpty());
  }

  @Test
  void aRemovalIsStampedWithWhoDidItAndUndoneByThemOrTheFacilitator() {
    for (String kind : SCHEMA.kindsEnding(Ending.REMOVED)) {
      Table table = table();
      table.apply(PARENT, create("x1", kind, fields(kind)));
      Actor remover = SCHEMA.kind(kind).rules().ender() == Ender.ANYONE ? TEACHER : PARENT;
      if (remover == PARENT) {
        table.refused(403, TEACHER, set("x1", Removal.REMOVED, true));
      }
      table.apply(remover, set("x1", Removal.REMOVED, true));
      assertEquals(remover.participantId(), table.fields("x1").get(Removal.REMOVED_BY), kind);
      table.refused(403, remover == PARENT ? TEACHER : PARENT, set("x1", Removal.REMOVED, false));
      table.apply(CHAIR, set("x1", Removal.REMOVED, false));
      assertNull(table.fields("x1").get(Removal.REMOVED_BY), kind);
      assertEquals(fields(kind).values().iterator().next(), table.fields("x1").values().iterator().next(), kind);
      // Never removed without saying who did it, not even at create.
      table.refused(400, CHAIR, create("x2", kind, Map.of(Removal.REMOVED, true)));
      table.apply(CHAIR, create("x2", kind, Map.of(Removal.REMOVED, false)));
    }
  }

  @Test
  void nobodyTakesTheIdOfSomeoneElsesEntryFirst() {
    for (EntityKind personal : SCHEMA.creatableKinds()) {
      if (personal.rules().personal() == null) {
        continue;
      }
      String hers = idFor(personal, PARENT);
      for (EntityKind other : SCHEMA.creatableKinds()) {
        Actor maker = other.rules().creator() == Grant.FACILITATOR ? CHAIR : TEACHER;
        Table table = table();
        // As any kind, by anyone else: refused, and the tombstone a delete would leave never comes to be.
        table.refused(400, maker, create(hers, other.name(), fields(other.name())));
        table.refused(400, CHAIR, create(hers, other.name(), fields(other.name())));
      }
      Table table = table();
      table.apply(PARENT, create(hers, personal.name(), fields(personal.name())));
      table.refused(409, PARENT, create(hers, personal.name(), fields(personal.name())));
      assertEquals(PARENT.participantId(), table.fields(hers).get(KindRules.Personal.OWNER));
    }
  }

  @Test
  void onlyTheOwnerChangesTheirEntryAndWhatItBelongsToStays() {
    for (EntityKind kind : SCHEMA.creatableKinds()) {
      KindRules.Personal personal = kind.rules().personal();
      if (personal == null) {
        continue;
      }
      Table table = table();
      String id = idFor(kind, PARENT);
      table.apply(PARENT, create(id, kind.name(), fields(kind.name())));
      Map<String, Object> before = table.fields(id);
      for (FieldSpec field : kind.fields().values()) {
        if (field.isStamped()) {
          continue;
        }
        Object value = before.get(field.name());
        int length = value == null ? 0 : String.valueOf(value).length();
        // Of the value fields, only a vote's withdrawn is not given at create: it is a boolean.
        Op change = !field.isText() ? set(id, field.name(), value == null ? Boolean.TRUE : value)
            : length == 0 ? Table.text(id, field.name(), "!") : Table.text(id, field.name(), length, "!");
        table.refused(403, TEACHER, change);
        if (!kind.rules().owner().facilitatorToo() || field.isFixed()) {
          table.refused(403, CHAIR, change);
        }
        if (field.isFixed()) {
          table.refused(403, PARENT, change);
        } else {
          table.apply(PARENT, change);
        }
      }
      assertEquals(PARENT.participantId(), table.fields(id).get(KindRules.Personal.OWNER));
    }
    Table table = table();
    table.apply(PARENT, create(personalId("checkin", null, PARENT), "checkin", fields("checkin")));
    table.apply(CHAIR, Table.text(personalId("checkin", null, PARENT), "text", 4, "!"));
  }

  @Test
  void anEntryMadeUnderItsEarlierIdStillCountsAsTheOwners() {
    Table table = table();
    // As a board stored before the ids were derived with a '.' holds them.
    table.state.applyCommitted(List.of(
        create("goalcheck-p-parent", "goalCheck", Map.of("verdict", "met", "participantId", "p-parent")),
        create("vote-q1-p-parent", "vote", Map.of("question", "q1", "participantId", "p-parent")),
        create("answer-poll1-p-teacher", "agreement", Map.of("text", "squatted before"))));
    table.refused(409, PARENT, create(personalId("goalCheck", null, PARENT), "goalCheck", fields("goalCheck")));
    table.refused(409, PARENT, create(personalId("vote", "q1", PARENT), "vote", fields("vote")));
    table.apply(PARENT, set("goalcheck-p-parent", "verdict", "not"));
    table.refused(403, TEACHER, set("goalcheck-p-parent", "verdict", "met"));
    // Someone else's earlier squat of the old id does not count as the teacher's answer.
    table.apply(TEACHER, create(personalId("pollAnswer", "poll1", TEACHER), "pollAnswer", fields("pollAnswer")));
    table.apply(TEACHER, create(personalId("goalCheck", null, TEACHER), "goalCheck", fields("goalCheck")));
  }

  @Test
  void aDotIsOnlyInTheIdsTheServerDerives() {
    Table table = table();
    table.refused(400, PARENT, create("a.b", "agendaItem", fields("agendaItem")));
    table.refused(400, CHAIR, create("poll.x", "poll", fields("poll")));
    table.refused(400, PARENT, create("q".repeat(37), "question", fields("question")));
    table.apply(PARENT, create("q".repeat(36), "question", fields("question")));
    assertFalse(PARENT.participantId().contains("."));
  }
}
