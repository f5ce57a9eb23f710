package org.aantafel.store.pg;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import org.aantafel.store.BoardStore.Access;
import org.aantafel.store.BoardStore.ClosedBoard;
import org.aantafel.store.BoardStore.DeletedBoard;
import org.aantafel.store.BoardStore.NewBoard;
import org.aantafel.store.BoardStore.Participant;
import org.aantafel.store.BoardStore.SeriesMeeting;
import org.aantafel.store.BoardStore.Snapshot;
import org.aantafel.store.Boards;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static org.aantafel.store.pg.PgRows.allRows;
import static org.aantafel.store.pg.PgRows.firstRow;
import static org.aantafel.store.pg.PgRows.millis;
import static org.aantafel.store.pg.PgRows.nullableBytes;
import static org.aantafel.store.pg.PgRows.utc;
import static org.aantafel.store.pg.StoreFailures.guard;

/**
 * {@link Boards} on PostgreSQL: the tables {@code boards}, {@code board_access} and {@code participants}. Every other
 * table hangs off {@code boards} with ON DELETE CASCADE, so deleting a board's row is deleting all of it, in one
 * statement. A new board's first snapshot ({@link PgOpLog}) and a removed seat's address ({@link PgContacts}) are
 * written through this class's transaction.
 */
final class PgBoards implements Boards {

  private static final String INSERT_BOARD =
      "INSERT INTO boards (id, title, language, template, series_id, series_seq) VALUES ($1, $2, $3, $4, $5, $6)";
  private static final String DELETE_LINKS =
      "DELETE FROM board_access WHERE board_id = $1 AND \"grant\" <> 'facilitator'";
  private static final String INSERT_ACCESS =
      "INSERT INTO board_access (board_id, token_sha256, \"grant\") VALUES ($1, $2, $3)";
  private static final String FIND_GRANT =
      "SELECT \"grant\" FROM board_access WHERE board_id = $1 AND token_sha256 = $2";
  private static final String LINKS =
      "SELECT token_sha256, \"grant\" FROM board_access WHERE board_id = $1";
  private static final String BOARD_EXISTS = "SELECT 1 FROM boards WHERE id = $1";
  // A rejoin updates name and role but keeps when the participant first joined, and their seat.
  private static final String UPDATE_PARTICIPANT =
      "UPDATE participants SET name = $3, role = $4, \"grant\" = $5 WHERE board_id = $1 AND participant_id = $2";
  private static final String INSERT_SEAT =
      "INSERT INTO participants (board_id, participant_id, name, role, \"grant\", seat_sha256)"
          + " VALUES ($1, $2, $3, $4, $5, $6)";
  private static final String FIND_SEAT =
      "SELECT participant_id, name, role, \"grant\" FROM participants WHERE board_id = $1 AND seat_sha256 = $2"
          + " AND removed_at IS NULL";
  private static final String PARTICIPANTS =
      "SELECT participant_id, name, role, \"grant\" FROM participants WHERE board_id = $1 AND removed_at IS NULL"
          + " ORDER BY first_seen, participant_id";
  private static final String REMOVE_SEAT =
      "UPDATE participants SET removed_at = now(), seat_sha256 = NULL"
          + " WHERE board_id = $1 AND participant_id = $2 AND removed_at IS NULL";
  private static final String LOCK_BOARD = "SELECT 1 FROM boards WHERE id = $1 FOR UPDATE";
  private static final String MARK_CLOSED = "UPDATE boards SET closed_at = $2 WHERE id = $1";
  private static final String MARK_REOPENED = "UPDATE boards SET closed_at = NULL WHERE id = $1";
  // The cascade from boards removes every row of the board. The counts are read in the same statement, which sees
  // the rows as they were just before the delete; they are only ever logged, never the content.
  private static final String DELETE_BOARD =
      "WITH gone AS (DELETE FROM boards WHERE id = $1 AND ($2::timestamptz IS NULL OR closed_at < $2)"
          + " RETURNING closed_at)"
          + " SELECT (SELECT count(*) FROM board_records WHERE board_id = $1),"
          + " (SELECT count(*) FROM board_ops WHERE board_id = $1), gone.closed_at FROM gone";
  private static final String CLOSED_BEFORE =
      "SELECT id, closed_at FROM boards WHERE closed_at < $1 ORDER BY closed_at, id LIMIT $2";
  // Each meeting's last close is read from board_records in the same statement.
  private static final String SERIES =
      "SELECT b.id, b.series_id, b.series_seq, b.title, b.created_at, coalesce(max(r.version), 0), max(r.closed_at)"
          + " FROM boards b LEFT JOIN board_records r ON r.board_id = b.id"
          + " WHERE b.series_id = (SELECT series_id FROM boards WHERE id = $1)"
          + " GROUP BY b.id ORDER BY b.series_seq";
  // The token's own board first, so that its real grant wins over the series reader grant.
  // Any link of the board itself; of another meeting of the series only the facilitator's link or a seat.
  private static final String SERIES_GRANT =
      "SELECT board_id, g FROM ("
          + " SELECT a.board_id, a.\"grant\" AS g FROM board_access a JOIN boards b ON b.id = a.board_id"
          + "  WHERE a.token_sha256 = $2 AND b.series_id = (SELECT series_id FROM boards WHERE id = $1)"
          + "  AND (a.board_id = $1 OR a.\"grant\" = 'facilitator')"
          + " UNION ALL"
          + " SELECT p.board_id, 'seat' FROM participants p JOIN boards b ON b.id = p.board_id"
          + "  WHERE p.seat_sha256 = $3 AND b.series_id = (SELECT series_id FROM boards WHERE id = $1)"
          + ") found ORDER BY (board_id = $1 AND g <> 'seat') DESC LIMIT 1";

