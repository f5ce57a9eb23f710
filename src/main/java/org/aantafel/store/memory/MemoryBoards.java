package org.aantafel.store.memory;

import io.vertx.core.Future;
import org.aantafel.store.BoardStore.Access;
import org.aantafel.store.BoardStore.ClosedBoard;
import org.aantafel.store.BoardStore.DeletedBoard;
import org.aantafel.store.BoardStore.NewBoard;
import org.aantafel.store.BoardStore.Participant;
import org.aantafel.store.BoardStore.SeriesMeeting;
import org.aantafel.store.BoardStore.Snapshot;
import org.aantafel.store.Boards;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.aantafel.store.memory.StoreLock.conflict;

/**
 * {@link Boards} in memory: the {@link BoardTable} with each board's links and seats. Every other part keeps its
 * rows under a board's id; a board's creation starts its history in {@link MemoryOpLog}, and its deletion drops its
 * rows from every part, each under the one lock, as PostgreSQL does in one transaction with its foreign keys.
 */
final class MemoryBoards implements Boards {
  private static final HexFormat HEX = HexFormat.of();

  private final StoreLock lock;
  private final BoardTable boards;
  private final MemoryOpLog opLog;
  private final MemoryRecords records;
  private final MemoryContacts contacts;

  MemoryBoards(StoreLock lock, BoardTable boards, MemoryOpLog opLog, MemoryRecords records, MemoryContacts contacts) {
    this.lock = lock;
    this.boards = boards;
    this.opLog = opLog;
    this.records = records;
    this.contacts = contacts;
  }

  @Override
  public Future<Void> createBoard(NewBoard board) {
    return lock.atomically(() -> {
      String seriesId = board.seriesId() == null ? board.boardId() : board.seriesId();
      if (boards.contains(board.boardId())) {
        throw conflict("createBoard " + board.boardId() + ": the id is taken");
      }
      if (boards.series(seriesId).anyMatch(meeting -> meeting.seriesSeq == board.seriesSeq())) {
        throw conflict("createBoard " + board.boardId() + ": place " + board.seriesSeq() + " of the series is taken");
      }
      MemoryBoard created = new MemoryBoard(board.boardId(), board.title(), seriesId, board.seriesSeq(),
          System.currentTimeMillis());
      created.access.putAll(links(board.boardId(), Map.of(), board.access()));
      boards.add(created);
      opLog.start(board.boardId(), new Snapshot(0, board.initialState()));
      return null;
    });
  }

  @Override
  public Future<Optional<String>> findGrant(String boardId, byte[] tokenSha256) {
    return lock.atomically(() -> boards.find(boardId).map(board -> board.access.get(hex(tokenSha256))));
  }

  @Override
  public Future<List<Access>> links(String boardId) {
    return lock.atomically(() -> boards.find(boardId).map(board -> board.access.entrySet().stream()
      .map(link -> new Access(HEX.parseHex(link.getKey()), link.getValue())).toList()).orElse(List.of()));
  }

  @Override
  public Future<Void> replaceLinks(String boardId, List<Access> access) {
    return lock.atomically(() -> {
      MemoryBoard board = boards.existing(boardId, "replaceLinks");
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
    return lock.atomically(() -> boards.contains(boardId));
  }

  @Override
  public Future<Void> saveParticipant(String boardId, Participant participant) {
    return lock.atomically(() -> {
      boards.find(boardId).ifPresent(board -> board.participants.replace(participant.participantId(), participant));
      return null;
    });
  }

  @Override
  public Future<Void> addSeat(String boardId, Participant participant, byte[] seatSha256) {
    return lock.atomically(() -> {
      MemoryBoard board = boards.existing(boardId, "addSeat");
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
    return lock.atomically(() -> boards.find(boardId)
        .map(board -> board.participants.get(board.seats.get(hex(seatSha256)))));
  }

  @Override
  public Future<Boolean> removeSeat(String boardId, String participantId) {
    return lock.atomically(() -> boards.find(boardId).map(board -> {
      boolean held = board.participants.containsKey(participantId) && board.removed.add(participantId);
      board.seats.values().remove(participantId);
      if (held) {
        contacts.remove(boardId, participantId);
      }
      return held;
    }).orElse(false));
  }

  @Override
  public Future<List<Participant>> participants(String boardId) {
    return lock.atomically(() -> boards.find(boardId).map(board -> board.participants.values().stream()
        .filter(p -> !board.removed.contains(p.participantId())).toList()).orElse(List.of()));
  }

  @Override
  public Future<List<SeriesMeeting>> series(String boardId) {
    return lock.atomically(() -> boards.find(boardId)
        .map(board -> boards.series(board.seriesId)
            .sorted(Comparator.comparingInt(meeting -> meeting.seriesSeq))
            .map(meeting -> new SeriesMeeting(meeting.id, meeting.seriesId, meeting.seriesSeq, meeting.title,
                meeting.createdAtMillis, records.lastVersion(meeting.id), records.lastClosedAt(meeting.id)))
            .toList())
        .orElse(List.of()));
  }

  @Override
  public Future<Optional<String>> findSeriesGrant(String boardId, byte[] tokenSha256, byte[] seatSha256) {
    String token = hex(tokenSha256);
    String seat = hex(seatSha256);
    return lock.atomically(() -> boards.find(boardId).flatMap(board -> {
      // Any link of the board itself gives its own grant; a seat there, or the facilitator's link or a seat of
      // another meeting of the series, only lets one read the series.
      String own = board.access.get(token);
      if (own != null) {
        return Optional.of(own);
      }
      boolean reader = boards.series(board.seriesId).anyMatch(meeting -> meeting.seats.containsKey(seat)
          || meeting != board && "facilitator".equals(meeting.access.get(token)));
      return reader ? Optional.of(SERIES_READER) : Optional.empty();
    }));
  }

  @Override
  public Future<Void> markReopened(String boardId) {
    return lock.atomically(() -> {
      boards.find(boardId).ifPresent(board -> board.closedAtMillis = null);
      return null;
    });
  }

  @Override
  public Future<Optional<DeletedBoard>> deleteBoard(String boardId, Instant closedBefore) {
    return lock.atomically(() -> boards.find(boardId)
        .filter(board -> closedBefore == null
            || board.closedAtMillis != null && board.closedAtMillis < closedBefore.toEpochMilli())
        .map(board -> {
          boards.remove(boardId);
          contacts.forget(boardId);
          return new DeletedBoard(records.forget(boardId), opLog.forget(boardId), board.closedAtMillis);
        }));
  }

  @Override
  public Future<List<ClosedBoard>> closedBefore(Instant moment, int limit) {
    return lock.atomically(() -> boards.all()
        .filter(board -> board.closedAtMillis != null && board.closedAtMillis < moment.toEpochMilli())
        .map(board -> new ClosedBoard(board.id, board.closedAtMillis))
        .sorted(Comparator.comparingLong(ClosedBoard::closedAtMillis).thenComparing(ClosedBoard::boardId))
        .limit(limit)
        .toList());
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

  /** Null stays null: a missing token or seat matches nothing, like SQL's NULL. */
  private static String hex(byte[] bytes) {
    return bytes == null ? null : HEX.formatHex(bytes);
  }
}
