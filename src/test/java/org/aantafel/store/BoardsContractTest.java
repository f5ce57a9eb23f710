package org.aantafel.store;

import org.aantafel.store.BoardStore.Access;
import org.aantafel.store.BoardStore.NewBoard;
import org.aantafel.store.BoardStore.Participant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.aantafel.store.StoreFixtures.await;
import static org.aantafel.store.StoreFixtures.board;
import static org.aantafel.store.StoreFixtures.failureOf;
import static org.aantafel.store.StoreFixtures.initialState;
import static org.aantafel.store.StoreFixtures.newBoard;
import static org.aantafel.store.StoreFixtures.record;
import static org.aantafel.store.StoreFixtures.seriesBoard;
import static org.aantafel.store.StoreFixtures.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link Boards} driver must do: links, seats, series and who may read them. */
class BoardsContractTest {

  @ParameterizedTest
  @ArgumentsSource(StoreDrivers.class)
  void aTokenGivesItsGrantAndNothingElseDoes(BoardStore store) throws Exception {
    String boardId = newBoard(store);

    assertEquals(Optional.of("facilitator"), await(store.findGrant(boardId, sha256("facilitator-token"))));
    assertEquals(Optional.of("viewer"), await(store.findGrant(boardId, sha256("viewer-token"))));
    assertEquals(Optional.empty(), await(store.findGrant(boardId, sha256("wrong-token"))));
    assertEquals(Optional.empty(), await(store.findGrant("no-such-board", sha256("facilitator-token"))));
    assertTrue(await(store.boardExists(boardId)));
    assertFalse(await(store.boardExists("no-such-board")));
  }

  @ParameterizedTest
  @ArgumentsSource(StoreDrivers.class)
  void creatingABoardTwiceIsAConflict(BoardStore store) throws Exception {
    String boardId = newBoard(store);

    Throwable failure = failureOf(store.createBoard(board(boardId)));

    assertInstanceOf(StoreConflictException.class, failure);
  }

  @ParameterizedTest
  @ArgumentsSource(StoreDrivers.class)
  void aRejoiningParticipantIsUpdatedNotDuplicated(BoardStore store) throws Exception {
    String boardId = newBoard(store);
    await(store.addSeat(boardId, new Participant("p1", "Anna", "ouder", "participant"), AccessTokens.hash("seat-1")));
    await(store.addSeat(boardId, new Participant("p2", "Bram", "leerkracht", "facilitator"), AccessTokens.hash("seat-2")));
    await(store.saveParticipant(boardId, new Participant("p1", "Anna de Vries", "ouder", "participant")));

    assertEquals(List.of(new Participant("p1", "Anna de Vries", "ouder", "participant"),
            new Participant("p2", "Bram", "leerkracht", "facilitator")),
        await(store.participants(boardId)));
    assertEquals(List.of(), await(store.participants("no-such-board")));
  }

  @ParameterizedTest
  @ArgumentsSource(StoreDrivers.class)
  void aSeatIsFoundOnlyByItsOwnSecretOnItsOwnBoard(BoardStore store) throws Exception {
    String boardId = newBoard(store);
    String other = newBoard(store);
    Participant anna = new Participant("p1", "Anna", "parent", "participant");
    await(store.addSeat(boardId, anna, AccessTokens.hash("anna-seat")));

    assertEquals(Optional.of(anna), await(store.findSeat(boardId, AccessTokens.hash("anna-seat"))));
    assertEquals(Optional.empty(), await(store.findSeat(boardId, AccessTokens.hash("guessed-seat"))));
    assertEquals(Optional.empty(), await(store.findSeat(other, AccessTokens.hash("anna-seat"))));
    assertInstanceOf(StoreConflictException.class, failureOf(store.addSeat(boardId,
        new Participant("p2", "Bram", "teacher", "participant"), AccessTokens.hash("anna-seat"))));
  }

  @ParameterizedTest
  @ArgumentsSource(StoreDrivers.class)
  void aSeatsParticipantIdIsTakenOnceAndANewBoardCannotTakeATakenPlaceOfASeries(BoardStore store) throws Exception {
    String boardId = newBoard(store);
    await(store.addSeat(boardId, new Participant("p1", "Anna", "parent", "participant"), sha256("seat-1")));

    assertInstanceOf(StoreConflictException.class, failureOf(store.addSeat(boardId,
        new Participant("p1", "Bram", "teacher", "participant"), sha256("seat-2"))));
    String followUp = UUID.randomUUID().toString();
    await(store.createBoard(seriesBoard(followUp, boardId, 2)));
    assertInstanceOf(StoreConflictException.class,
        failureOf(store.createBoard(seriesBoard(UUID.randomUUID().toString(), boardId, 2))));
  }

  @ParameterizedTest
  @ArgumentsSource(StoreDrivers.class)
  void aRemovedSeatOpensNothingAndLeavesTheTableButTheOthersStay(BoardStore store) throws Exception {
    String boardId = newBoard(store);
    await(store.addSeat(boardId, new Participant("p1", "Anna", "parent", "participant"), sha256("seat-1")));
    await(store.addSeat(boardId, new Participant("p2", "Bob", "teacher", "participant"), sha256("seat-2")));

    assertTrue(await(store.removeSeat(boardId, "p1")));
    assertFalse(await(store.removeSeat(boardId, "p1")), "a seat is removed once");
    assertFalse(await(store.removeSeat(boardId, "nobody")));

    assertEquals(Optional.empty(), await(store.findSeat(boardId, sha256("seat-1"))));
    assertEquals("p2", await(store.findSeat(boardId, sha256("seat-2"))).orElseThrow().participantId());
    assertEquals(List.of("p2"), await(store.participants(boardId)).stream().map(Participant::participantId).toList());
  }

  @ParameterizedTest
  @ArgumentsSource(StoreDrivers.class)
  void replacedLinksOpenNothingButTheFacilitatorsAndTheSeatsStay(BoardStore store) throws Exception {
    String boardId = newBoard(store);
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

  @ParameterizedTest
  @ArgumentsSource(StoreDrivers.class)
  void aSeriesReadsItsOwnLinksAnyGrantButAnotherMeetingsOnlyTheFacilitatorOrASeat(BoardStore store) throws Exception {
    String first = newBoard(store);
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

  @ParameterizedTest
  @ArgumentsSource(StoreDrivers.class)
  void aSeriesListsItsMeetingsInOrderWithTheirLastRecord(BoardStore store) throws Exception {
    String first = newBoard(store);
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
}
