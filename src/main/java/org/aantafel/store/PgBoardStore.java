package org.aantafel.store;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * {@link BoardStore} on PostgreSQL through vertx-pg-client. Failures come out as {@link StoreConflictException}
 * (unique violation) or {@link StoreUnavailableException} (everything else).
 */
public final class PgBoardStore implements BoardStore {

  /** Enough to fall back on if the newest snapshot turns out unusable, without letting the table grow. */
  static final int SNAPSHOTS_KEPT = 3;

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
  private static final String LATEST_SNAPSHOT =
      "SELECT rev, state FROM board_snapshots WHERE board_id = $1 ORDER BY rev DESC LIMIT 1";
  // Saving the same revision twice (periodic snapshot, then close) is not a conflict: the state is the same.
  private static final String UPSERT_SNAPSHOT =
      "INSERT INTO board_snapshots (board_id, rev, state) VALUES ($1, $2, $3)"
          + " ON CONFLICT (board_id, rev) DO UPDATE SET state = EXCLUDED.state";
  private static final String PRUNE_SNAPSHOTS =
      "DELETE FROM board_snapshots WHERE board_id = $1 AND rev < ("
          + "SELECT rev FROM board_snapshots WHERE board_id = $1 ORDER BY rev DESC OFFSET $2 LIMIT 1)";
  private static final String CHANGES_BETWEEN =
      "SELECT rev, client_id, client_seq, participant_id, ops, committed_at FROM board_ops"
          + " WHERE board_id = $1 AND rev > $2 AND rev <= $3 ORDER BY rev";
  // One statement for a whole group: atomic on its own, one round trip instead of BEGIN, batch, COMMIT.
  private static final String INSERT_CHANGES =
      "INSERT INTO board_ops (board_id, rev, client_id, client_seq, participant_id, ops, committed_at)"
          + " SELECT b, r, c, s, p, o::jsonb, t"
          + " FROM unnest($1::text[], $2::bigint[], $3::text[], $4::bigint[], $5::text[], $6::text[],"
          + " $7::timestamptz[]) AS u(b, r, c, s, p, o, t)";
  private static final String LAST_COMMITTED =
      "SELECT client_seq, rev, participant_id FROM board_ops WHERE board_id = $1 AND client_id = $2"
          + " ORDER BY client_seq DESC LIMIT 1";
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
  private static final String RECORD_BYTES_USED =
      "SELECT coalesce(sum(octet_length(record::text)), 0) FROM board_records WHERE board_id = $1";
  // The person's e-mail address goes with the seat, in the same statement: nothing of the series reaches them after.
  private static final String REMOVE_SEAT =
      "WITH removed AS (UPDATE participants SET removed_at = now(), seat_sha256 = NULL"
          + " WHERE board_id = $1 AND participant_id = $2 AND removed_at IS NULL RETURNING board_id, participant_id),"
          + " forgotten AS (DELETE FROM participant_contacts c USING removed"
          + " WHERE c.board_id = removed.board_id AND c.participant_id = removed.participant_id)"
          + " SELECT count(*) FROM removed";
  // The board's closed_at is set in the same statement, so no stored close escapes retention.
  // Only when the board's stored versions leave room (its quota, $6): no row updated means no room. The board's row
  // is locked first (LOCK_BOARD) so that two closes of one board cannot both find the same room.
  private static final String INSERT_RECORD =
      "WITH saved AS (INSERT INTO board_records (board_id, version, closed_at, closed_by, record)"
          + " SELECT $1, $2, $3, $4, $5 WHERE (" + RECORD_BYTES_USED + ") + octet_length($5::jsonb::text) <= $6"
          + " RETURNING board_id, closed_at)"
          + " UPDATE boards SET closed_at = saved.closed_at FROM saved WHERE boards.id = saved.board_id";
  private static final String LOCK_BOARD = "SELECT 1 FROM boards WHERE id = $1 FOR UPDATE";
  private static final String RECORD_FITS =
      "SELECT (" + RECORD_BYTES_USED + ") + octet_length($2::jsonb::text) <= $3";
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

