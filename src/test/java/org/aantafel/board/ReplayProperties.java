package org.aantafel.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/**
 * Loading a board replays its op log with applyCommitted, and browsers apply the published ops with their plain
 * applyOps: both must end exactly where the server's live apply ended, whoever submitted what, whenever.
 */
class ReplayProperties {

  private static final List<Actor> ACTORS = List.of(
      new Actor("p-a", "Fatima", Role.PARENT, Grant.PARTICIPANT),
      new Actor("p-b", "Juf Anna", Role.TEACHER, Grant.PARTICIPANT),
      new Actor("p-c", "Sem", Role.YOUTH_CARE, Grant.FACILITATOR),
      new Actor("p-d", "Beamer", Role.OTHER, Grant.VIEWER));

  @Property
  void replayingTheAppliedOpsGivesTheServersState(@ForAll long seed) {
    Random random = new Random(seed);
    BoardState initial = random.nextBoolean() ? RandomOps.randomBoard(random)
        : BoardTemplates.create("t", "en", new RandomValues(random).pick(BoardTemplates.names()));
    BoardState server = initial.copy();
    List<Op> log = new ArrayList<>();
    RandomOps browser = RandomOps.submitted(random, "n");
    long now = 1_790_000_000_000L;
    int accepted = 0;
    int timerSets = 0;
    for (int submit = 0; submit < 30; submit++) {
      // The chair acts most: many fields and all timer controls are theirs.
      Actor actor = random.nextBoolean() ? ACTORS.get(2) : ACTORS.get(random.nextInt(ACTORS.size()));
      // The server clock mostly moves on, and sometimes back (a corrected system clock).
      now += random.nextInt(10) == 0 ? -random.nextInt(5_000) : random.nextInt(120_000);
      List<Op> ops = new ArrayList<>();
      for (int i = random.nextInt(4) == 0 ? 2 + random.nextInt(2) : 1; i > 0; i--) {
        ops.add(special(random, server, actor).orElseGet(() -> browser.next(server)));
      }
      Map<String, Object> before = server.toMap();
      try {
        List<Op> applied = server.apply(ops, actor, now);
        assertTrue(applied.stream().noneMatch(op -> op instanceof Op.Set s && s.field().equals(Timers.CONTROL)));
        log.addAll(applied);
        accepted++;
        timerSets += (int) applied.stream().filter(op -> op instanceof Op.Set s && s.field().startsWith("timer")).count();
      } catch (BoardRejection refused) {
        assertEquals(before, server.toMap(), "a refused submit changes nothing");
      }
    }
    BoardState replica = initial.copy();
    for (int from = 0; from < log.size(); from += BoardSchema.MAX_OPS_PER_APPLY) {
      replica.applyCommitted(log.subList(from, Math.min(log.size(), from + BoardSchema.MAX_OPS_PER_APPLY)));
    }
    assertEquals(server.toMap(), replica.toMap(), () -> "after " + log);
    assertEquals(server.entityCount(), replica.entityCount());
    // Shows in the report that the property is not vacuous: most submits pass, and timers run.
    Statistics.label("accepted submits of 30").collect(accepted * 4 / 30 * 25 + "%+");
    Statistics.label("timer controls carried out").collect(timerSets > 0);
  }

  /** What RandomOps makes rarely or not at all: a person's own goal check, moving through the meeting, the clock. */
  private static Optional<Op> special(Random random, BoardState state, Actor actor) {
    return switch (random.nextInt(14)) {
      case 0 -> Optional.of(new Op.Create(KindRulesTest.personalId("goalCheck", null, actor), "goalCheck",
          Map.of("verdict", "met")));
      // Closing is rare, reopening a closed meeting likely, so that most of a run happens in an open meeting.
      case 1, 3, 4 -> Optional.of(new Op.Set("board", "phase", random.nextInt(8) == 0 ? BoardSchema.CLOSED
          : new RandomValues(random).pick(BoardSchema.PHASES.subList(0, BoardSchema.PHASES.size() - 1))));
      case 2 -> Optional.of(new Op.Set("board", "agendaFrozen", random.nextBoolean()));
      case 5, 6 -> state.liveEntities().entrySet().stream().filter(e -> e.getValue().kind.name().equals("agendaItem"))
          .findFirst().map(e -> new Op.Set(e.getKey(), Timers.CONTROL,
              new RandomValues(random).pick(List.of("start", "start", "pause", "reset"))));
      default -> Optional.empty();
    };
  }
}
