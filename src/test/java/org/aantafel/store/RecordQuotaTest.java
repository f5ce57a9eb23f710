package org.aantafel.store;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.aantafel.store.StoreFixtures.await;
import static org.aantafel.store.StoreFixtures.failureOf;
import static org.aantafel.store.StoreFixtures.newBoard;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17, point 8: eight reopen/close cycles stored 97 MB. The record versions of one board hold at most
 * {@link Records#QUOTA_BYTES} together; the store itself refuses the version that would pass it, on both drivers.
 */
class RecordQuotaTest {
  /** A quarter of the quota, less a little for the JSON around it: four fit, the fifth does not. */
  private static final int TEXT = (int) (Records.QUOTA_BYTES / 4) - 1024;

  @ParameterizedTest
  @ArgumentsSource(StoreDrivers.class)
  void aBoardsVersionsStopAtItsQuotaAndARefusedVersionLeavesNothing(BoardStore store) throws Exception {
    String boardId = newBoard(store);
    for (int version = 1; version <= 4; version++) {
      assertTrue(await(store.recordFits(boardId, record(version))));
      await(store.saveRecord(boardId, version, 1_790_000_000_000L + version, "facilitator", record(version)));
    }

    assertFalse(await(store.recordFits(boardId, record(5))));
    Throwable refused = failureOf(store.saveRecord(boardId, 5, 1_790_000_000_005L, "facilitator", record(5)));

    assertInstanceOf(RecordQuotaExceededException.class, refused);
    assertEquals(4, await(store.lastRecordVersion(boardId)));
    assertEquals(Optional.empty(), await(store.record(boardId, 5)));
    assertTrue(await(store.recordFits(boardId, new JsonObject().put("format", 1))), "a small one still fits");
    String other = newBoard(store);
    assertTrue(await(store.recordFits(other, record(1))), "the quota is each board's own");
    await(store.saveRecord(other, 1, 1_790_000_000_001L, "facilitator", record(1)));
  }

  /** Two closes of one board at once cannot both take the last room (PostgreSQL locks the board's row first). */
  @ParameterizedTest
  @ArgumentsSource(StoreDrivers.class)
  void concurrentSavesCannotTogetherPassTheQuota(BoardStore store) throws Exception {
    String boardId = newBoard(store);
    for (int version = 1; version <= 3; version++) {
      await(store.saveRecord(boardId, version, 1_790_000_000_000L + version, "facilitator", record(version)));
    }
    List<io.vertx.core.Future<Void>> saves = new ArrayList<>();
    for (int version = 4; version <= 7; version++) {
      saves.add(store.saveRecord(boardId, version, 1_790_000_000_000L + version, "facilitator", record(version)));
    }
    for (io.vertx.core.Future<Void> save : saves) {
      save.toCompletionStage().toCompletableFuture().handle((ok, e) -> null).get();
    }

    assertEquals(1, saves.stream().filter(io.vertx.core.Future::succeeded).count());
    assertEquals(4, await(store.records(boardId)).size());
  }

  private static JsonObject record(int version) {
    return new JsonObject().put("format", 1).put("goal", String.valueOf(version).repeat(TEXT));
  }
}