  private static final String RECORD_VERSIONS =
      "SELECT version, closed_at, closed_by FROM board_records WHERE board_id = $1 ORDER BY version";
  private static final String RECORD =
      "SELECT record FROM board_records WHERE board_id = $1 AND version = $2";
  private static final String LAST_RECORD_VERSION =
      "SELECT coalesce(max(version), 0) FROM board_records WHERE board_id = $1";
  // Replacing one's own address always works; a new one only while the board is under its limit. Either way it
  // starts unconfirmed.
  private static final String UPSERT_CONTACT =
      "INSERT INTO participant_contacts (board_id, participant_id, email, confirm_sha256, confirm_sent_at)"
          + " SELECT $1, $2, $3, $5, $6"
          + " WHERE (SELECT count(*) FROM participant_contacts WHERE board_id = $1 AND participant_id <> $2) < $4"
          + " ON CONFLICT (board_id, participant_id) DO UPDATE SET email = EXCLUDED.email, confirmed_at = NULL,"
          + " confirm_sha256 = EXCLUDED.confirm_sha256, confirm_sent_at = EXCLUDED.confirm_sent_at";
  private static final String CONTACT =
      "SELECT email, confirmed_at IS NOT NULL FROM participant_contacts WHERE board_id = $1 AND participant_id = $2";
  private static final String CONFIRM_CONTACT =
      "UPDATE participant_contacts SET confirmed_at = now(), confirm_sha256 = NULL"
          + " WHERE confirm_sha256 = $1 AND confirm_sent_at > $2";
  private static final String TAKE_QUOTA =
      "INSERT INTO mail_quota (key, period_start, used) SELECT $1, $2, $4::int WHERE $4::int <= $3::int"
          + " ON CONFLICT (key, period_start) DO UPDATE SET used = mail_quota.used + EXCLUDED.used"
          + " WHERE mail_quota.used + EXCLUDED.used <= $3::int";
  private static final String FORGET_QUOTAS = "DELETE FROM mail_quota WHERE period_start < $1";
  private static final String DELETE_CONTACT =
      "DELETE FROM participant_contacts WHERE board_id = $1 AND participant_id = $2";
  // One person who left the same address on several meetings of the series gets each mail once.
  private static final String SERIES_EMAILS =
      "SELECT min(c.email) FROM participant_contacts c JOIN boards b ON b.id = c.board_id"
          + " WHERE b.series_id = (SELECT series_id FROM boards WHERE id = $1) AND c.confirmed_at IS NOT NULL"
          + " GROUP BY lower(c.email) ORDER BY 1";

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
  private final Supplier<Future<Void>> afterClose;
  private final DiskPurge purge;

  /** @param afterClose runs once the pool is closed, e.g. to stop an embedded server; may be null */
  public PgBoardStore(Pool pool, Supplier<Future<Void>> afterClose) {
    this(pool, afterClose, DiskPurge.external(pool));
  }

  /** @param purge what follows a deletion, so that it reaches the disk ({@link DiskPurge}) */
  PgBoardStore(Pool pool, Supplier<Future<Void>> afterClose, DiskPurge purge) {
    this.pool = pool;
    this.afterClose = afterClose == null ? Future::succeededFuture : afterClose;
    this.purge = purge;
  }

  @Override
  public Future<Void> createBoard(NewBoard board) {
    List<Tuple> access = new ArrayList<>();
    for (Access grant : board.access()) {
      access.add(Tuple.of(board.boardId(), Buffer.buffer(grant.tokenSha256()), grant.grant()));
    }
    return guard("createBoard " + board.boardId(), () -> pool.withTransaction(connection ->
        connection.preparedQuery(INSERT_BOARD)
            .execute(Tuple.of(board.boardId(), board.title(), board.language(), board.template(),
                board.seriesId() == null ? board.boardId() : board.seriesId(), board.seriesSeq()))
            .compose(inserted -> access.isEmpty() ? Future.succeededFuture()
                : connection.preparedQuery(INSERT_ACCESS).executeBatch(access))
            .compose(inserted -> connection.preparedQuery(UPSERT_SNAPSHOT)
                .execute(Tuple.of(board.boardId(), 0L, board.initialState())))
            .mapEmpty()));
  }

