package org.aantafel.board;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Vectors of committed ops replayed on a state ({@link BoardState#applyCommitted}, the browser's {@code applyOps}):
 * the server forgets tombstones no client needs (docs/protocol.md, "Ops and state"), so a create may meet the
 * tombstone of its id in a browser or an older snapshot that still holds it, and must replace it on both sides alike.
 */
final class ReplayVectors {

  private ReplayVectors() {
  }

  static void add(Map<String, Object> vectors) {
    List<Map<String, Object>> cases = new ArrayList<>();
    Op again = new Op.Create("x", "agendaItem", Map.of("title", "Again", "order", "a1"));
    cases.add(replay(List.of(new Op.Create("x", "agendaItem", Map.of("title", "First", "order", "a0")),
        new Op.Delete("x")), List.of(again)));
    cases.add(replay(List.of(new Op.Create("x", "agendaItem", Map.of("title", "First", "order", "a0"))),
        List.of(new Op.Delete("x"), again, new Op.Set("x", "order", "a2"))));
    vectors.put("replays", cases);
  }

  /** The state {@code before} made, then {@code ops} replayed on it, and where that ends. */
  private static Map<String, Object> replay(List<Op> before, List<Op> ops) {
    BoardState state = BoardState.create("Replay", "en");
    state.applyCommitted(before);
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("state", state.toMap());
    c.put("ops", Op.listToMaps(ops));
    state.applyCommitted(ops);
    c.put("final", state.toMap());
    return c;
  }
}
