package org.aantafel.store.memory;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.aantafel.store.BoardStore.RecordVersion;
import org.aantafel.store.RecordQuotaExceededException;
import org.aantafel.store.Records;
import org.aantafel.store.StoreUnavailableException;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.aantafel.store.memory.StoreLock.conflict;

/**
 * {@link Records} in memory: each board's record versions, dropped with the board. Saving one marks its board closed
 * in the {@link BoardTable}, under the same lock, as PostgreSQL does in the same transaction.
 */
final class MemoryRecords implements Records {
  private final StoreLock lock;
  private final BoardTable boards;
  private final Map<String, TreeMap<Integer, StoredRecord>> shelves = new HashMap<>();

  private record StoredRecord(RecordVersion version, JsonObject record) {}

  MemoryRecords(StoreLock lock, BoardTable boards) {
    this.lock = lock;
    this.boards = boards;
  }

  @Override
  public Future<Void> saveRecord(String boardId, int version, long closedAtMillis, String closedBy,
                                 JsonObject record) {
    return lock.atomically(() -> {
      MemoryBoard board = boards.existing(boardId, "saveRecord");
      if (version < 1) {
        throw new StoreUnavailableException("saveRecord " + boardId + ": version " + version + " is below 1", null);
      }
      TreeMap<Integer, StoredRecord> shelf = shelf(boardId);
      if (shelf.containsKey(version)) {
        throw conflict("saveRecord " + boardId + " v" + version + ": that version is stored");
      }
      if (!fits(shelf, record)) {
        throw new RecordQuotaExceededException("saveRecord " + boardId + " v" + version + ": over the board's quota");
      }
      shelves.computeIfAbsent(boardId, id -> new TreeMap<>())
          .put(version, new StoredRecord(new RecordVersion(version, closedAtMillis, closedBy), record.copy()));
      board.closedAtMillis = closedAtMillis;
      return null;
    });
  }

  @Override
  public Future<Boolean> recordFits(String boardId, JsonObject record) {
    return lock.atomically(() -> !boards.contains(boardId) || fits(shelf(boardId), record));
  }

  /** Measured as the encoded JSON text, like PostgreSQL's octet_length(record::text). */
  private static boolean fits(TreeMap<Integer, StoredRecord> shelf, JsonObject record) {
    long used = shelf.values().stream().mapToLong(stored -> textBytes(stored.record())).sum();
    return used + textBytes(record) <= QUOTA_BYTES;
  }

  private static long textBytes(JsonObject json) {
    return json.encode().getBytes(StandardCharsets.UTF_8).length;
  }

  @Override
  public Future<List<RecordVersion>> records(String boardId) {
    return lock.atomically(() -> shelf(boardId).values().stream().map(StoredRecord::version).toList());
  }

  @Override
  public Future<Optional<JsonObject>> record(String boardId, int version) {
    return lock.atomically(() -> Optional.ofNullable(shelf(boardId).get(version))
        .map(stored -> stored.record().copy()));
  }

  @Override
  public Future<Integer> lastRecordVersion(String boardId) {
    return lock.atomically(() -> lastVersion(boardId));
  }

  /** The newest version, or 0; under the lock of the caller ({@link MemoryBoards#series}). */
  int lastVersion(String boardId) {
    TreeMap<Integer, StoredRecord> shelf = shelf(boardId);
    return shelf.isEmpty() ? 0 : shelf.lastKey();
  }

  /** When the board last closed with a record, or null; under the lock of the caller. */
  Long lastClosedAt(String boardId) {
    return shelf(boardId).values().stream().map(stored -> stored.version().closedAtMillis())
        .max(Long::compare).orElse(null);
  }

  /** Drops a deleted board's versions, under the lock of {@link MemoryBoards#deleteBoard}; returns how many. */
  int forget(String boardId) {
    TreeMap<Integer, StoredRecord> gone = shelves.remove(boardId);
    return gone == null ? 0 : gone.size();
  }

  private TreeMap<Integer, StoredRecord> shelf(String boardId) {
    return shelves.getOrDefault(boardId, new TreeMap<>());
  }
}
