package org.aantafel.store;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

import java.util.List;
import java.util.Optional;

import static org.aantafel.store.StoreFixtures.await;
import static org.aantafel.store.StoreFixtures.failureOf;
import static org.aantafel.store.StoreFixtures.newBoard;
import static org.aantafel.store.StoreFixtures.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** What every {@link Records} driver must do: each version written once and read back as it was. */
class RecordsContractTest {

  @ParameterizedTest
  @ArgumentsSource(StoreDrivers.class)
  void recordVersionsAreStoredListedAndReadBack(BoardStore store) throws Exception {
    String boardId = newBoard(store);
    assertEquals(0, await(store.lastRecordVersion(boardId)));

    await(store.saveRecord(boardId, 1, 1_790_000_000_123L, "facilitator", record("first")));
    await(store.saveRecord(boardId, 2, 1_790_000_500_456L, "Anna de Vries", record("second")));

    assertEquals(2, await(store.lastRecordVersion(boardId)));
    assertEquals(List.of(new BoardStore.RecordVersion(1, 1_790_000_000_123L, "facilitator"),
        new BoardStore.RecordVersion(2, 1_790_000_500_456L, "Anna de Vries")), await(store.records(boardId)));
    assertEquals(Optional.of(record("first")), await(store.record(boardId, 1)));
    assertEquals(Optional.empty(), await(store.record(boardId, 3)));
    assertEquals(List.of(), await(store.records("no-such-board")));
  }

  @ParameterizedTest
  @ArgumentsSource(StoreDrivers.class)
  void aTakenRecordVersionIsAConflictAndKeepsTheFirst(BoardStore store) throws Exception {
    String boardId = newBoard(store);
    await(store.saveRecord(boardId, 1, 1_790_000_000_000L, "facilitator", record("first")));

    Throwable failure = failureOf(store.saveRecord(boardId, 1, 1_790_000_000_000L, "facilitator", record("other")));

    assertInstanceOf(StoreConflictException.class, failure);
    assertEquals(Optional.of(record("first")), await(store.record(boardId, 1)));
  }
}
