package org.aantafel.store;

import io.vertx.core.Future;
import org.aantafel.store.BoardStore.Access;
import org.aantafel.store.BoardStore.ClosedBoard;
import org.aantafel.store.BoardStore.DeletedBoard;
import org.aantafel.store.BoardStore.NewBoard;
import org.aantafel.store.BoardStore.Participant;
import org.aantafel.store.BoardStore.SeriesMeeting;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Boards and who may open them: links (token hashes), seats, the series a board belongs to, and its end. */
public interface Boards {

  /** Grant of someone of another meeting of the same series: they may read the records and the series, nothing else. */
  String SERIES_READER = "series";

  /**
   * Creates the board, its access tokens (hashes only) and its first snapshot at revision 0, in one transaction.
   * Fails with {@link StoreConflictException} when the board id or its place in the series is taken.
   */
  Future<Void> createBoard(NewBoard board);

  /** The grant a token hash gives on a board, or empty when the board or the token is unknown. */
  Future<Optional<String>> findGrant(String boardId, byte[] tokenSha256);

  /**
   * Replaces every link of the board but the facilitator's, in one transaction: the old tokens open nothing from then
   * on. Seats are not links and stay.
   */
  Future<Void> replaceLinks(String boardId, List<Access> access);

  /** Every link of the board (token hash and grant), so that its hub can check each message without a look-up. */
  Future<List<Access>> links(String boardId);

  /** Whether a board exists. */
  Future<Boolean> boardExists(String boardId);

  /** Updates the name and role a seated participant gave; their seat stays as it is. */
  Future<Void> saveParticipant(String boardId, Participant participant);

  /**
   * Gives a new person a seat at the board: the participant with the hash of the seat secret the server issued them.
   * Fails with {@link StoreConflictException} when the participant id or the seat is already taken on that board.
   */
  Future<Void> addSeat(String boardId, Participant participant, byte[] seatSha256);

  /** The participant a seat secret's hash belongs to on this board, or empty. */
  Future<Optional<Participant>> findSeat(String boardId, byte[] seatSha256);

  /**
   * Takes a seat back: its secret opens nothing from then on and the person is no longer among {@link #participants};
   * the row stays (what they wrote stays attributed to their name).
   *
   * @return whether a seat was held and is now removed
   */
  Future<Boolean> removeSeat(String boardId, String participantId);

  /** Every seated participant of the board, first seated first; a removed seat is not among them. */
  Future<List<Participant>> participants(String boardId);

  /** The meetings of the series a board belongs to, first meeting first; empty when the board is unknown. */
  Future<List<SeriesMeeting>> series(String boardId);

  /**
   * What a token or seat may read of a board through its series: the token's own grant on that board, or
   * {@link #SERIES_READER} for a facilitator's token of another board of the series or a seat at any board of the
   * series; empty otherwise (a viewer's or projector's link of another meeting reads nothing here).
   *
   * @param seatSha256 the hash of the reader's seat, or null
   */
  Future<Optional<String>> findSeriesGrant(String boardId, byte[] tokenSha256, byte[] seatSha256);

  /**
   * Marks a closed board open again (its {@code closed_at} cleared), so that retention no longer counts it as
   * closed. Called before a reopen changes the phase: a failure then leaves the board closed, never open and due.
   */
  Future<Void> markReopened(String boardId);

  /**
   * Deletes a board and everything of it (access, op log, snapshots, participants, records, contacts) in one
   * transaction.
   *
   * @param closedBefore null to delete whatever the board's state; otherwise only if it is closed and was closed
   *                     before this moment (retention), so a board reopened meanwhile is kept
   * @return what was removed, or empty when nothing was (unknown board, or not due)
   */
  Future<Optional<DeletedBoard>> deleteBoard(String boardId, Instant closedBefore);

  /** Closed boards whose {@code closed_at} is before the moment, oldest first (then by id), at most {@code limit}. */
  Future<List<ClosedBoard>> closedBefore(Instant moment, int limit);
}
