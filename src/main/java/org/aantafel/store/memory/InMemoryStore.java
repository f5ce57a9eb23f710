package org.aantafel.store.memory;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.aantafel.store.BoardStore;
import org.aantafel.store.RecordQuotaExceededException;
import org.aantafel.store.StoreConflictException;
import org.aantafel.store.StoreUnavailableException;
import org.aantafel.store.memory.MemoryBoard.StoredContact;
import org.aantafel.store.memory.MemoryBoard.StoredRecord;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * {@link BoardStore} in the JVM's memory, FOR TESTS ONLY: nothing is ever written to disk, so everything is gone with
 * the process. It lets the hub and API tests run without PostgreSQL while keeping the contract the hub relies on
 * (conflicts that fence a stale writer, immutable record versions, seat and series rules); the shared contract test
 * runs against both drivers so that they cannot drift.
 *
 * <p>One lock for everything, held only for map operations, stands in for PostgreSQL's transactions: every method is
 * atomic and safe from any event loop. A write to an unknown board fails with {@link StoreUnavailableException} like
 * PostgreSQL's foreign key violation. JSON goes in and out as copies, as it would through jsonb.
 *
 * <p>{@link #close()} forgets nothing: an App restarted on the same instance finds its boards again, which lets a
 * restart test run in memory.
 */
public final class InMemoryStore implements BoardStore {
  private static final HexFormat HEX = HexFormat.of();

  private final Map<String, MemoryBoard> boards = new HashMap<>();
  /** What {@link #takeQuotas} counted, per key and period. */
  private final Map<Counted, Integer> quotaUsed = new HashMap<>();

  private record Counted(String key, Instant periodStart) {}

  @Override
  public Future<Void> createBoard(NewBoard board) {
    return locked(() -> {
      String seriesId = board.seriesId() == null ? board.boardId() : board.seriesId();
      if (boards.containsKey(board.boardId())) {
        throw conflict("createBoard " + board.boardId() + ": the id is taken");
      }
      if (seriesOf(seriesId).anyMatch(meeting -> meeting.seriesSeq == board.seriesSeq())) {
        throw conflict("createBoard " + board.boardId() + ": place " + board.seriesSeq() + " of the series is taken");
      }
      MemoryBoard created = new MemoryBoard(board.boardId(), board.title(), seriesId, board.seriesSeq(),
          System.currentTimeMillis());
      created.access.putAll(links(board.boardId(), Map.of(), board.access()));
      created.snapshot = new Snapshot(0, board.initialState().copy());
      boards.put(board.boardId(), created);
      return null;
    });
  }

  @Override
  public Future<Optional<String>> findGrant(String boardId, byte[] tokenSha256) {
    return locked(() -> find(boardId).map(board -> board.access.get(hex(tokenSha256))));
  }

  @Override
  public Future<List<Access>> links(String boardId) {
    return locked(() -> find(boardId).map(board -> board.access.entrySet().stream()
      .map(link -> new Access(HEX.parseHex(link.getKey()), link.getValue())).toList()).orElse(List.of()));
  }

  @Override
  public Future<Void> replaceLinks(String boardId, List<Access> access) {
    return locked(() -> {
      MemoryBoard board = existing(boardId, "replaceLinks");
      Map<String, String> facilitator = new HashMap<>(board.access);
      facilitator.values().removeIf(grant -> !"facilitator".equals(grant));
      Map<String, String> replaced = links(boardId, facilitator, access);
      board.access.clear();
      board.access.putAll(replaced);
      return null;
    });
  }

  @Override
  public Future<Boolean> boardExists(String boardId) {
    return locked(() -> boards.containsKey(boardId));
  }

  @Override
  public Future<Optional<Snapshot>> latestSnapshot(String boardId) {
    return locked(() -> find(boardId).map(board -> new Snapshot(board.snapshot.rev(), board.snapshot.state().copy())));
  }

  @Override
  public Future<List<CommittedChange>> changesBetween(String boardId, long afterRev, long uptoRev) {
    return locked(() -> find(boardId)
        .map(board -> board.ops.subMap(afterRev, false, uptoRev, true).values().stream().map(InMemoryStore::copy)
            .toList())
        .orElse(List.of()));
  }

  @Override
  public Future<Void> appendChanges(Map<String, List<CommittedChange>> changesByBoard) {
    return locked(() -> {
      // All checked before anything is stored: one taken revision or (clientId, seq) fails the whole group.
      for (Map.Entry<String, List<CommittedChange>> group : changesByBoard.entrySet()) {
        MemoryBoard board = existing(group.getKey(), "appendChanges");
        Set<Long> revs = new HashSet<>();
        Set<List<Object>> clientSeqs = new HashSet<>();
        for (CommittedChange change : group.getValue()) {
          if (board.taken(change) || !revs.add(change.rev())
              || !clientSeqs.add(List.of(change.clientId(), change.seq()))) {
            throw conflict("appendChanges " + board.id + ": rev " + change.rev() + " or seq " + change.seq()
                + " of " + change.clientId() + " is taken");
          }
        }
      }
      changesByBoard.forEach((boardId, changes) -> changes.forEach(change -> boards.get(boardId).append(copy(change))));
      return null;
    });
  }

  @Override
  public Future<Optional<ClientProgress>> lastCommitted(String boardId, String clientId) {
    return locked(() -> find(boardId)
        .map(board -> board.opsByClient.get(clientId))
        .map(TreeMap::lastEntry)
        .map(last -> new ClientProgress(last.getKey(), last.getValue().rev(), last.getValue().participantId())));
  }

  @Override
  public Future<Void> saveSnapshot(String boardId, Snapshot snapshot) {
    return locked(() -> {
      MemoryBoard board = existing(boardId, "saveSnapshot");
      if (snapshot.rev() >= board.snapshot.rev()) {
        board.snapshot = new Snapshot(snapshot.rev(), snapshot.state().copy());
      }
      return null;
    });
  }

  @Override
  public Future<Void> saveParticipant(String boardId, Participant participant) {
    return locked(() -> {
      find(boardId).ifPresent(board -> board.participants.replace(participant.participantId(), participant));
      return null;
    });
  }

  @Override
  public Future<Void> addSeat(String boardId, Participant participant, byte[] seatSha256) {
    return locked(() -> {
      MemoryBoard board = existing(boardId, "addSeat");
      String seat = hex(seatSha256);
      if (board.participants.containsKey(participant.participantId()) || board.seats.containsKey(seat)) {
        throw conflict("addSeat " + boardId + ": the participant or the seat is taken");
      }
      board.participants.put(participant.participantId(), participant);
      if (seat != null) {
        board.seats.put(seat, participant.participantId());
      }
      return null;
    });
  }

  @Override
  public Future<Optional<Participant>> findSeat(String boardId, byte[] seatSha256) {
    return locked(() -> find(boardId)
        .map(board -> board.participants.get(board.seats.get(hex(seatSha256)))));
  }

  @Override
  public Future<Boolean> removeSeat(String boardId, String participantId) {
    return locked(() -> find(boardId).map(board -> {
      boolean held = board.participants.containsKey(participantId) && board.removed.add(participantId);
      board.seats.values().remove(participantId);
      if (held) {
        board.contacts.remove(participantId);
      }
      return held;
    }).orElse(false));
  }

  @Override
  public Future<List<Participant>> participants(String boardId) {
    return locked(() -> find(boardId).map(board -> board.participants.values().stream()
        .filter(p -> !board.removed.contains(p.participantId())).toList()).orElse(List.of()));
  }

  @Override
  public Future<Void> saveRecord(String boardId, int version, long closedAtMillis, String closedBy,
                                 JsonObject record) {
    return locked(() -> {
      MemoryBoard board = existing(boardId, "saveRecord");
      if (version < 1) {
        throw new StoreUnavailableException("saveRecord " + boardId + ": version " + version + " is below 1", null);
      }
      if (board.records.containsKey(version)) {
        throw conflict("saveRecord " + boardId + " v" + version + ": that version is stored");
      }
      if (!fits(board, record)) {
        throw new RecordQuotaExceededException("saveRecord " + boardId + " v" + version + ": over the board's quota");
      }
      board.records.put(version, new StoredRecord(new RecordVersion(version, closedAtMillis, closedBy), record.copy()));
      board.closedAtMillis = closedAtMillis;
      return null;
    });
  }

  @Override
  public Future<Boolean> recordFits(String boardId, JsonObject record) {
    return locked(() -> find(boardId).map(board -> fits(board, record)).orElse(true));
  }

  /** Measured as the encoded JSON text, like PostgreSQL's octet_length(record::text). */
  private static boolean fits(MemoryBoard board, JsonObject record) {
    long used = board.records.values().stream().mapToLong(stored -> textBytes(stored.record())).sum();
    return used + textBytes(record) <= QUOTA_BYTES;
  }

  private static long textBytes(JsonObject json) {
    return json.encode().getBytes(StandardCharsets.UTF_8).length;
  }

  @Override
  public Future<List<RecordVersion>> records(String boardId) {
    return locked(() -> find(boardId)
        .map(board -> board.records.values().stream().map(StoredRecord::version).toList())
        .orElse(List.of()));
  }

  @Override
  public Future<Optional<JsonObject>> record(String boardId, int version) {
    return locked(() -> find(boardId)
        .map(board -> board.records.get(version))
        .map(stored -> stored.record().copy()));
  }

  @Override
  public Future<Integer> lastRecordVersion(String boardId) {
    return locked(() -> find(boardId).map(MemoryBoard::lastRecordVersion).orElse(0));
  }

  @Override
  public Future<List<SeriesMeeting>> series(String boardId) {
    return locked(() -> find(boardId)
        .map(board -> seriesOf(board.seriesId)
            .sorted(Comparator.comparingInt(meeting -> meeting.seriesSeq))
            .map(InMemoryStore::meeting)
            .toList())
        .orElse(List.of()));
  }

  @Override
  public Future<Optional<String>> findSeriesGrant(String boardId, byte[] tokenSha256, byte[] seatSha256) {
    String token = hex(tokenSha256);
    String seat = hex(seatSha256);
    return locked(() -> find(boardId).flatMap(board -> {
      // Any link of the board itself gives its own grant; a seat there, or the facilitator's link or a seat of
      // another meeting of the series, only lets one read the series.
      String own = board.access.get(token);
      if (own != null) {
        return Optional.of(own);
      }
      boolean reader = seriesOf(board.seriesId).anyMatch(meeting -> meeting.seats.containsKey(seat)
          || meeting != board && "facilitator".equals(meeting.access.get(token)));
      return reader ? Optional.of(SERIES_READER) : Optional.empty();
    }));
  }

  @Override
  public Future<Void> markReopened(String boardId) {
    return locked(() -> {
      find(boardId).ifPresent(board -> board.closedAtMillis = null);
      return null;
    });
  }

  @Override
  public Future<Optional<DeletedBoard>> deleteBoard(String boardId, Instant closedBefore) {
    return locked(() -> find(boardId)
        .filter(board -> closedBefore == null
            || board.closedAtMillis != null && board.closedAtMillis < closedBefore.toEpochMilli())
        .map(board -> {
          boards.remove(boardId);
          return new DeletedBoard(board.records.size(), board.ops.size(), board.closedAtMillis);
        }));
  }

  @Override
  public Future<List<ClosedBoard>> closedBefore(Instant moment, int limit) {
    return locked(() -> boards.values().stream()
        .filter(board -> board.closedAtMillis != null && board.closedAtMillis < moment.toEpochMilli())
        .map(board -> new ClosedBoard(board.id, board.closedAtMillis))
        .sorted(Comparator.comparingLong(ClosedBoard::closedAtMillis).thenComparing(ClosedBoard::boardId))
        .limit(limit)
        .toList());
  }

  @Override
  public Future<Optional<Contact>> contact(String boardId, String participantId) {
    return locked(() -> find(boardId).map(board -> board.contacts.get(participantId))
        .map(stored -> new Contact(stored.email(), stored.confirmed())));
  }

  @Override
  public Future<Boolean> saveContact(String boardId, String participantId, String email, byte[] confirmationSha256,
                                     Instant sentAt) {
    return locked(() -> {
      MemoryBoard board = existing(boardId, "saveContact");
      // Replacing one's own address always works; a new one only while the board is under its limit.
      long others = board.contacts.keySet().stream().filter(id -> !id.equals(participantId)).count();
      if (others >= MAX_CONTACTS_PER_BOARD) {
        return false;
      }
      board.contacts.put(participantId,
          new StoredContact(email, HEX.formatHex(confirmationSha256), sentAt.toEpochMilli(), false));
      return true;
    });
  }

  @Override
  public Future<Boolean> confirmContact(byte[] confirmationSha256, Instant sentAfter) {
    String hex = HEX.formatHex(confirmationSha256);
    return locked(() -> {
      for (MemoryBoard board : boards.values()) {
        for (Map.Entry<String, StoredContact> entry : board.contacts.entrySet()) {
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
    return locked(() -> {
      find(boardId).ifPresent(board -> board.contacts.remove(participantId));
      return null;
    });
  }

  @Override
  public Future<List<String>> seriesEmails(String boardId) {
    return locked(() -> find(boardId).map(board -> {
      // One person who left the same address on several meetings gets each mail once; the smallest spelling stays.
      Map<String, String> byLowerCase = new HashMap<>();
      seriesOf(board.seriesId).flatMap(meeting -> meeting.contacts.values().stream())
          .filter(StoredContact::confirmed).map(StoredContact::email)
          .forEach(email -> byLowerCase.merge(email.toLowerCase(Locale.ROOT), email,
              (one, other) -> one.compareTo(other) <= 0 ? one : other));
      return byLowerCase.values().stream().sorted().toList();
    }).orElse(List.of()));
  }

  @Override
  public Future<Integer> takeQuotas(List<Quota> quotas, Instant forgetBefore) {
    return locked(() -> {
      quotaUsed.keySet().removeIf(counted -> counted.periodStart().isBefore(forgetBefore));
      for (int i = 0; i < quotas.size(); i++) {
        Quota quota = quotas.get(i);
        if (quotaUsed.getOrDefault(new Counted(quota.key(), quota.periodStart()), 0) + quota.amount()
            > quota.limit()) {
          return i;
        }
      }
      quotas.forEach(quota -> quotaUsed.merge(new Counted(quota.key(), quota.periodStart()), quota.amount(),
          Integer::sum));
      return -1;
    });
  }

  @Override
  public Future<Void> ping() {
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> close() {
    return Future.succeededFuture();
  }

  /** Runs under the store's lock; the conflicts and failures it throws become failed futures. */
  private synchronized <T> Future<T> locked(Supplier<T> work) {
    try {
      return Future.succeededFuture(work.get());
    } catch (StoreConflictException | StoreUnavailableException e) {
      return Future.failedFuture(e);
    }
  }

  private Optional<MemoryBoard> find(String boardId) {
    return Optional.ofNullable(boards.get(boardId));
  }

  /** The board a write needs; PostgreSQL's foreign keys refuse a row of an unknown board the same way. */
  private MemoryBoard existing(String boardId, String action) {
    return find(boardId).orElseThrow(() ->
        new StoreUnavailableException(action + " " + boardId + ": no such board", null));
  }

  private Stream<MemoryBoard> seriesOf(String seriesId) {
    return boards.values().stream().filter(board -> board.seriesId.equals(seriesId));
  }

  /** The links after adding these to the ones kept; a token that is there already is a conflict, as with a key. */
  private static Map<String, String> links(String boardId, Map<String, String> kept, List<Access> added) {
    Map<String, String> links = new HashMap<>(kept);
    for (Access access : added) {
      if (links.putIfAbsent(hex(access.tokenSha256()), access.grant()) != null) {
        throw conflict("links of " + boardId + ": a token is there twice");
      }
    }
    return links;
  }

  private static SeriesMeeting meeting(MemoryBoard board) {
    Long lastClosedAt = board.records.values().stream().map(stored -> stored.version().closedAtMillis())
        .max(Long::compare).orElse(null);
    return new SeriesMeeting(board.id, board.seriesId, board.seriesSeq, board.title, board.createdAtMillis,
        board.lastRecordVersion(), lastClosedAt);
  }

  private static CommittedChange copy(CommittedChange change) {
    return new CommittedChange(change.rev(), change.clientId(), change.seq(), change.participantId(),
        change.ops().copy(), change.committedAtMillis());
  }

  private static StoreConflictException conflict(String message) {
    return new StoreConflictException(message, null);
  }

  /** Null stays null: a missing token or seat matches nothing, like SQL's NULL. */
  private static String hex(byte[] bytes) {
    return bytes == null ? null : HEX.formatHex(bytes);
  }
}