  private final Pool pool;
  private final PgOpLog opLog;
  private final PgContacts contacts;
  private final DiskPurge purge;

  /** @param purge what follows a deletion, so that it reaches the disk ({@link DiskPurge}) */
  PgBoards(Pool pool, PgOpLog opLog, PgContacts contacts, DiskPurge purge) {
    this.pool = pool;
    this.opLog = opLog;
    this.contacts = contacts;
    this.purge = purge;
  }

  @Override
  public Future<Void> createBoard(NewBoard board) {
    List<Tuple> access = accessRows(board.boardId(), board.access());
    return guard("createBoard " + board.boardId(), () -> pool.withTransaction(connection ->
        connection.preparedQuery(INSERT_BOARD)
            .execute(Tuple.of(board.boardId(), board.title(), board.language(), board.template(),
                board.seriesId() == null ? board.boardId() : board.seriesId(), board.seriesSeq()))
            .compose(inserted -> access.isEmpty() ? Future.succeededFuture()
                : connection.preparedQuery(INSERT_ACCESS).executeBatch(access))
            .compose(inserted -> opLog.upsertSnapshot(connection, board.boardId(),
                new Snapshot(0L, board.initialState())))));
  }

  @Override
  public Future<Void> replaceLinks(String boardId, List<Access> access) {
    List<Tuple> rows = accessRows(boardId, access);
    return guard("replaceLinks " + boardId, () -> pool.withTransaction(connection ->
        connection.preparedQuery(DELETE_LINKS).execute(Tuple.of(boardId))
            .compose(deleted -> connection.preparedQuery(INSERT_ACCESS).executeBatch(rows))
            .mapEmpty()));
  }

  private static List<Tuple> accessRows(String boardId, List<Access> access) {
    return access.stream().map(grant -> Tuple.of(boardId, Buffer.buffer(grant.tokenSha256()), grant.grant())).toList();
  }

  @Override
  public Future<Optional<String>> findGrant(String boardId, byte[] tokenSha256) {
    return guard("findGrant " + boardId, () -> pool.preparedQuery(FIND_GRANT)
        .execute(Tuple.of(boardId, Buffer.buffer(tokenSha256)))
        .map(rows -> firstRow(rows, row -> row.getString(0))));
  }

  @Override
  public Future<List<Access>> links(String boardId) {
    return guard("links " + boardId, () -> pool.preparedQuery(LINKS)
        .execute(Tuple.of(boardId))
        .map(rows -> allRows(rows, row -> new Access(row.getBuffer(0).getBytes(), row.getString(1)))));
  }

  @Override
  public Future<Boolean> boardExists(String boardId) {
    return guard("boardExists " + boardId, () -> pool.preparedQuery(BOARD_EXISTS)
        .execute(Tuple.of(boardId))
        .map(rows -> rows.size() > 0));
  }

  @Override
  public Future<Void> saveParticipant(String boardId, Participant participant) {
    return guard("saveParticipant " + boardId, () -> pool.preparedQuery(UPDATE_PARTICIPANT)
        .execute(Tuple.of(boardId, participant.participantId(), participant.name(), participant.role(),
            participant.grant()))
        .mapEmpty());
  }

