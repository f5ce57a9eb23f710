package org.aantafel.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.aantafel.store.BoardStore.Access;
import org.aantafel.store.BoardStore.ClientProgress;
import org.aantafel.store.BoardStore.ClosedBoard;
import org.aantafel.store.BoardStore.CommittedChange;
import org.aantafel.store.BoardStore.DeletedBoard;
import org.aantafel.store.BoardStore.NewBoard;
import org.aantafel.store.BoardStore.Participant;
import org.aantafel.store.BoardStore.Snapshot;
import org.aantafel.store.Contacts.Contact;
import org.aantafel.store.SendQuotas.Quota;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link BoardStore} driver must do, run against each of them ({@link PgBoardStoreTest},
 * {@link InMemoryStoreTest}), so that the in-memory store the hub tests use cannot drift from PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BoardStoreContractTest {

  protected Vertx vertx;
  protected BoardStore store;

  /** A store of this driver on no boards but the ones this class creates. */
  protected abstract BoardStore open(Vertx vertx) throws Exception;

  @BeforeAll
  void openStore() throws Exception {
    vertx = Vertx.vertx();
    store = open(vertx);
  }

  @AfterAll
  void closeStore() throws Exception {
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
  void theNewestSnapshotWins() throws Exception {
    String boardId = newBoard();
    for (long rev = 100; rev <= 500; rev += 100) {
      await(store.saveSnapshot(boardId, new Snapshot(rev, new JsonObject().put("board", new JsonObject()
          .put("title", "at " + rev)))));
    }

    Snapshot newest = await(store.latestSnapshot(boardId)).orElseThrow();

    assertEquals(500, newest.rev());
    assertEquals("at 500", newest.state().getJsonObject("board").getString("title"));
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
  void aSeatsParticipantIdIsTakenOnceAndANewBoardCannotTakeATakenPlaceOfASeries() throws Exception {
    String boardId = newBoard();
    await(store.addSeat(boardId, new Participant("p1", "Anna", "parent", "participant"), sha256("seat-1")));

    assertInstanceOf(StoreConflictException.class, failureOf(store.addSeat(boardId,
        new Participant("p1", "Bram", "teacher", "participant"), sha256("seat-2"))));
    String followUp = UUID.randomUUID().toString();
    await(store.createBoard(seriesBoard(followUp, boardId, 2)));
    assertInstanceOf(StoreConflictException.class,
        failureOf(store.createBoard(seriesBoard(UUID.randomUUID().toString(), boardId, 2))));
  }

  @Test
  void aRemovedSeatOpensNothingAndLeavesTheTableButTheOthersStay() throws Exception {
    String boardId = newBoard();
    await(store.addSeat(boardId, new Participant("p1", "Anna", "parent", "participant"), sha256("seat-1")));
    await(store.addSeat(boardId, new Participant("p2", "Bob", "teacher", "participant"), sha256("seat-2")));

    assertTrue(await(store.removeSeat(boardId, "p1")));
    assertFalse(await(store.removeSeat(boardId, "p1")), "a seat is removed once");
    assertFalse(await(store.removeSeat(boardId, "nobody")));

    assertEquals(Optional.empty(), await(store.findSeat(boardId, sha256("seat-1"))));
    assertEquals("p2", await(store.findSeat(boardId, sha256("seat-2"))).orElseThrow().participantId());
    assertEquals(List.of("p2"), await(store.participants(boardId)).stream().map(Participant::participantId).toList());
  }

  @Test
  void replacedLinksOpenNothingButTheFacilitatorsAndTheSeatsStay() throws Exception {
    String boardId = newBoard();
    await(store.addSeat(boardId, new Participant("p1", "Anna", "parent", "participant"), sha256("seat-1")));

    await(store.replaceLinks(boardId, List.of(new Access(sha256("new-viewer"), "viewer"))));

    assertEquals(Optional.of("facilitator"), await(store.findGrant(boardId, sha256("facilitator-token"))));
    assertEquals(Optional.of("viewer"), await(store.findGrant(boardId, sha256("new-viewer"))));
    assertEquals(Optional.empty(), await(store.findGrant(boardId, sha256("viewer-token"))));
    assertEquals(Optional.empty(), await(store.findGrant(boardId, sha256("participant-token"))));
    assertEquals("p1", await(store.findSeat(boardId, sha256("seat-1"))).orElseThrow().participantId());
    assertEquals(Set.of("facilitator:" + HexFormat.of().formatHex(sha256("facilitator-token")),
        "viewer:" + HexFormat.of().formatHex(sha256("new-viewer"))),
        await(store.links(boardId)).stream().map(a -> a.grant() + ":" + HexFormat.of().formatHex(a.tokenSha256()))
            .collect(java.util.stream.Collectors.toSet()), "the links as a hub loads them");
    assertEquals(List.of(), await(store.links("no-such-board")));
  }

  @Test
  void aSeriesReadsItsOwnLinksAnyGrantButAnotherMeetingsOnlyTheFacilitatorOrASeat() throws Exception {
    String first = newBoard();
    String followUp = UUID.randomUUID().toString();
    await(store.createBoard(new NewBoard(followUp, "Vervolg", "nl", "empty",
        List.of(new Access(sha256("follow-facilitator"), "facilitator"), new Access(sha256("follow-viewer"), "viewer")),
        initialState(), first, 2)));
    String unrelated = UUID.randomUUID().toString();
    await(store.createBoard(new NewBoard(unrelated, "Ander", "nl", "empty",
        List.of(new Access(sha256("other-facilitator"), "facilitator")), initialState())));
    await(store.addSeat(followUp, new Participant("p1", "Anna", "parent", "participant"), sha256("follow-seat")));

    assertEquals(Optional.of("viewer"), await(store.findSeriesGrant(first, sha256("viewer-token"), null)));
    assertEquals(Optional.of("facilitator"), await(store.findSeriesGrant(first, sha256("facilitator-token"), null)));
    assertEquals(Optional.of(BoardStore.SERIES_READER),
        await(store.findSeriesGrant(first, sha256("follow-facilitator"), null)));
    assertEquals(Optional.empty(), await(store.findSeriesGrant(first, sha256("follow-viewer"), null)));
    assertEquals(Optional.of(BoardStore.SERIES_READER),
        await(store.findSeriesGrant(first, null, sha256("follow-seat"))));
    assertEquals(Optional.of(BoardStore.SERIES_READER),
        await(store.findSeriesGrant(followUp, sha256("no-token"), sha256("follow-seat"))), "a seat at the board itself");
    assertEquals(Optional.of("viewer"),
        await(store.findSeriesGrant(followUp, sha256("follow-viewer"), sha256("follow-seat"))), "its own link wins");
    assertEquals(Optional.empty(), await(store.findSeriesGrant(first, sha256("other-facilitator"), null)));
    assertEquals(Optional.empty(), await(store.findSeriesGrant(unrelated, null, sha256("follow-seat"))));
    assertEquals(Optional.empty(), await(store.findSeriesGrant("no-such-board", sha256("facilitator-token"), null)));
  }

  @Test
  void aSeriesListsItsMeetingsInOrderWithTheirLastRecord() throws Exception {
    String first = newBoard();
    String followUp = UUID.randomUUID().toString();
    await(store.createBoard(seriesBoard(followUp, first, 2)));
    await(store.saveRecord(first, 1, 1_790_000_000_000L, "facilitator", record("one")));
    await(store.saveRecord(first, 2, 1_790_000_900_000L, "facilitator", record("two")));

    List<BoardStore.SeriesMeeting> series = await(store.series(followUp));

    assertEquals(List.of(first, followUp), series.stream().map(BoardStore.SeriesMeeting::boardId).toList());
    assertEquals(List.of(1, 2), series.stream().map(BoardStore.SeriesMeeting::seq).toList());
    assertEquals(first, series.get(1).seriesId());
    assertEquals(2, series.get(0).lastRecordVersion());
    assertEquals(1_790_000_900_000L, series.get(0).lastClosedAtMillis());
    assertEquals(0, series.get(1).lastRecordVersion());
    assertEquals(null, series.get(1).lastClosedAtMillis());
    assertEquals(List.of(), await(store.series("no-such-board")));
  }

  @Test
  void retentionDeletesOnlyBoardsClosedBeforeTheMomentAndNotReopenedOnes() throws Exception {
    String open = newBoard();
    String reopened = newBoard();
    String closedLater = newBoard();
    String closedEarly = newBoard();
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

  @Test
  void aWriteToAnUnknownBoardFailsAndStoresNothing() throws Exception {
    assertInstanceOf(StoreUnavailableException.class,
        failureOf(store.appendChanges("no-such-board", List.of(change(1, "c", 1)))));
    assertInstanceOf(StoreUnavailableException.class,
        failureOf(store.saveRecord("no-such-board", 1, 1_000L, "facilitator", record("x"))));
    assertEquals(List.of(), await(store.changesBetween("no-such-board", 0, 10)));
  }

  @Test
  void theWholeSeriesAndOnlyItHearsOfAMeeting() throws Exception {
    String first = newBoard();
    String followUp = UUID.randomUUID().toString();
    await(store.createBoard(seriesBoard(followUp, first, 2)));
    String unrelated = newBoard();
    saveConfirmed(first, "pAnnaAnnaAnnaAnn", "anna@family.test");
    saveConfirmed(first, "pBramBramBramBra", "bram@school.test");
    saveConfirmed(followUp, "pAnnaAgainAgainA", "Anna@Family.test");
    saveConfirmed(followUp, "pCeesCeesCeesCee", "cees@care.test");
    saveConfirmed(unrelated, "pDaanDaanDaanDaa", "daan@other.test");

    List<String> series = List.of("anna@family.test", "bram@school.test", "cees@care.test");
    assertEquals(series, lowerCase(await(store.seriesEmails(first))), "each person once, whatever the case");
    assertEquals(series, lowerCase(await(store.seriesEmails(followUp))));
    assertEquals(List.of("daan@other.test"), await(store.seriesEmails(unrelated)));
    assertEquals(List.of(), await(store.seriesEmails("no-such-board")));
  }

  @Test
  void aRemovedSeatTakesItsAddressAlongAndTheOthersKeepTheirs() throws Exception {
    String boardId = newBoard();
    await(store.addSeat(boardId, new Participant("pAnnaAnnaAnnaAnn", "Anna", "parent", "participant"), sha256("a")));
    await(store.addSeat(boardId, new Participant("pBramBramBramBra", "Bram", "parent", "participant"), sha256("b")));
    saveConfirmed(boardId, "pAnnaAnnaAnnaAnn", "anna@family.test");
    saveConfirmed(boardId, "pBramBramBramBra", "bram@family.test");

    assertTrue(await(store.removeSeat(boardId, "pAnnaAnnaAnnaAnn")));
    assertEquals(Optional.empty(), await(store.contact(boardId, "pAnnaAnnaAnnaAnn")));
    assertEquals(List.of("bram@family.test"), await(store.seriesEmails(boardId)),
      "nothing of the series reaches a removed person");
  }

  @Test
  void anAddressIsReplacedAndRemovedPerParticipant() throws Exception {
    String boardId = newBoard();
    saveConfirmed(boardId, "pAnnaAnnaAnnaAnn", "old@family.test");
    saveConfirmed(boardId, "pAnnaAnnaAnnaAnn", "new@family.test");
    assertEquals(List.of("new@family.test"), await(store.seriesEmails(boardId)));
    await(store.removeContact(boardId, "pAnnaAnnaAnnaAnn"));
    await(store.removeContact(boardId, "pAnnaAnnaAnnaAnn"));
    assertEquals(List.of(), await(store.seriesEmails(boardId)));
  }

  @Test
  void aFullBoardTakesNoNewAddressButLetsEveryoneReplaceTheirs() throws Exception {
    String boardId = newBoard();
    for (int i = 0; i < BoardStore.MAX_CONTACTS_PER_BOARD; i++) {
      assertTrue(saveConfirmed(boardId, "p" + i, "person" + i + "@family.test"));
    }

    assertFalse(saveConfirmed(boardId, "pOneTooMany", "late@family.test"));
    assertTrue(saveConfirmed(boardId, "p0", "changed@family.test"));
    assertEquals(BoardStore.MAX_CONTACTS_PER_BOARD, await(store.seriesEmails(boardId)).size());
    assertTrue(await(store.seriesEmails(boardId)).contains("changed@family.test"));
  }

  @Test
  void anAddressIsMailedOnlyOnceItsOwnerConfirmedItWithTheNewestSecret() throws Exception {
    String boardId = newBoard();
    Instant sent = Instant.parse("2026-12-01T10:00:00Z");
    assertTrue(await(store.saveContact(boardId, "pAnnaAnnaAnnaAnn", "anna@family.test", sha256("first"), sent)));
    assertEquals(Optional.of(new Contact("anna@family.test", false)), await(store.contact(boardId, "pAnnaAnnaAnnaAnn")));
    assertEquals(List.of(), await(store.seriesEmails(boardId)), "not confirmed: nobody mails it");

    assertTrue(await(store.saveContact(boardId, "pAnnaAnnaAnnaAnn", "anna@family.test", sha256("second"), sent)));
    assertFalse(await(store.confirmContact(sha256("first"), sent.minusSeconds(60))), "a replaced link");
    assertFalse(await(store.confirmContact(sha256("second"), sent)), "a link sent before the oldest one taken");
    assertTrue(await(store.confirmContact(sha256("second"), sent.minusSeconds(60))));
    assertFalse(await(store.confirmContact(sha256("second"), sent.minusSeconds(60))), "a link confirms once");
    assertEquals(Optional.of(new Contact("anna@family.test", true)), await(store.contact(boardId, "pAnnaAnnaAnnaAnn")));
    assertEquals(List.of("anna@family.test"), await(store.seriesEmails(boardId)));

    assertTrue(await(store.saveContact(boardId, "pAnnaAnnaAnnaAnn", "other@family.test", sha256("third"), sent)));
    assertEquals(List.of(), await(store.seriesEmails(boardId)), "a new address starts unconfirmed");
    assertEquals(Optional.empty(), await(store.contact(boardId, "pNobodyNobodyNob")));
    assertEquals(Optional.empty(), await(store.contact("no-such-board", "pAnnaAnnaAnnaAnn")));
  }

  @Test
  void quotasAreTakenAllOrNothingPerKeyAndPeriod() throws Exception {
    String key = "board:" + UUID.randomUUID();
    String server = "server:" + UUID.randomUUID();
    Instant today = Instant.parse("2026-12-07T00:00:00Z");
    Instant tomorrow = today.plusSeconds(86_400);
    Instant longAgo = Instant.parse("2000-01-01T00:00:00Z");
    assertEquals(-1, await(store.takeQuotas(List.of(new Quota(key, today, 2, 1), new Quota(server, today, 5, 3)),
        longAgo)));
    assertEquals(1, await(store.takeQuotas(List.of(new Quota(key, today, 2, 1), new Quota(server, today, 5, 3)),
        longAgo)), "the server's quota is full, so the board's is not counted either");
    assertEquals(-1, await(store.takeQuotas(List.of(new Quota(key, today, 2, 1), new Quota(server, today, 5, 2)),
        longAgo)));
    assertEquals(0, await(store.takeQuotas(List.of(new Quota(key, today, 2, 1)), longAgo)));
    assertEquals(-1, await(store.takeQuotas(List.of(new Quota(key, tomorrow, 2, 2)), longAgo)), "a new period");
    assertEquals(0, await(store.takeQuotas(List.of(new Quota(key, today, 99, 100)), longAgo)), "more than a limit");
    assertEquals(-1, await(store.takeQuotas(List.of(new Quota(key, today, 2, 1)), tomorrow)),
        "a past period's count is forgotten");
  }

  @Test
  void pingAnswers() throws Exception {
    await(store.ping());
  }

  /** An address as its owner leaves and confirms it. */
  private boolean saveConfirmed(String boardId, String participantId, String email) throws Exception {
    byte[] secret = sha256(UUID.randomUUID().toString());
    boolean saved = await(store.saveContact(boardId, participantId, email, secret, Instant.now()));
    if (saved) {
      assertTrue(await(store.confirmContact(secret, Instant.now().minusSeconds(3_600))));
    }
    return saved;
  }

  protected String newBoard() throws Exception {
    String boardId = UUID.randomUUID().toString();
    await(store.createBoard(board(boardId)));
    return boardId;
  }

  protected static NewBoard board(String boardId) {
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

  private static NewBoard seriesBoard(String boardId, String seriesId, int seq) {
    return new NewBoard(boardId, "Vervolg", "nl", "empty", List.of(), initialState(), seriesId, seq);
  }

  private static List<String> lowerCase(List<String> emails) {
    return emails.stream().map(email -> email.toLowerCase(Locale.ROOT)).toList();
  }

  protected static JsonObject record(String goal) {
    return new JsonObject().put("format", 1).put("goal", goal)
        .put("actions", new JsonArray().add(new JsonObject().put("what", "bellen ë€😀").put("who", "Anna")));
  }

  private static List<Long> revs(List<CommittedChange> changes) {
    return changes.stream().map(CommittedChange::rev).toList();
  }

  protected static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  protected static Throwable failureOf(Future<?> future) throws Exception {
    ExecutionException thrown = assertThrows(ExecutionException.class, () -> await(future));
    return thrown.getCause();
  }

  static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