  @Override
  public Future<Void> replaceLinks(String boardId, List<Access> access) {
    List<Tuple> rows = access.stream()
        .map(grant -> Tuple.of(boardId, Buffer.buffer(grant.tokenSha256()), grant.grant())).toList();
    return guard("replaceLinks " + boardId, () -> pool.withTransaction(connection ->
        connection.preparedQuery(DELETE_LINKS).execute(Tuple.of(boardId))
            .compose(deleted -> connection.preparedQuery(INSERT_ACCESS).executeBatch(rows))
            .mapEmpty()));
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
  public Future<Optional<Snapshot>> latestSnapshot(String boardId) {
    return guard("latestSnapshot " + boardId, () -> pool.preparedQuery(LATEST_SNAPSHOT)
        .execute(Tuple.of(boardId))
        .map(rows -> firstRow(rows, row -> new Snapshot(row.getLong(0), row.getJsonObject(1)))));
  }

  @Override
  public Future<List<CommittedChange>> changesBetween(String boardId, long afterRev, long uptoRev) {
    return guard("changesBetween " + boardId, () -> pool.preparedQuery(CHANGES_BETWEEN)
        .execute(Tuple.of(boardId, afterRev, uptoRev))
        .map(rows -> allRows(rows, row -> new CommittedChange(row.getLong(0), row.getString(1), row.getLong(2),
            row.getString(3), row.getJsonArray(4), row.getOffsetDateTime(5).toInstant().toEpochMilli()))));
  }

  @Override
  public Future<Void> appendChanges(Map<String, List<CommittedChange>> changesByBoard) {
    int n = changesByBoard.values().stream().mapToInt(List::size).sum();
    if (n == 0) {
      return Future.succeededFuture();
    }
    String[] boardIds = new String[n];
    Long[] revs = new Long[n];
    String[] clientIds = new String[n];
    Long[] seqs = new Long[n];
    String[] participantIds = new String[n];
    String[] ops = new String[n];
    OffsetDateTime[] committedAt = new OffsetDateTime[n];
    int i = 0;
    for (Map.Entry<String, List<CommittedChange>> board : changesByBoard.entrySet()) {
      for (CommittedChange change : board.getValue()) {
        boardIds[i] = board.getKey();
        revs[i] = change.rev();
        clientIds[i] = change.clientId();
        seqs[i] = change.seq();
        participantIds[i] = change.participantId();
        ops[i] = change.ops().encode();
        committedAt[i] = OffsetDateTime.ofInstant(Instant.ofEpochMilli(change.committedAtMillis()), ZoneOffset.UTC);
        i++;
      }
    }
    // One statement, so one transaction: a single taken revision or (clientId, seq) rolls back the whole group.
    // It replaces BEGIN + batch + COMMIT (three round trips, the connection idle in transaction in between).
    return guard("appendChanges " + changesByBoard.keySet(), () -> pool.preparedQuery(INSERT_CHANGES)
        .execute(Tuple.of(boardIds, revs, clientIds, seqs, participantIds, ops).addValue(committedAt))
        .mapEmpty());
  }

  @Override
  public Future<Optional<ClientProgress>> lastCommitted(String boardId, String clientId) {
    return guard("lastCommitted " + boardId, () -> pool.preparedQuery(LAST_COMMITTED)
        .execute(Tuple.of(boardId, clientId))
        .map(rows -> firstRow(rows, row -> new ClientProgress(row.getLong(0), row.getLong(1), row.getString(2)))));
  }

  @Override
  public Future<Void> saveSnapshot(String boardId, Snapshot snapshot) {
    return guard("saveSnapshot " + boardId, () -> pool.withTransaction(connection ->
        connection.preparedQuery(UPSERT_SNAPSHOT)
            .execute(Tuple.of(boardId, snapshot.rev(), snapshot.state()))
            .compose(saved -> connection.preparedQuery(PRUNE_SNAPSHOTS)
                .execute(Tuple.of(boardId, SNAPSHOTS_KEPT - 1)))
            .mapEmpty()));
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
    return guard("removeSeat " + boardId, () -> pool.preparedQuery(REMOVE_SEAT)
        .execute(Tuple.of(boardId, participantId))
        .map(rows -> rows.iterator().next().getLong(0) > 0));
  }

  @Override
  public Future<List<Participant>> participants(String boardId) {
    return guard("participants " + boardId, () -> pool.preparedQuery(PARTICIPANTS)
        .execute(Tuple.of(boardId))
        .map(rows -> allRows(rows,
            row -> new Participant(row.getString(0), row.getString(1), row.getString(2), row.getString(3)))));
  }

  @Override
  public Future<Void> saveRecord(String boardId, int version, long closedAtMillis, String closedBy,
                                 JsonObject record) {
    OffsetDateTime closedAt = OffsetDateTime.ofInstant(Instant.ofEpochMilli(closedAtMillis), ZoneOffset.UTC);
    String action = "saveRecord " + boardId + " v" + version;
    return guard(action, () -> pool.withTransaction(connection -> connection.preparedQuery(LOCK_BOARD)
        .execute(Tuple.of(boardId))
        .compose(locked -> connection.preparedQuery(INSERT_RECORD)
            .execute(Tuple.of(boardId, version, closedAt, closedBy, record, QUOTA_BYTES)))
        .compose(saved -> saved.rowCount() > 0 ? Future.<Void>succeededFuture()
            : Future.failedFuture(new RecordQuotaExceededException(action + ": over the board's quota")))));
  }

  @Override
  public Future<Boolean> recordFits(String boardId, JsonObject record) {
    return guard("recordFits " + boardId, () -> pool.preparedQuery(RECORD_FITS)
        .execute(Tuple.of(boardId, record, QUOTA_BYTES))
        .map(rows -> rows.iterator().next().getBoolean(0)));
  }

  @Override
  public Future<List<RecordVersion>> records(String boardId) {
    return guard("records " + boardId, () -> pool.preparedQuery(RECORD_VERSIONS)
        .execute(Tuple.of(boardId))
        .map(rows -> allRows(rows, row -> new RecordVersion(row.getInteger(0),
            row.getOffsetDateTime(1).toInstant().toEpochMilli(), row.getString(2)))));
  }

  @Override
  public Future<Optional<JsonObject>> record(String boardId, int version) {
    return guard("record " + boardId + " v" + version, () -> pool.preparedQuery(RECORD)
        .execute(Tuple.of(boardId, version))
        .map(rows -> firstRow(rows, row -> row.getJsonObject(0))));
  }

  @Override
  public Future<Integer> lastRecordVersion(String boardId) {
    return guard("lastRecordVersion " + boardId, () -> pool.preparedQuery(LAST_RECORD_VERSION)
        .execute(Tuple.of(boardId))
        .map(rows -> rows.iterator().next().getInteger(0)));
  }

  @Override
  public Future<List<SeriesMeeting>> series(String boardId) {
    return guard("series " + boardId, () -> pool.preparedQuery(SERIES)
        .execute(Tuple.of(boardId))
        .map(rows -> allRows(rows, row -> new SeriesMeeting(row.getString(0), row.getString(1), row.getInteger(2),
            row.getString(3), row.getOffsetDateTime(4).toInstant().toEpochMilli(), row.getInteger(5),
            row.getOffsetDateTime(6) == null ? null : row.getOffsetDateTime(6).toInstant().toEpochMilli()))));
  }

  @Override
  public Future<Optional<String>> findSeriesGrant(String boardId, byte[] tokenSha256, byte[] seatSha256) {
    return guard("findSeriesGrant " + boardId, () -> pool.preparedQuery(SERIES_GRANT)
        .execute(Tuple.of(boardId, nullableBytes(tokenSha256), nullableBytes(seatSha256)))
        .map(rows -> firstRow(rows, row -> boardId.equals(row.getString(0)) && !"seat".equals(row.getString(1))
            ? row.getString(1) : SERIES_READER)));
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
        .execute(Tuple.of(boardId, closedBefore == null ? null : utc(closedBefore.toEpochMilli())))
        .map(rows -> firstRow(rows, row -> new DeletedBoard(row.getLong(0).intValue(), row.getLong(1),
            row.getOffsetDateTime(2) == null ? null : row.getOffsetDateTime(2).toInstant().toEpochMilli())))
        .onSuccess(gone -> gone.ifPresent(deleted -> purge.soon())));
  }

