package org.aantafel.sync;

import org.aantafel.AppConfig;
import org.aantafel.board.BoardState;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The memory limits come from config/aantafel.json and AANTAFEL_* variables, as documented in docs/security.md. */
class BoardBudgetTest {

  @Test
  void theShippedDefaultsAreTheDocumentedOnes() {
    BoardBudget budget = AppConfig.load(Map.of()).limits().boardBudget();
    assertEquals(2L * 1024 * 1024, budget.historyBytes());
    assertEquals(2L * 1024 * 1024, budget.stateBytes());
    assertEquals(BoardState.MAX_BYTES, budget.stateBytes());
    assertEquals(0, budget.nodeBytes());
    assertEquals(Runtime.getRuntime().maxMemory() / 4, budget.nodeBytesOrHeap(), "a quarter of the heap");
  }

  @Test
  void environmentVariablesSetEachAndTheServerBudgetIsSplitOverTheHubInstances() {
    BoardBudget budget = AppConfig.load(Map.of("AANTAFEL_BOARD_STATE_BYTES", "65536",
      "AANTAFEL_BOARD_HISTORY_BYTES", "32768", "AANTAFEL_BOARDS_MEMORY_BYTES", "1000000")).limits().boardBudget();
    assertEquals(65536, budget.stateBytes());
    assertEquals(32768, budget.historyBytes());
    assertEquals(new BoardBudget(32768, 65536, 250_000), budget.perInstance(4));
  }

  @Test
  void aNonsensicalLimitStopsTheServerAtStart() {
    assertThrows(IllegalArgumentException.class, () -> AppConfig.load(Map.of("AANTAFEL_BOARD_STATE_BYTES", "0")));
    assertThrows(IllegalArgumentException.class, () -> AppConfig.load(Map.of("AANTAFEL_BOARDS_MEMORY_BYTES", "-1")));
    assertThrows(NumberFormatException.class, () -> AppConfig.load(Map.of("AANTAFEL_BOARD_HISTORY_BYTES", "lots")));
  }
}
