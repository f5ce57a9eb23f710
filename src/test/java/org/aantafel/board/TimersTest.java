package org.aantafel.board;

import static org.aantafel.board.Table.CHAIR;
import static org.aantafel.board.Table.PARENT;
import static org.aantafel.board.Table.create;
import static org.aantafel.board.Table.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TimersTest {

  private final Table table = new Table();
  private final long t0 = table.now;

  @BeforeEach
  void item() {
    table.apply(PARENT, create("a1", "agendaItem", Map.of("title", "Rekenen", "timeboxMinutes", 10)));
  }

  private List<Op> timer(String command) {
    return table.apply(CHAIR, set("a1", "timer", command));
  }

  private long elapsed() {
    return Timers.elapsedMs(table.fields("a1"), table.now);
  }

  @Test
  void aNewItemHasNoTimeOnTheClock() {
    assertEquals(0, elapsed());
    assertFalse(Timers.isRunning(table.fields("a1")));
  }

  @Test
  void startPauseResetBecomePlainSetsWithTheServersClock() {
    assertEquals(List.of(set("a1", "timerElapsedMs", 0), set("a1", "timerStartedAt", t0)), timer("start"));
    table.now += 90_000;
    assertEquals(90_000, elapsed());
    assertEquals(List.of(set("a1", "timerElapsedMs", 90_000), set("a1", "timerStartedAt", null)), timer("pause"));
    table.now += 1_000_000;
    assertEquals(90_000, elapsed(), "a paused clock stands still");
    assertEquals(List.of(set("a1", "timerElapsedMs", 90_000), set("a1", "timerStartedAt", t0 + 1_090_000)),
        timer("start"));
    table.now += 10_000;
    assertEquals(100_000, elapsed());
    assertEquals(List.of(set("a1", "timerElapsedMs", 0), set("a1", "timerStartedAt", null)), timer("reset"));
    assertEquals(0, elapsed());
    assertFalse(table.fields("a1").containsKey("timer"), "the control itself is never stored");
  }

  @Test
  void repeatingAControlChangesNothing() {
    assertEquals(List.of(), timer("pause"), "pausing a clock that never ran");
    assertEquals(List.of(), timer("reset"), "resetting a clock at zero");
    timer("start");
    table.now += 5_000;
    assertEquals(List.of(), timer("start"), "starting a running clock");
    assertEquals(5_000, elapsed(), "a second start does not restart the count");
    timer("pause");
    Map<String, Object> paused = table.fields("a1");
    assertEquals(List.of(), timer("pause"));
    assertEquals(paused, table.fields("a1"));
    timer("reset");
    assertEquals(List.of(), timer("reset"));
  }

  @Test
  void resetWhileRunningStopsTheClock() {
    timer("start");
    table.now += 7_000;
    timer("reset");
    table.now += 7_000;
    assertEquals(0, elapsed());
    assertFalse(Timers.isRunning(table.fields("a1")));
  }

  @Test
  void severalControlsInOneListApplyInTurn() {
    List<Op> applied = table.apply(CHAIR, set("a1", "timer", "start"), set("a1", "timer", "start"),
        set("a1", "timer", "pause"));
    assertEquals(4, applied.size());
    assertEquals(0, elapsed());
  }

  @Test
  void aClockThatWentBackwardsCountsNoTime() {
    Map<String, Object> fields = new HashMap<>();
    fields.put("timerElapsedMs", 3_000);
    fields.put("timerStartedAt", t0);
    assertEquals(3_000, Timers.elapsedMs(fields, t0 - 60_000));
    assertEquals(3_001, Timers.elapsedMs(fields, t0 + 1));
    assertEquals(0, Timers.elapsedMs(Map.of(), t0));
  }

  @Test
  void controlsAreCheckedAndRefusedWhereTheyMakeNoSense() {
    table.refused(400, CHAIR, set("a1", "timer", "stop"));
    table.refused(400, CHAIR, set("a1", "timer", null));
    table.refused(403, PARENT, set("a1", "timer", "start"));
    table.refused(400, CHAIR, create("a2", "agendaItem", Map.of("timer", "start")));
    table.refused(400, CHAIR, set("board", "timer", "start"));
    table.apply(CHAIR, create("x1", "action", Map.of()));
    table.refused(400, CHAIR, set("x1", "timer", "start"));
  }

  @Test
  void replayNeverSeesAControl() {
    BoardState replica = table.state.copy();
    List<Op> applied = timer("start");
    assertTrue(applied.stream().noneMatch(op -> op instanceof Op.Set s && s.field().equals("timer")));
    replica.applyCommitted(applied);
    assertEquals(table.state.toMap(), replica.toMap());
    Rejections.assertRejected(400, () -> replica.applyCommitted(List.of(set("a1", "timer", "pause"))));
  }

  @Test
  void theServerClockSurvivesAJsonRoundTrip() {
    timer("start");
    Map<String, Object> read = BoardState.fromMap(table.state.toMap()).fields("a1").orElseThrow();
    assertEquals(t0, ((Number) read.get("timerStartedAt")).longValue());
    table.refused(400, PARENT, set("a1", "timeboxMinutes", 241));
  }
}