  @Override
  public Future<List<ClosedBoard>> closedBefore(Instant moment, int limit) {
    return guard("closedBefore", () -> pool.preparedQuery(CLOSED_BEFORE)
        .execute(Tuple.of(utc(moment.toEpochMilli()), limit))
        .map(rows -> allRows(rows, row -> new ClosedBoard(row.getString(0),
            row.getOffsetDateTime(1).toInstant().toEpochMilli()))));
  }

  private static OffsetDateTime utc(long epochMillis) {
    return OffsetDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
  }

  @Override
  public Future<Void> ping() {
    return guard("ping", () -> pool.query("SELECT 1").execute().mapEmpty());
  }

  @Override
  public Future<Void> close() {
    return pool.close().eventually(afterClose::get);
  }

  @Override
  public Future<Optional<Contact>> contact(String boardId, String participantId) {
    return guard("contact " + boardId, () -> pool.preparedQuery(CONTACT)
        .execute(Tuple.of(boardId, participantId))
        .map(rows -> firstRow(rows, row -> new Contact(row.getString(0), row.getBoolean(1)))));
  }

  @Override
  public Future<Boolean> saveContact(String boardId, String participantId, String email, byte[] confirmationSha256,
                                     Instant sentAt) {
    return guard("saveContact " + boardId, () -> pool.preparedQuery(UPSERT_CONTACT)
        .execute(Tuple.of(boardId, participantId, email, MAX_CONTACTS_PER_BOARD, Buffer.buffer(confirmationSha256),
            OffsetDateTime.ofInstant(sentAt, ZoneOffset.UTC)))
        .map(rows -> rows.rowCount() > 0));
  }