  @Override
  public Future<Void> addSeat(String boardId, Participant participant, byte[] seatSha256) {
    return guard("addSeat " + boardId, () -> pool.preparedQuery(INSERT_SEAT)
        .execute(Tuple.of(boardId, participant.participantId(), participant.name(), participant.role(),
            participant.grant(), Buffer.buffer(seatSha256)))
        .mapEmpty());
  }

  @Override
  public Future<Optional<Participant>> findSeat(String boardId, byte[] seatSha256) {
    return guard("findSeat " + boardId, () -> pool.preparedQuery(FIND_SEAT)
        .execute(Tuple.of(boardId, Buffer.buffer(seatSha256)))
        .map(rows -> firstRow(rows,
            row -> new Participant(row.getString(0), row.getString(1), row.getString(2), row.getString(3)))));
  }

  @Override
  public Future<Boolean> removeSeat(String boardId, String participantId) {
    // The person's e-mail address goes with the seat, in the same transaction: nothing of the series reaches them.
    return guard("removeSeat " + boardId, () -> pool.withTransaction(connection ->
        connection.preparedQuery(REMOVE_SEAT).execute(Tuple.of(boardId, participantId))
            .compose(removed -> removed.rowCount() == 0 ? Future.succeededFuture(false)
                : contacts.remove(connection, boardId, participantId).map(true))));
  }

  @Override
  public Future<List<Participant>> participants(String boardId) {
    return guard("participants " + boardId, () -> pool.preparedQuery(PARTICIPANTS)
        .execute(Tuple.of(boardId))
        .map(rows -> allRows(rows,
            row -> new Participant(row.getString(0), row.getString(1), row.getString(2), row.getString(3)))));
  }

  @Override
  public Future<List<SeriesMeeting>> series(String boardId) {
    return guard("series " + boardId, () -> pool.preparedQuery(SERIES)
        .execute(Tuple.of(boardId))
        .map(rows -> allRows(rows, row -> new SeriesMeeting(row.getString(0), row.getString(1), row.getInteger(2),
            row.getString(3), millis(row.getOffsetDateTime(4)), row.getInteger(5),
            row.getOffsetDateTime(6) == null ? null : millis(row.getOffsetDateTime(6))))));
  }

  @Override
  public Future<Optional<String>> findSeriesGrant(String boardId, byte[] tokenSha256, byte[] seatSha256) {
    return guard("findSeriesGrant " + boardId, () -> pool.preparedQuery(SERIES_GRANT)
        .execute(Tuple.of(boardId, nullableBytes(tokenSha256), nullableBytes(seatSha256)))
        .map(rows -> firstRow(rows, row -> boardId.equals(row.getString(0)) && !"seat".equals(row.getString(1))
            ? row.getString(1) : SERIES_READER)));
  }

  /** Locks the board's row until the caller's transaction ends ({@link PgRecords#saveRecord}). */
  Future<Void> lockRow(SqlClient connection, String boardId) {
    return connection.preparedQuery(LOCK_BOARD).execute(Tuple.of(boardId)).mapEmpty();
  }

  /** Marks the board closed at that moment, in the caller's transaction: what retention counts from. */
  Future<Void> markClosed(SqlClient connection, String boardId, OffsetDateTime closedAt) {
    return connection.preparedQuery(MARK_CLOSED).execute(Tuple.of(boardId, closedAt)).mapEmpty();
  }

  @Override
  public Future<Void> markReopened(String boardId) {
    return guard("markReopened " + boardId, () -> pool.preparedQuery(MARK_REOPENED)
        .execute(Tuple.of(boardId))
        .mapEmpty());
  }

  @Override
  public Future<Optional<DeletedBoard>> deleteBoard(String boardId, Instant closedBefore) {
    return guard("deleteBoard " + boardId, () -> pool.preparedQuery(DELETE_BOARD)
        .execute(Tuple.of(boardId, closedBefore == null ? null : utc(closedBefore)))
        .map(rows -> firstRow(rows, row -> new DeletedBoard(row.getLong(0).intValue(), row.getLong(1),
            row.getOffsetDateTime(2) == null ? null : millis(row.getOffsetDateTime(2)))))
        .onSuccess(gone -> gone.ifPresent(deleted -> purge.soon())));
  }

  @Override
  public Future<List<ClosedBoard>> closedBefore(Instant moment, int limit) {
    return guard("closedBefore", () -> pool.preparedQuery(CLOSED_BEFORE)
        .execute(Tuple.of(utc(moment), limit))
        .map(rows -> allRows(rows, row -> new ClosedBoard(row.getString(0), millis(row.getOffsetDateTime(1))))));
  }
}
