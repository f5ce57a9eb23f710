package org.aantafel.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.aantafel.store.BoardStore.Access;
import org.aantafel.store.BoardStore.ClientProgress;
import org.aantafel.store.BoardStore.CommittedChange;
import org.aantafel.store.BoardStore.NewBoard;
import org.aantafel.store.BoardStore.Participant;
import org.aantafel.store.BoardStore.Snapshot;
import org.aantafel.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PgBoardStoreTest {

  private static Vertx vertx;
  private static DatabaseConfig database;
  private static BoardStore store;

  @BeforeAll
  static void openStore() throws Exception {
    vertx = Vertx.vertx();
    database = TestDatabase.freshConfig();
    store = await(Stores.open(vertx, database.url(), Path.of("target", "unused-data-dir")));
  }

  @AfterAll
  static void closeStore() throws Exception {
    await(store.close());
    await(vertx.close());
  }

  @Test
  void aTokenGivesItsGrantAndNothingElseDoes() throws Exception {
    String boardId = newBoard();

    assertEquals(Optional.of("facilitator"), await(store.findGrant(boardId, sha256("facilitator-token"))));
    assertEquals(Optional.of("viewer"), await(store.findGrant(boardId, sha256("viewer-token"))));
    assertEquals(Optional.empty(), await(store.findGrant(boardId, sha256("wrong-token"))));
    assertEquals(Optional.empty(), await(store.findGrant("no-such-board", sha256("facilitator-token"))));
    assertTrue(await(store.boardExists(boardId)));
    assertFalse(await(store.boardExists("no-such-board")));
  }

  @Test
  void creatingABoardTwiceIsAConflict() throws Exception {
    String boardId = newBoard();

    Throwable failure = failureOf(store.createBoard(board(boardId)));

    assertInstanceOf(StoreConflictException.class, failure);
  }

  @Test
  void aNewBoardStartsFromItsInitialSnapshot() throws Exception {
    String boardId = newBoard();

    Snapshot first = await(store.latestSnapshot(boardId)).orElseThrow();

    assertEquals(0, first.rev());
    assertEquals(initialState(), first.state());
    assertEquals(Optional.empty(), await(store.latestSnapshot("no-such-board")));
  }

  @Test
  void theNewestSnapshotWinsAndOnlyTheNewestFewAreKept() throws Exception {
    String boardId = newBoard();
    for (long rev = 100; rev <= 500; rev += 100) {
      await(store.saveSnapshot(boardId, new Snapshot(rev, new JsonObject().put("board", new JsonObject()
          .put("title", "at " + rev)))));
    }

    Snapshot newest = await(store.latestSnapshot(boardId)).orElseThrow();

    assertEquals(500, newest.rev());
    assertEquals("at 500", newest.state().getJsonObject("board").getString("title"));
    assertEquals(PgBoardStore.SNAPSHOTS_KEPT, snapshotCount(boardId));
  }

  @Test
  void savingASnapshotAtTheSameRevisionAgainReplacesIt() throws Exception {
    String boardId = newBoard();
    await(store.saveSnapshot(boardId, new Snapshot(7, new JsonObject().put("v", 1))));
    await(store.saveSnapshot(boardId, new Snapshot(7, new JsonObject().put("v", 2))));

    assertEquals(new Snapshot(7, new JsonObject().put("v", 2)), await(store.latestSnapshot(boardId)).orElseThrow());
  }

  @Test
  void appendedChangesComeBackInOrderAndUnchanged() throws Exception {
    String boardId = newBoard();
    List<CommittedChange> changes = List.of(change(1, "tab-a", 1), change(2, "tab-b", 1), change(3, "tab-a", 2));

    await(store.appendChanges(boardId, changes.subList(0, 2)));
    await(store.appendChanges(boardId, changes.subList(2, 3)));

    assertEquals(changes, await(store.changesBetween(boardId, 0, 3)));
  }

  @Test
  void changesBetweenExcludesTheLowerAndIncludesTheUpperBound() throws Exception {
    String boardId = newBoard();
    await(store.appendChanges(boardId, List.of(change(1, "c", 1), change(2, "c", 2), change(3, "c", 3),
        change(4, "c", 4))));

    assertEquals(List.of(2L, 3L), revs(await(store.changesBetween(boardId, 1, 3))));
    assertEquals(List.of(4L), revs(await(store.changesBetween(boardId, 3, Long.MAX_VALUE))));
    assertEquals(List.of(), revs(await(store.changesBetween(boardId, 4, 10))));
    assertEquals(List.of(), revs(await(store.changesBetween("no-such-board", 0, 10))));
  }

  @Test
  void aGroupWithATakenRevisionFailsAsAWhole() throws Exception {
    String boardId = newBoard();
    await(store.appendChanges(boardId, List.of(change(1, "writer-1", 1), change(2, "writer-1", 2))));

    // A stale writer that believes revision 2 is still free.
    Throwable failure = failureOf(store.appendChanges(boardId,
        List.of(change(3, "writer-2", 1), change(2, "writer-2", 2), change(4, "writer-2", 3))));

    assertInstanceOf(StoreConflictException.class, failure);
    assertEquals(List.of(1L, 2L), revs(await(store.changesBetween(boardId, 0, 10))));
    assertEquals("writer-1", await(store.changesBetween(boardId, 1, 2)).get(0).clientId());
    assertEquals(Optional.empty(), await(store.lastCommitted(boardId, "writer-2")));
  }

  @Test
  void aResentClientSeqIsAConflict() throws Exception {
    String boardId = newBoard();
    await(store.appendChanges(boardId, List.of(change(1, "tab", 1))));

    Throwable failure = failureOf(store.appendChanges(boardId, List.of(change(2, "tab", 1))));

    assertInstanceOf(StoreConflictException.class, failure);
    assertEquals(List.of(1L), revs(await(store.changesBetween(boardId, 0, 10))));
  }

  @Test
  void lastCommittedIsTheHighestSeqOfThatClient() throws Exception {
    String boardId = newBoard();
    await(store.appendChanges(boardId, List.of(change(1, "tab-a", 1), change(2, "tab-b", 1), change(3, "tab-a", 2),
        change(4, "tab-b", 2), change(5, "tab-b", 3))));

    assertEquals(Optional.of(new ClientProgress(2, 3, "participant-tab-a")), await(store.lastCommitted(boardId, "tab-a")));
    assertEquals(Optional.of(new ClientProgress(3, 5, "participant-tab-b")), await(store.lastCommitted(boardId, "tab-b")));
    assertEquals(Optional.empty(), await(store.lastCommitted(boardId, "tab-c")));
  }

  @Test
  void aRejoiningParticipantIsUpdatedNotDuplicated() throws Exception {
    String boardId = newBoard();
    await(store.addSeat(boardId, new Participant("p1", "Anna", "ouder", "participant"), AccessTokens.hash("seat-1")));
    await(store.addSeat(boardId, new Participant("p2", "Bram", "leerkracht", "facilitator"), AccessTokens.hash("seat-2")));
    await(store.saveParticipant(boardId, new Participant("p1", "Anna de Vries", "ouder", "participant")));

    assertEquals(List.of(new Participant("p1", "Anna de Vries", "ouder", "participant"),
            new Participant("p2", "Bram", "leerkracht", "facilitator")),
        await(store.participants(boardId)));
    assertEquals(List.of(), await(store.participants("no-such-board")));
  }

  @Test
  void aSeatIsFoundOnlyByItsOwnSecretOnItsOwnBoard() throws Exception {
    String boardId = newBoard();
    String other = newBoard();
    Participant anna = new Participant("p1", "Anna", "parent", "participant");
    await(store.addSeat(boardId, anna, AccessTokens.hash("anna-seat")));

    assertEquals(Optional.of(anna), await(store.findSeat(boardId, AccessTokens.hash("anna-seat"))));
    assertEquals(Optional.empty(), await(store.findSeat(boardId, AccessTokens.hash("guessed-seat"))));
    assertEquals(Optional.empty(), await(store.findSeat(other, AccessTokens.hash("anna-seat"))));
    assertInstanceOf(StoreConflictException.class, failureOf(store.addSeat(boardId,
        new Participant("p2", "Bram", "teacher", "participant"), AccessTokens.hash("anna-seat"))));
  }

  @Test
  void recordVersionsAreStoredListedAndReadBack() throws Exception {
    String boardId = newBoard();
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

  @Test
  void aTakenRecordVersionIsAConflictAndKeepsTheFirst() throws Exception {
    String boardId = newBoard();
    await(store.saveRecord(boardId, 1, 1_790_000_000_000L, "facilitator", record("first")));

    Throwable failure = failureOf(store.saveRecord(boardId, 1, 1_790_000_000_000L, "facilitator", record("other")));

    assertInstanceOf(StoreConflictException.class, failure);
    assertEquals(Optional.of(record("first")), await(store.record(boardId, 1)));
  }

  @Test
  void theDatabaseRefusesToChangeAStoredRecordButAllowsDeletingIt() throws Exception {
    String boardId = newBoard();
    await(store.saveRecord(boardId, 1, 1_790_000_000_000L, "facilitator", record("first")));

    // Through SQL directly: the trigger must hold against any writer, not just against this store's methods.
    try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password())) {
      java.sql.SQLException refused = assertThrows(java.sql.SQLException.class, () -> {
        try (PreparedStatement update = connection.prepareStatement(
            "UPDATE board_records SET closed_by = 'someone else' WHERE board_id = ?")) {
          update.setString(1, boardId);
          update.executeUpdate();
        }
      });
      assertTrue(refused.getMessage().contains("immutable"), refused.getMessage());
      assertEquals(Optional.of(record("first")), await(store.record(boardId, 1)));

      try (PreparedStatement delete = connection.prepareStatement("DELETE FROM board_records WHERE board_id = ?")) {
        delete.setString(1, boardId);
        assertEquals(1, delete.executeUpdate());
      }
    }
    assertEquals(0, await(store.lastRecordVersion(boardId)));
  }

  @Test
  void pingAnswers() throws Exception {
    await(store.ping());
  }

  private static String newBoard() throws Exception {
    String boardId = UUID.randomUUID().toString();
    await(store.createBoard(board(boardId)));
    return boardId;
  }

  private static NewBoard board(String boardId) {
    return new NewBoard(boardId, "Startgesprek groep 6", "nl", "start-of-year",
        List.of(new Access(sha256("facilitator-token"), "facilitator"),
            new Access(sha256("participant-token"), "participant"),
            new Access(sha256("viewer-token"), "viewer"),
            new Access(sha256("projector-token"), "projector")),
        initialState());
  }

  private static JsonObject initialState() {
    return new JsonObject().put("board", new JsonObject().put("title", "Startgesprek groep 6").put("phase", "prepare"))
        .put("entities", new JsonObject());
  }

  private static CommittedChange change(long rev, String clientId, long seq) {
    JsonArray ops = new JsonArray()
        .add(new JsonObject().put("type", "set").put("id", "board").put("field", "goal").put("value", "rev " + rev))
        .add(new JsonObject().put("type", "text").put("id", "item-1").put("field", "title")
            .put("edit", new JsonArray().add(3).add("ë€😀").add(-2)))
        .add(new JsonObject().put("type", "create").put("id", "item-" + rev).put("kind", "agendaItem")
            .put("fields", new JsonObject().put("order", "a0").put("late", false).putNull("owner")));
    // Whole milliseconds far from the epoch: timestamptz keeps microseconds, so these must come back exactly.
    return new CommittedChange(rev, clientId, seq, "participant-" + clientId, ops, 1_790_000_000_123L + rev);
  }

  private static JsonObject record(String goal) {
    return new JsonObject().put("format", 1).put("goal", goal)
        .put("actions", new JsonArray().add(new JsonObject().put("what", "bellen ë€😀").put("who", "Anna")));
  }

  private static List<Long> revs(List<CommittedChange> changes) {
    return changes.stream().map(CommittedChange::rev).toList();
  }

  private static int snapshotCount(String boardId) throws Exception {
    // The interface exposes only the newest snapshot; look at the table itself.
    try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
         PreparedStatement count = connection.prepareStatement(
             "SELECT count(*) FROM board_snapshots WHERE board_id = ?")) {
      count.setString(1, boardId);
      try (ResultSet result = count.executeQuery()) {
        result.next();
        return result.getInt(1);
      }
    }
  }

  private static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  private static Throwable failureOf(Future<?> future) throws Exception {
    ExecutionException thrown = assertThrows(ExecutionException.class, () -> await(future));
    return thrown.getCause();
  }

  static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