  @Override
  public Future<Boolean> confirmContact(byte[] confirmationSha256, Instant sentAfter) {
    return guard("confirmContact", () -> pool.preparedQuery(CONFIRM_CONTACT)
        .execute(Tuple.of(Buffer.buffer(confirmationSha256), OffsetDateTime.ofInstant(sentAfter, ZoneOffset.UTC)))
        .map(rows -> rows.rowCount() > 0));
  }

  @Override
  public Future<Integer> takeQuotas(List<Quota> quotas, Instant forgetBefore) {
    // Taken in the order of their keys, so that two transactions never wait for each other's rows in a circle.
    List<Integer> order = IntStream.range(0, quotas.size()).boxed()
        .sorted(Comparator.comparing(i -> quotas.get(i).key())).toList();
    return guard("takeQuotas", () -> pool.withTransaction(connection -> {
      Future<Void> taken = connection.preparedQuery(FORGET_QUOTAS)
          .execute(Tuple.of(OffsetDateTime.ofInstant(forgetBefore, ZoneOffset.UTC))).mapEmpty();
      for (int index : order) {
        Quota quota = quotas.get(index);
        taken = taken.compose(v -> connection.preparedQuery(TAKE_QUOTA)
            .execute(Tuple.of(quota.key(), OffsetDateTime.ofInstant(quota.periodStart(), ZoneOffset.UTC),
                quota.limit(), quota.amount()))
            .compose(rows -> rows.rowCount() > 0 ? Future.<Void>succeededFuture()
                : Future.failedFuture(new QuotaFull(index))));
      }
      return taken.map(-1);
    }).recover(failure -> failure instanceof QuotaFull full ? Future.succeededFuture(full.index)
        : Future.failedFuture(failure)));
  }

  /** Ends the transaction of {@link #takeQuotas} with a rollback, naming the quota that was full. */
  private static final class QuotaFull extends RuntimeException {
    final int index;

    QuotaFull(int index) {
      super(null, null, false, false);
      this.index = index;
    }
  }

  @Override
  public Future<Void> removeContact(String boardId, String participantId) {
    return guard("removeContact " + boardId, () -> pool.preparedQuery(DELETE_CONTACT)
        .execute(Tuple.of(boardId, participantId))
        .mapEmpty());
  }

  @Override
  public Future<List<String>> seriesEmails(String boardId) {
    return guard("seriesEmails " + boardId, () -> pool.preparedQuery(SERIES_EMAILS)
        .execute(Tuple.of(boardId))
        .map(rows -> allRows(rows, row -> row.getString(0))));
  }

  /** Also catches what the driver throws instead of returning a failed future, so callers see only our two types. */
  private static <T> Future<T> guard(String action, Supplier<Future<T>> work) {
    Future<T> started;
    try {
      started = work.get();
    } catch (RuntimeException e) {
      started = Future.failedFuture(e);
    }
    return started.recover(failure -> StoreFailures.translate(action, failure));
  }

  private static <T> List<T> allRows(RowSet<Row> rows, Function<Row, T> read) {
    List<T> all = new ArrayList<>(rows.size());
    for (Row row : rows) {
      all.add(read.apply(row));
    }
    return all;
  }

  private static <T> Optional<T> firstRow(RowSet<Row> rows, Function<Row, T> read) {
    var iterator = rows.iterator();
    return iterator.hasNext() ? Optional.of(read.apply(iterator.next())) : Optional.empty();
  }

  private static Buffer nullableBytes(byte[] bytes) {
    return bytes == null ? null : Buffer.buffer(bytes);
  }
}
