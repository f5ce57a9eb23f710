package org.aantafel.store.pg;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import org.aantafel.store.Contacts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.aantafel.store.pg.PgRows.allRows;
import static org.aantafel.store.pg.PgRows.firstRow;
import static org.aantafel.store.pg.PgRows.utc;
import static org.aantafel.store.pg.StoreFailures.guard;

/**
 * {@link Contacts} on PostgreSQL: the table {@code participant_contacts}. It reads {@code boards} only to find a
 * board's series.
 */
final class PgContacts implements Contacts {

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
  private static final String DELETE_CONTACT =
      "DELETE FROM participant_contacts WHERE board_id = $1 AND participant_id = $2";
  // One person who left the same address on several meetings of the series gets each mail once.
  private static final String SERIES_EMAILS =
      "SELECT min(c.email) FROM participant_contacts c JOIN boards b ON b.id = c.board_id"
          + " WHERE b.series_id = (SELECT series_id FROM boards WHERE id = $1) AND c.confirmed_at IS NOT NULL"
          + " GROUP BY lower(c.email) ORDER BY 1";

  private final Pool pool;

  PgContacts(Pool pool) {
    this.pool = pool;
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
            utc(sentAt)))
        .map(rows -> rows.rowCount() > 0));
  }

  @Override
  public Future<Boolean> confirmContact(byte[] confirmationSha256, Instant sentAfter) {
    return guard("confirmContact", () -> pool.preparedQuery(CONFIRM_CONTACT)
        .execute(Tuple.of(Buffer.buffer(confirmationSha256), utc(sentAfter)))
        .map(rows -> rows.rowCount() > 0));
  }

  @Override
  public Future<Void> removeContact(String boardId, String participantId) {
    return guard("removeContact " + boardId, () -> remove(pool, boardId, participantId));
  }

  /**
   * Forgets a participant's address through the caller's connection, so that it is part of the caller's
   * transaction: a removed seat takes its address along ({@link PgBoards#removeSeat}).
   */
  Future<Void> remove(SqlClient connection, String boardId, String participantId) {
    return connection.preparedQuery(DELETE_CONTACT).execute(Tuple.of(boardId, participantId)).mapEmpty();
  }

  @Override
  public Future<List<String>> seriesEmails(String boardId) {
    return guard("seriesEmails " + boardId, () -> pool.preparedQuery(SERIES_EMAILS)
        .execute(Tuple.of(boardId))
        .map(rows -> allRows(rows, row -> row.getString(0))));
  }
}
