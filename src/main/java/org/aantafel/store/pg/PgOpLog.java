package org.aantafel.store.pg;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import org.aantafel.store.BoardStore.ClientProgress;
import org.aantafel.store.BoardStore.CommittedChange;
import org.aantafel.store.BoardStore.Snapshot;
import org.aantafel.store.OpLog;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.aantafel.store.pg.PgRows.allRows;
import static org.aantafel.store.pg.PgRows.firstRow;
import static org.aantafel.store.pg.PgRows.millis;
import static org.aantafel.store.pg.PgRows.utc;
import static org.aantafel.store.pg.StoreFailures.guard;

/** {@link OpLog} on PostgreSQL: the tables {@code board_ops} and {@code board_snapshots}. */
final class PgOpLog implements OpLog {

  /** Enough to fall back on if the newest snapshot turns out unusable, without letting the table grow. */
  static final int SNAPSHOTS_KEPT = 3;

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

  private final Pool pool;

  PgOpLog(Pool pool) {
    this.pool = pool;
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
            row.getString(3), row.getJsonArray(4), millis(row.getOffsetDateTime(5))))));
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
        committedAt[i] = utc(change.committedAtMillis());
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
        upsertSnapshot(connection, boardId, snapshot)
            .compose(saved -> connection.preparedQuery(PRUNE_SNAPSHOTS)
                .execute(Tuple.of(boardId, SNAPSHOTS_KEPT - 1)))
            .mapEmpty()));
  }

  /**
   * Writes a snapshot through the caller's connection, so that it is part of the caller's transaction: a new board
   * and its first snapshot are stored together ({@link PgBoards#createBoard}).
   */
  Future<Void> upsertSnapshot(SqlClient connection, String boardId, Snapshot snapshot) {
    return connection.preparedQuery(UPSERT_SNAPSHOT)
        .execute(Tuple.of(boardId, snapshot.rev(), snapshot.state()))
        .mapEmpty();
  }
}
