package org.aantafel.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.aantafel.store.BoardStore.RecordVersion;

import java.util.List;
import java.util.Optional;

/** The final records of a board's closes: each version written once and never replaced. */
public interface Records {

  /**
   * What the record versions of one board may hold together, in bytes of their stored JSON text (as each driver
   * writes it). A record may hold 256 KiB ({@code RecordLimits}) and a real one holds 10-40 kB, so this is sixteen
   * of the largest or a hundred real ones: reopening and closing a meeting cannot fill the disk.
   */
  long QUOTA_BYTES = 4L * 1024 * 1024;

  /**
   * Stores the final record of one close as the given version, and marks the board closed at that moment (what
   * retention counts from). Fails with {@link StoreConflictException} when that version is already stored, and with
   * {@link RecordQuotaExceededException} when the board's stored versions and this one would hold more than
   * {@link #QUOTA_BYTES}; either way nothing is stored.
   */
  Future<Void> saveRecord(String boardId, int version, long closedAtMillis, String closedBy, JsonObject record);

  /** Whether {@link #saveRecord} would find room for this record under the board's quota now, measured as it does. */
  Future<Boolean> recordFits(String boardId, JsonObject record);

  /** Every stored record version of a board, oldest first, without the records themselves. */
  Future<List<RecordVersion>> records(String boardId);

  /** One stored record version (the same JSON value as saved; jsonb may reorder keys), or empty when unknown. */
  Future<Optional<JsonObject>> record(String boardId, int version);

  /** The newest stored record version of a board, or 0 when it was never closed. */
  Future<Integer> lastRecordVersion(String boardId);
}
