package org.aantafel.store;

import io.vertx.core.json.JsonObject;
import org.aantafel.store.BoardStore.ClientProgress;
import org.aantafel.store.BoardStore.CommittedChange;
import org.aantafel.store.BoardStore.Snapshot;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

import java.util.List;
import java.util.Optional;

import static org.aantafel.store.StoreFixtures.await;
import static org.aantafel.store.StoreFixtures.change;
import static org.aantafel.store.StoreFixtures.failureOf;
import static org.aantafel.store.StoreFixtures.initialState;
import static org.aantafel.store.StoreFixtures.newBoard;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** What every {@link OpLog} driver must do: a board's history, and the uniqueness that fences a stale writer. */
class OpLogContractTest {

  @ParameterizedTest
  @ArgumentsSource(StoreDrivers.class)
  void aNewBoardStartsFromItsInitialSnapshot(BoardStore store) throws Exception {
    String boardId = newBoard(store);

    Snapshot first = await(store.latestSnapshot(boardId)).orElseThrow();

    assertEquals(0, first.rev());
    assertEquals(initialState(), first.state());
    assertEquals(Optional.empty(), await(store.latestSnapshot("no-such-board")));
  }

  @ParameterizedTest
  @ArgumentsSource(StoreDrivers.class)
  void theNewestSnapshotWins(BoardStore store) throws Exception {
    String boardId = newBoard(store);
    for (long rev = 100; rev <= 500; rev += 100) {
      await(store.saveSnapshot(boardId, new Snapshot(rev, new JsonObject().put("board", new JsonObject()
          .put("title", "at " + rev)))));
    }

    Snapshot newest = await(store.latestSnapshot(boardId)).orElseThrow();

    assertEquals(500, newest.rev());
    assertEquals("at 500", newest.state().getJsonObject("board").getString("title"));
  }

  @ParameterizedTest
  @ArgumentsSource(StoreDrivers.class)
  void savingASnapshotAtTheSameRevisionAgainReplacesIt(BoardStore store) throws Exception {
    String boardId = newBoard(store);
    await(store.saveSnapshot(boardId, new Snapshot(7, new JsonObject().put("v", 1))));
    await(store.saveSnapshot(boardId, new Snapshot(7, new JsonObject().put("v", 2))));

    assertEquals(new Snapshot(7, new JsonObject().put("v", 2)), await(store.latestSnapshot(boardId)).orElseThrow());
  }

  @ParameterizedTest
  @ArgumentsSource(StoreDrivers.class)
  void appendedChangesComeBackInOrderAndUnchanged(BoardStore store) throws Exception {
    String boardId = newBoard(store);
    List<CommittedChange> changes = List.of(change(1, "tab-a", 1), change(2, "tab-b", 1), change(3, "tab-a", 2));

    await(store.appendChanges(boardId, changes.subList(0, 2)));
    await(store.appendChanges(boardId, changes.subList(2, 3)));

    assertEquals(changes, await(store.changesBetween(boardId, 0, 3)));
  }

  @ParameterizedTest
  @ArgumentsSource(StoreDrivers.class)
  void changesBetweenExcludesTheLowerAndIncludesTheUpperBound(BoardStore store) throws Exception {
    String boardId = newBoard(store);
    await(store.appendChanges(boardId, List.of(change(1, "c", 1), change(2, "c", 2), change(3, "c", 3),
        change(4, "c", 4))));

    assertEquals(List.of(2L, 3L), revs(await(store.changesBetween(boardId, 1, 3))));
    assertEquals(List.of(4L), revs(await(store.changesBetween(boardId, 3, Long.MAX_VALUE))));
    assertEquals(List.of(), revs(await(store.changesBetween(boardId, 4, 10))));
    assertEquals(List.of(), revs(await(store.changesBetween("no-such-board", 0, 10))));
  }

  @ParameterizedTest
  @ArgumentsSource(StoreDrivers.class)
  void aGroupWithATakenRevisionFailsAsAWhole(BoardStore store) throws Exception {
    String boardId = newBoard(store);
    await(store.appendChanges(boardId, List.of(change(1, "writer-1", 1), change(2, "writer-1", 2))));

    // A stale writer that believes revision 2 is still free.
    Throwable failure = failureOf(store.appendChanges(boardId,
        List.of(change(3, "writer-2", 1), change(2, "writer-2", 2), change(4, "writer-2", 3))));

    assertInstanceOf(StoreConflictException.class, failure);
    assertEquals(List.of(1L, 2L), revs(await(store.changesBetween(boardId, 0, 10))));
    assertEquals("writer-1", await(store.changesBetween(boardId, 1, 2)).get(0).clientId());
    assertEquals(Optional.empty(), await(store.lastCommitted(boardId, "writer-2")));
  }

  @ParameterizedTest
  @ArgumentsSource(StoreDrivers.class)
  void aResentClientSeqIsAConflict(BoardStore store) throws Exception {
    String boardId = newBoard(store);
    await(store.appendChanges(boardId, List.of(change(1, "tab", 1))));

    Throwable failure = failureOf(store.appendChanges(boardId, List.of(change(2, "tab", 1))));

    assertInstanceOf(StoreConflictException.class, failure);
    assertEquals(List.of(1L), revs(await(store.changesBetween(boardId, 0, 10))));
  }

  @ParameterizedTest
  @ArgumentsSource(StoreDrivers.class)
  void lastCommittedIsTheHighestSeqOfThatClient(BoardStore store) throws Exception {
    String boardId = newBoard(store);
    await(store.appendChanges(boardId, List.of(change(1, "tab-a", 1), change(2, "tab-b", 1), change(3, "tab-a", 2),
        change(4, "tab-b", 2), change(5, "tab-b", 3))));

    assertEquals(Optional.of(new ClientProgress(2, 3, "participant-tab-a")), await(store.lastCommitted(boardId, "tab-a")));
    assertEquals(Optional.of(new ClientProgress(3, 5, "participant-tab-b")), await(store.lastCommitted(boardId, "tab-b")));
    assertEquals(Optional.empty(), await(store.lastCommitted(boardId, "tab-c")));
  }

  private static List<Long> revs(List<CommittedChange> changes) {
    return changes.stream().map(CommittedChange::rev).toList();
  }
}
