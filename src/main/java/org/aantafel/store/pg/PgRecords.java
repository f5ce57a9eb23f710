package org.aantafel.store.pg;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.aantafel.store.BoardStore.RecordVersion;
import org.aantafel.store.RecordQuotaExceededException;
import org.aantafel.store.Records;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static org.aantafel.store.pg.PgRows.allRows;
import static org.aantafel.store.pg.PgRows.firstRow;
import static org.aantafel.store.pg.PgRows.millis;
import static org.aantafel.store.pg.PgRows.utc;
import static org.aantafel.store.pg.StoreFailures.guard;

/**
 * {@link Records} on PostgreSQL: the table {@code board_records}. Saving a record also marks its board closed, in the
 * same transaction through {@link PgBoards}.
 */
final class PgRecords implements Records {

  private static final String RECORD_BYTES_USED =
      "SELECT coalesce(sum(octet_length(record::text)), 0) FROM board_records WHERE board_id = $1";
  // Only when the board's stored versions leave room (its quota, $6): no row inserted means no room.
  private static final String INSERT_RECORD =
      "INSERT INTO board_records (board_id, version, closed_at, closed_by, record)"
          + " SELECT $1, $2, $3, $4, $5 WHERE (" + RECORD_BYTES_USED + ") + octet_length($5::jsonb::text) <= $6";
  private static final String RECORD_FITS =
      "SELECT (" + RECORD_BYTES_USED + ") + octet_length($2::jsonb::text) <= $3";
  private static final String RECORD_VERSIONS =
      "SELECT version, closed_at, closed_by FROM board_records WHERE board_id = $1 ORDER BY version";
  private static final String RECORD =
      "SELECT record FROM board_records WHERE board_id = $1 AND version = $2";
  private static final String LAST_RECORD_VERSION =
      "SELECT coalesce(max(version), 0) FROM board_records WHERE board_id = $1";

  private final Pool pool;
  private final PgBoards boards;

  PgRecords(Pool pool, PgBoards boards) {
    this.pool = pool;
    this.boards = boards;
  }

  @Override
  public Future<Void> saveRecord(String boardId, int version, long closedAtMillis, String closedBy,
                                 JsonObject record) {
    OffsetDateTime closedAt = utc(closedAtMillis);
    String action = "saveRecord " + boardId + " v" + version;
    // The board's row is locked first, so that two closes of one board cannot both find the same room; its
    // closed_at is set in the same transaction, so no stored close escapes retention.
    return guard(action, () -> pool.withTransaction(connection -> boards.lockRow(connection, boardId)
        .compose(locked -> connection.preparedQuery(INSERT_RECORD)
            .execute(Tuple.of(boardId, version, closedAt, closedBy, record, QUOTA_BYTES)))
        .compose(saved -> saved.rowCount() > 0 ? boards.markClosed(connection, boardId, closedAt)
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
        .map(rows -> allRows(rows, row -> new RecordVersion(row.getInteger(0), millis(row.getOffsetDateTime(1)),
            row.getString(2)))));
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
}
