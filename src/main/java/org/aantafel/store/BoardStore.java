package org.aantafel.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Optional;

/**
 * Everything the server keeps about boards, behind one interface so that the hub never sees SQL.
 * Every method is asynchronous and safe to call from any event loop.
 */
public interface BoardStore {

  /** Creates the board, its access tokens (hashes only) and its first snapshot at revision 0, in one transaction. */
  Future<Void> createBoard(NewBoard board);

  /** The grant a token hash gives on a board, or empty when the board or the token is unknown. */
  Future<Optional<String>> findGrant(String boardId, byte[] tokenSha256);

  /**
   * Replaces every link of the board but the facilitator's, in one transaction: the old tokens open nothing from then
   * on. Seats are not links and stay.
   */
  Future<Void> replaceLinks(String boardId, List<Access> access);

  /** Whether a board exists. */
  Future<Boolean> boardExists(String boardId);

  /** The newest snapshot of a board, or empty when the board does not exist. */
  Future<Optional<Snapshot>> latestSnapshot(String boardId);

  /** Committed changes with {@code afterRev < rev <= uptoRev}, in revision order. */
  Future<List<CommittedChange>> changesBetween(String boardId, long afterRev, long uptoRev);

  /**
   * Appends a group of changes of one board in one transaction. Fails as a whole when any revision or any
   * (clientId, seq) is already taken: that is how a stale writer is fenced.
   */
  default Future<Void> appendChanges(String boardId, List<CommittedChange> changes) {
    return appendChanges(java.util.Map.of(boardId, changes));
  }

  /**
   * Appends groups of changes of several boards in one transaction, so that one commit (one disk flush) serves many
   * boards at once. Fails as a whole like {@link #appendChanges(String, List)}.
   */
  Future<Void> appendChanges(java.util.Map<String, List<CommittedChange>> changesByBoard);

  /** The highest committed seq of a client on a board with its revision, or empty when that client never committed. */
  Future<Optional<ClientProgress>> lastCommitted(String boardId, String clientId);

  /** Stores a snapshot; older snapshots beyond the newest few may be pruned. */
  Future<Void> saveSnapshot(String boardId, Snapshot snapshot);

  /** Updates the name and role a seated participant gave; their seat stays as it is. */
  Future<Void> saveParticipant(String boardId, Participant participant);

  /**
   * Gives a new person a seat at the board: the participant with the hash of the seat secret the server issued them.
   * Fails when the participant id or the seat is already taken.
   */
  Future<Void> addSeat(String boardId, Participant participant, byte[] seatSha256);

  /** The participant a seat secret's hash belongs to on this board, or empty. */
  Future<Optional<Participant>> findSeat(String boardId, byte[] seatSha256);

  /** Every seated participant of the board, first seated first. */
  Future<List<Participant>> participants(String boardId);

  /**
   * Stores the final record of one close as the given version. Fails with {@link StoreConflictException} when that
   * version is already stored: a version is written once and never replaced.
   */
  Future<Void> saveRecord(String boardId, int version, long closedAtMillis, String closedBy, JsonObject record);

  /** Every stored record version of a board, oldest first, without the records themselves. */
  Future<List<RecordVersion>> records(String boardId);

  /** One stored record version (the same JSON value as saved; jsonb may reorder keys), or empty when unknown. */
  Future<Optional<JsonObject>> record(String boardId, int version);

  /** The newest stored record version of a board, or 0 when it was never closed. */
  Future<Integer> lastRecordVersion(String boardId);

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

  /** Grant of someone of another meeting of the same series: they may read the records and the series, nothing else. */
  String SERIES_READER = "series";

  /** A trivial round trip, for /health. */
  Future<Void> ping();

  Future<Void> close();

  /** The most addresses one board keeps: about everyone at a large table, not a mailing list. */
  int MAX_CONTACTS_PER_BOARD = 60;

  /**
   * Remembers (or replaces) the e-mail address a participant left on a board; never part of the board state.
   *
   * @return false when the board already holds {@link #MAX_CONTACTS_PER_BOARD} addresses of others (nothing stored)
   */
  Future<Boolean> saveContact(String boardId, String participantId, String email);

  /** Forgets the e-mail address a participant left on a board; nothing happens when there is none. */
  Future<Void> removeContact(String boardId, String participantId);

  /** Every address left on any board of the board's series, each once (ignoring case), sorted. */
  Future<List<String>> seriesEmails(String boardId);

  /**
   * Marks a closed board open again (its {@code closed_at} cleared), so that retention no longer counts it as
   * closed. Called before a reopen changes the phase: a failure then leaves the board closed, never open and due.
   */
  Future<Void> markReopened(String boardId);

  /**
   * Deletes a board and everything of it (access, op log, snapshots, participants, records) in one transaction.
   *
   * @param closedBefore null to delete whatever the board's state; otherwise only if it is closed and was closed
   *                     before this moment (retention), so a board reopened meanwhile is kept
   * @return what was removed, or empty when nothing was (unknown board, or not due)
   */
  Future<Optional<DeletedBoard>> deleteBoard(String boardId, java.time.Instant closedBefore);

  /** Closed boards whose {@code closed_at} is before the moment, oldest first, at most {@code limit}. */
  Future<List<ClosedBoard>> closedBefore(java.time.Instant moment, int limit);

  /**
   * @param seriesId the series the board joins, or null to start its own series (named by the board's id)
   * @param seriesSeq its place in the series, 1 for the first meeting
   */
  record NewBoard(String boardId, String title, String language, String template,
                  List<Access> access, JsonObject initialState, String seriesId, int seriesSeq) {

    public NewBoard(String boardId, String title, String language, String template,
                    List<Access> access, JsonObject initialState) {
      this(boardId, title, language, template, access, initialState, null, 1);
    }
  }

  record Access(byte[] tokenSha256, String grant) {}

  record Snapshot(long rev, JsonObject state) {}

  /** One committed revision: the ops as applied (after transformation), as a JSON array of op objects. */
  record CommittedChange(long rev, String clientId, long seq, String participantId,
                         io.vertx.core.json.JsonArray ops, long committedAtMillis) {}

  /** How far a client got, and whose it is: a clientId belongs to the participant that first committed with it. */
  record ClientProgress(long seq, long rev, String participantId) {}

  /** One meeting of a series; lastRecordVersion is 0 and lastClosedAtMillis null while it was never closed. */
  record SeriesMeeting(String boardId, String seriesId, int seq, String title, long createdAtMillis,
                       int lastRecordVersion, Long lastClosedAtMillis) {}

  record RecordVersion(int version, long closedAtMillis, String closedBy) {}

  record Participant(String participantId, String name, String role, String grant) {}

  /** What a deletion removed, counted for the log; never any content. closedAtMillis is null for an open board. */
  record DeletedBoard(int recordVersions, long ops, Long closedAtMillis) {}

  record ClosedBoard(String boardId, long closedAtMillis) {}
}
