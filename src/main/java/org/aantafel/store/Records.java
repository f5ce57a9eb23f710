package org.aantafel.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.aantafel.store.BoardStore.RecordVersion;

import java.util.List;
import java.util.Optional;

/** The final records of a board's closes: each version written once and never replaced. */
public interface Records {

  /**
   * Stores the final record of one close as the given version, and marks the board closed at that moment (what
   * retention counts from). Fails with {@link StoreConflictException} when that version is already stored.
   */
  Future<Void> saveRecord(String boardId, int version, long closedAtMillis, String closedBy, JsonObject record);

  /** Every stored record version of a board, oldest first, without the records themselves. */
  Future<List<RecordVersion>> records(String boardId);

  /** One stored record version (the same JSON value as saved; jsonb may reorder keys), or empty when unknown. */
  Future<Optional<JsonObject>> record(String boardId, int version);

  /** The newest stored record version of a board, or 0 when it was never closed. */
  Future<Integer> lastRecordVersion(String boardId);
}
