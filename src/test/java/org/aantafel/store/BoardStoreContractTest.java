package org.aantafel.store;

import org.aantafel.store.BoardStore.ClosedBoard;
import org.aantafel.store.BoardStore.DeletedBoard;
import org.aantafel.store.BoardStore.Participant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.aantafel.store.StoreFixtures.await;
import static org.aantafel.store.StoreFixtures.change;
import static org.aantafel.store.StoreFixtures.failureOf;
import static org.aantafel.store.StoreFixtures.newBoard;
import static org.aantafel.store.StoreFixtures.record;
import static org.aantafel.store.StoreFixtures.saveConfirmed;
import static org.aantafel.store.StoreFixtures.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link BoardStore} driver must do as a whole: answer a ping, and keep the operations that span its parts
 * atomic (a deletion takes every part's rows of a board, a removed seat takes its address, a write to an unknown
 * board stores nothing in any part). The parts' own contracts are {@link OpLogContractTest}, {@link
 * BoardsContractTest}, {@link RecordsContractTest}, {@link ContactsContractTest} and {@link SendQuotasContractTest}.
 */
class BoardStoreContractTest {

  @ParameterizedTest
  @ArgumentsSource(StoreDrivers.class)
  void pingAnswers(BoardStore store) throws Exception {
    await(store.ping());
  }

  @ParameterizedTest
  @ArgumentsSource(StoreDrivers.class)
  void aWriteToAnUnknownBoardFailsAndStoresNothing(BoardStore store) throws Exception {
    assertInstanceOf(StoreUnavailableException.class,
        failureOf(store.appendChanges("no-such-board", List.of(change(1, "c", 1)))));
    assertInstanceOf(StoreUnavailableException.class,
        failureOf(store.saveRecord("no-such-board", 1, 1_000L, "facilitator", record("x"))));
    assertEquals(List.of(), await(store.changesBetween("no-such-board", 0, 10)));
  }

  @ParameterizedTest
  @ArgumentsSource(StoreDrivers.class)
  void retentionDeletesOnlyBoardsClosedBeforeTheMomentAndNotReopenedOnes(BoardStore store) throws Exception {
    String open = newBoard(store);
    String reopened = newBoard(store);
    String closedLater = newBoard(store);
    String closedEarly = newBoard(store);
    await(store.saveRecord(reopened, 1, 1_000L, "facilitator", record("r")));
    await(store.markReopened(reopened));
    await(store.saveRecord(closedLater, 1, 3_000L, "facilitator", record("l")));
    await(store.saveRecord(closedEarly, 1, 2_000L, "facilitator", record("e")));
    await(store.appendChanges(closedEarly, List.of(change(1, "c", 1), change(2, "c", 2))));

    assertEquals(List.of(new ClosedBoard(closedEarly, 2_000L), new ClosedBoard(closedLater, 3_000L)),
        await(store.closedBefore(Instant.ofEpochMilli(3_001), 10)).stream()
            .filter(closed -> List.of(open, reopened, closedLater, closedEarly).contains(closed.boardId())).toList());
    assertEquals(1, await(store.closedBefore(Instant.ofEpochMilli(3_001), 1)).size());

    Instant moment = Instant.ofEpochMilli(2_500);
    assertEquals(Optional.empty(), await(store.deleteBoard(open, moment)));
    assertEquals(Optional.empty(), await(store.deleteBoard(reopened, moment)));
    assertEquals(Optional.empty(), await(store.deleteBoard(closedLater, moment)));
    assertEquals(Optional.of(new DeletedBoard(1, 2, 2_000L)), await(store.deleteBoard(closedEarly, moment)));
    assertFalse(await(store.boardExists(closedEarly)));
    assertEquals(List.of(), await(store.records(closedEarly)));
    assertEquals(List.of(), await(store.changesBetween(closedEarly, 0, 10)));
    assertEquals(Optional.empty(), await(store.latestSnapshot(closedEarly)));

    assertEquals(Optional.of(new DeletedBoard(0, 0, null)), await(store.deleteBoard(open, null)));
    assertEquals(Optional.empty(), await(store.deleteBoard(open, null)));
    assertTrue(await(store.boardExists(reopened)));
  }

  @ParameterizedTest
  @ArgumentsSource(StoreDrivers.class)
  void aRemovedSeatTakesItsAddressAlongAndTheOthersKeepTheirs(BoardStore store) throws Exception {
    String boardId = newBoard(store);
    await(store.addSeat(boardId, new Participant("pAnnaAnnaAnnaAnn", "Anna", "parent", "participant"), sha256("a")));
    await(store.addSeat(boardId, new Participant("pBramBramBramBra", "Bram", "parent", "participant"), sha256("b")));
    saveConfirmed(store, boardId, "pAnnaAnnaAnnaAnn", "anna@family.test");
    saveConfirmed(store, boardId, "pBramBramBramBra", "bram@family.test");

    assertTrue(await(store.removeSeat(boardId, "pAnnaAnnaAnnaAnn")));
    assertEquals(Optional.empty(), await(store.contact(boardId, "pAnnaAnnaAnnaAnn")));
    assertEquals(List.of("bram@family.test"), await(store.seriesEmails(boardId)),
      "nothing of the series reaches a removed person");
  }
}
