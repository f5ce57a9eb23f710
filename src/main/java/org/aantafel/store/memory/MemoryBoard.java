package org.aantafel.store.memory;

import org.aantafel.store.BoardStore.Participant;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What {@link MemoryBoards} keeps of one board: its row of PostgreSQL's {@code boards} with its rows of
 * {@code board_access} and {@code participants}. Not thread-safe; only touched under the {@link StoreLock}. Byte-array
 * keys are kept as hex strings, which compare by content.
 */
final class MemoryBoard {
  final String id;
  final String title;
  final String seriesId;
  final int seriesSeq;
  final long createdAtMillis;
  /** Null while open, like boards.closed_at; set by {@link MemoryRecords} when a record is saved. */
  Long closedAtMillis;

  /** Token hash to grant. */
  final Map<String, String> access = new HashMap<>();
  /** Participant id to participant, first seated first. */
  final Map<String, Participant> participants = new LinkedHashMap<>();
  /** Participants whose seat the facilitator took back; their rows stay. */
  final Set<String> removed = new HashSet<>();
  /** Seat hash to participant id. */
  final Map<String, String> seats = new HashMap<>();

  MemoryBoard(String id, String title, String seriesId, int seriesSeq, long createdAtMillis) {
    this.id = id;
    this.title = title;
    this.seriesId = seriesId;
    this.seriesSeq = seriesSeq;
    this.createdAtMillis = createdAtMillis;
  }
}
