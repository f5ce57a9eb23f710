package org.aantafel.store.memory;

import io.vertx.core.Future;
import org.aantafel.store.Contacts;

import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@link Contacts} in memory: each board's addresses, dropped with the board or with a removed seat. It reads the
 * {@link BoardTable} only to find a board's series.
 */
final class MemoryContacts implements Contacts {
  private static final HexFormat HEX = HexFormat.of();

  private final StoreLock lock;
  private final BoardTable boards;
  /** Board id to participant id to address, in the order they were first left. */
  private final Map<String, Map<String, StoredContact>> contacts = new HashMap<>();

  /** @param confirmationHex hex of the confirmation secret's SHA-256, null once confirmed */
  private record StoredContact(String email, String confirmationHex, long sentAtMillis, boolean confirmed) {}

  MemoryContacts(StoreLock lock, BoardTable boards) {
    this.lock = lock;
    this.boards = boards;
  }

  @Override
  public Future<Optional<Contact>> contact(String boardId, String participantId) {
    return lock.atomically(() -> Optional.ofNullable(of(boardId).get(participantId))
        .map(stored -> new Contact(stored.email(), stored.confirmed())));
  }

  @Override
  public Future<Boolean> saveContact(String boardId, String participantId, String email, byte[] confirmationSha256,
                                     Instant sentAt) {
    return lock.atomically(() -> {
      boards.existing(boardId, "saveContact");
      // Replacing one's own address always works; a new one only while the board is under its limit.
      long others = of(boardId).keySet().stream().filter(id -> !id.equals(participantId)).count();
      if (others >= MAX_CONTACTS_PER_BOARD) {
        return false;
      }
      contacts.computeIfAbsent(boardId, id -> new LinkedHashMap<>()).put(participantId,
          new StoredContact(email, HEX.formatHex(confirmationSha256), sentAt.toEpochMilli(), false));
      return true;
    });
  }

  @Override
  public Future<Boolean> confirmContact(byte[] confirmationSha256, Instant sentAfter) {
    String hex = HEX.formatHex(confirmationSha256);
    return lock.atomically(() -> {
      for (Map<String, StoredContact> board : contacts.values()) {
        for (Map.Entry<String, StoredContact> entry : board.entrySet()) {
          StoredContact stored = entry.getValue();
          if (hex.equals(stored.confirmationHex()) && stored.sentAtMillis() > sentAfter.toEpochMilli()) {
            entry.setValue(new StoredContact(stored.email(), null, stored.sentAtMillis(), true));
            return true;
          }
        }
      }
      return false;
    });
  }

  @Override
  public Future<Void> removeContact(String boardId, String participantId) {
    return lock.atomically(() -> {
      remove(boardId, participantId);
      return null;
    });
  }

  /** Forgets one address; also under the lock of {@link MemoryBoards#removeSeat}, whose seat takes it along. */
  void remove(String boardId, String participantId) {
    of(boardId).remove(participantId);
  }

  /** Drops a deleted board's addresses, under the lock of {@link MemoryBoards#deleteBoard}. */
  void forget(String boardId) {
    contacts.remove(boardId);
  }

  @Override
  public Future<List<String>> seriesEmails(String boardId) {
    return lock.atomically(() -> boards.find(boardId).map(board -> {
      // One person who left the same address on several meetings gets each mail once; the smallest spelling stays.
      Map<String, String> byLowerCase = new HashMap<>();
      boards.series(board.seriesId).flatMap(meeting -> of(meeting.id).values().stream())
          .filter(StoredContact::confirmed).map(StoredContact::email)
          .forEach(email -> byLowerCase.merge(email.toLowerCase(Locale.ROOT), email,
              (one, other) -> one.compareTo(other) <= 0 ? one : other));
      return byLowerCase.values().stream().sorted().toList();
    }).orElse(List.of()));
  }

  /** A board's addresses; an empty map, not stored, when it has none. */
  private Map<String, StoredContact> of(String boardId) {
    return contacts.getOrDefault(boardId, new LinkedHashMap<>());
  }
}
