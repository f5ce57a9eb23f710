package org.aantafel.board;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.aantafel.board.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17, point 7: the limit of 2,000 entities counted live ones only, so creating and deleting left tombstones
 * without end. The state's quota is in bytes and counts tombstones; forgetting a tombstone gives its bytes back.
 */
class StateQuotaTest {
  private static final long NOW = 1_790_000_000_000L;
  private static final Actor ANNA = new Actor("p-anna", "Anna", Role.PARENT, Grant.PARTICIPANT);

  private static Op item(String id, String notes) {
    return new Op.Create(id, "agendaItem", Map.of("title", "Item", "order", "a0", "notes", notes));
  }

  /** A question: its asker may delete it (agenda items are removed with undo, never deleted). */
  private static Op question(String id, String text) {
    return new Op.Create(id, "question", Map.of("text", text, "order", "a0"));
  }

  private static long encodedBytes(BoardState state) {
    return new JsonObject(state.toMap()).encode().getBytes(StandardCharsets.UTF_8).length;
  }

  @Test
  void tombstonesCountTowardTheQuotaUntilTheLimitRefusesMoreWithA413() {
    BoardState state = BoardState.create("Churn", "nl").limitBytes(20_000);
    int created = 0;
    BoardRejection refused = null;
    while (refused == null && created < 10_000) {
      List<Op> ops = new ArrayList<>();
      for (int i = 0; i < 25; i++) {
        String id = "churn-" + created++;
        ops.add(question(id, "?"));
        ops.add(new Op.Delete(id));
      }
      try {
        state.apply(ops, ANNA, NOW);
      } catch (BoardRejection e) {
        refused = e;
      }
    }
    assertTrue(refused != null && refused.code() == 413, "creating and deleting is refused once the quota is full");
    assertTrue(refused.getMessage().contains("this board is full"), refused.getMessage());
    assertEquals(0, state.entityCount(), "nothing is live: the tombstones filled the quota");
    assertTrue(state.bytes() <= 20_000, "the state stays within its quota: " + state.bytes());
    assertTrue(encodedBytes(state) <= 20_000, "and so does its encoding: " + encodedBytes(state));
  }

  @Test
  void forgettingTombstonesGivesTheirBytesBackAndASubmitThatShrinksIsAlwaysAccepted() {
    BoardState state = BoardState.create("Full", "nl").limitBytes(30_000);
    List<Op> asked = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      asked.add(question("big" + i, "n".repeat(500)));
    }
    state.apply(asked, ANNA, NOW);
    state.apply(List.of(question("gone", "?")), ANNA, NOW);
    state.apply(List.of(new Op.Delete("gone")), ANNA, NOW);
    state.limitBytes(state.bytes() - 1);
    assertRejected(413, () -> state.apply(List.of(item("more", "")), ANNA, NOW));
    long before = state.bytes();
    List<Op> withdrawn = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      withdrawn.add(new Op.Delete("big" + i));
    }
    state.apply(withdrawn, ANNA, NOW);
    assertTrue(state.bytes() < before, "deleting is accepted over the quota");

    assertTrue(state.tombstones().contains("gone"));
    assertEquals(13, state.tombstones().size());
    assertTrue(state.forgetTombstone("gone"));
    assertFalse(state.forgetTombstone("board"), "only a tombstone is forgotten");
    assertEquals(12, state.tombstones().size());
    assertFalse(new JsonObject(state.toMap()).getJsonObject("entities").containsKey("gone"));
    state.apply(List.of(item("fits", "")), ANNA, NOW);
    Actor server = Actor.server("Facilitator");
    state.apply(List.of(new Op.Set("board", "phase", "goal")), server, NOW);
    state.limitBytes(state.bytes());
    // "closed" is two characters longer than "goal": closing a board that is exactly full still grows it.
    state.apply(List.of(new Op.Set("board", "phase", BoardSchema.CLOSED)), server, NOW);
    assertEquals(BoardSchema.CLOSED, state.fields("board").orElseThrow().get("phase"), "a full board still closes");
  }

  @Test
  void theCountedBytesAreTheEncodedSizeGivenOrTakenAFewPercent() {
    BoardState state = BoardState.create("Größe – ünïcode ✓", "nl");
    List<Op> ops = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      ops.add(item("i" + i, "notities met ë en 😀 ".repeat(i)));
    }
    ops.add(question("q3", "vraag met ë"));
    ops.add(question("q7", "vraag met 😀"));
    state.apply(ops, ANNA, NOW);
    state.apply(List.of(new Op.Delete("q3"), new Op.Delete("q7")), ANNA, NOW);
    long encoded = encodedBytes(state);
    assertTrue(Math.abs(state.bytes() - encoded) <= encoded / 20, state.bytes() + " counted, " + encoded + " encoded");
    assertEquals(state.bytes(), BoardState.fromMap(state.toMap()).bytes(), "a loaded state counts the same");
  }

  @Test
  void aCommittedCreateReplacesACompactedTombstoneButALiveCreateOverATombstoneIsStillRefused() {
    BoardState state = BoardState.create("Again", "nl");
    state.apply(List.of(question("x", "first")), ANNA, NOW);
    state.apply(List.of(new Op.Delete("x")), ANNA, NOW);
    assertRejected(409, () -> state.apply(List.of(question("x", "second")), ANNA, NOW));

    BoardState compacted = state.copy();
    compacted.forgetTombstone("x");
    List<Op> applied = compacted.apply(List.of(question("x", "second")), ANNA, NOW);
    // An older snapshot still holds the tombstone: replaying the op log over it ends where the server ended.
    state.applyCommitted(applied);
    assertEquals(compacted.toMap(), state.toMap());
    assertEquals(1, state.entityCount());
  }
}
