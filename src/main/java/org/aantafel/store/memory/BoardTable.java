package org.aantafel.store.memory;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The boards themselves, one {@link MemoryBoard} each: {@link MemoryBoards}' table. The other parts read it where
 * PostgreSQL's foreign keys and joins read {@code boards}: whether a board exists, which boards share its series,
 * and (for {@link MemoryRecords}) when it closed. Not thread-safe; only touched under the {@link StoreLock}.
 */
final class BoardTable {
  private final Map<String, MemoryBoard> boards = new HashMap<>();

  Optional<MemoryBoard> find(String boardId) {
    return Optional.ofNullable(boards.get(boardId));
  }

  /** The board a write needs; PostgreSQL's foreign keys refuse a row of an unknown board the same way. */
  MemoryBoard existing(String boardId, String action) {
    return find(boardId).orElseThrow(() -> StoreLock.noSuchBoard(action, boardId));
  }

  boolean contains(String boardId) {
    return boards.containsKey(boardId);
  }

  Stream<MemoryBoard> all() {
    return boards.values().stream();
  }

  Stream<MemoryBoard> series(String seriesId) {
    return all().filter(board -> board.seriesId.equals(seriesId));
  }

  void add(MemoryBoard board) {
    boards.put(board.id, board);
  }

  void remove(String boardId) {
    boards.remove(boardId);
  }
}
