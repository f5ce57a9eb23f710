package org.aantafel.store.memory;

import io.vertx.core.json.JsonObject;
import org.aantafel.store.BoardStore.CommittedChange;
import org.aantafel.store.BoardStore.Participant;
import org.aantafel.store.BoardStore.RecordVersion;
import org.aantafel.store.BoardStore.Snapshot;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything {@link InMemoryStore} keeps of one board: the rows PostgreSQL keeps under its board_id, so that deleting
 * the board is dropping this object. Not thread-safe; only touched under the store's lock. Byte-array keys are kept
 * as hex strings, which compare by content.
 */
final class MemoryBoard {
  final String id;
  final String title;
  final String seriesId;
  final int seriesSeq;
  final long createdAtMillis;
  /** Null while open, like boards.closed_at. */
  Long closedAtMillis;

  /** Token hash to grant. */
  final Map<String, String> access = new HashMap<>();
  /** Only the newest: the interface never reads an older one. */
  Snapshot snapshot;
  /** Revision to change: the key fences a second writer of a revision. */
  final TreeMap<Long, CommittedChange> ops = new TreeMap<>();
  /** Client id to its committed seqs and their changes: fences a resent (client id, seq). */
  final Map<String, TreeMap<Long, CommittedChange>> opsByClient = new HashMap<>();
  /** Participant id to participant, first seated first. */
  final Map<String, Participant> participants = new LinkedHashMap<>();
  /** Participants whose seat the facilitator took back; their rows stay. */
  final java.util.Set<String> removed = new java.util.HashSet<>();
  /** Seat hash to participant id. */
  final Map<String, String> seats = new HashMap<>();
  final TreeMap<Integer, StoredRecord> records = new TreeMap<>();
  /** Participant id to address, in the order they were first left. */
  final Map<String, StoredContact> contacts = new LinkedHashMap<>();

  MemoryBoard(String id, String title, String seriesId, int seriesSeq, long createdAtMillis) {
    this.id = id;
    this.title = title;
    this.seriesId = seriesId;
    this.seriesSeq = seriesSeq;
    this.createdAtMillis = createdAtMillis;
  }

  boolean taken(CommittedChange change) {
    return ops.containsKey(change.rev())
        || opsByClient.getOrDefault(change.clientId(), new TreeMap<>()).containsKey(change.seq());
  }

  void append(CommittedChange change) {
    ops.put(change.rev(), change);
    opsByClient.computeIfAbsent(change.clientId(), client -> new TreeMap<>()).put(change.seq(), change);
  }

  int lastRecordVersion() {
    return records.isEmpty() ? 0 : records.lastKey();
  }

  record StoredRecord(RecordVersion version, JsonObject record) {}

  /** @param confirmationHex hex of the confirmation secret's SHA-256, null once confirmed */
  record StoredContact(String email, String confirmationHex, long sentAtMillis, boolean confirmed) {}
}
