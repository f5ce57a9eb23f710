package org.aantafel.record;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.aantafel.board.Grant;
import org.aantafel.store.BoardStore;
import org.aantafel.store.StoreConflictException;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Stores the final record of a close as the board's next immutable version. The hub only closes the board and says
 * at which revision, with the state as it was then; everything the record adds (who sat at the table, the series,
 * the version number) is gathered here, from the store.
 */
public final class RecordKeeper {
  /** Two closes of one board at nearly the same moment (close, reopen, close) each take the next free version. */
  private static final int ATTEMPTS = 3;

  private final BoardStore store;

  public RecordKeeper(BoardStore store) {
    this.store = store;
  }

  /** A close as the hub reports it: the state at the closing revision, durable before this is called. */
  public record Close(String boardId, long rev, long closedAtMillis, String closedBy, Map<String, Object> state) {}

  /** @return the version the record was stored as */
  public Future<Integer> keep(Close close) {
    return store.series(close.boardId()).compose(series -> store.participants(close.boardId())
      .compose(participants -> save(close, series, atTheTable(participants), ATTEMPTS)));
  }

  private Future<Integer> save(Close close, List<BoardStore.SeriesMeeting> series, List<RecordParticipant> people,
                               int attemptsLeft) {
    return store.lastRecordVersion(close.boardId()).compose(last -> {
      int version = last + 1;
      RecordMeta meta = new RecordMeta(close.boardId(), version, Instant.ofEpochMilli(close.closedAtMillis()),
        close.closedBy(), language(close.state()), seriesId(close.boardId(), series),
        previousInSeries(close.boardId(), series));
      JsonObject record = new JsonObject(MeetingRecord.of(close.state(), people, meta).toJson());
      return store.saveRecord(close.boardId(), version, close.closedAtMillis(), close.closedBy(), record)
        .map(v -> version)
        .recover(e -> e instanceof StoreConflictException && attemptsLeft > 1
          ? save(close, series, people, attemptsLeft - 1) : Future.failedFuture(e));
    });
  }

  /** The record names the people at the table; someone who only watched was never one of them. */
  private static List<RecordParticipant> atTheTable(List<BoardStore.Participant> participants) {
    return participants.stream()
      .filter(p -> p.grant() == null || Grant.parse(p.grant()).atLeast(Grant.PARTICIPANT))
      .map(p -> new RecordParticipant(p.participantId(), p.name(), p.role(), p.grant())).toList();
  }

  /** The board's language; boards made before languages were kept are Dutch, like the first users. */
  private static String language(Map<String, Object> state) {
    Object language = state.get("board") instanceof Map<?, ?> board ? board.get("language") : null;
    return "en".equals(language) ? "en" : "nl";
  }

  private static String seriesId(String boardId, List<BoardStore.SeriesMeeting> series) {
    return series.isEmpty() ? boardId : series.get(0).seriesId();
  }

  /** The meeting this one follows, so a record names where the series came from; null for the first. */
  private static String previousInSeries(String boardId, List<BoardStore.SeriesMeeting> series) {
    String previous = null;
    for (BoardStore.SeriesMeeting meeting : series) {
      if (meeting.boardId().equals(boardId)) {
        return previous;
      }
      previous = meeting.boardId();
    }
    return null;
  }
}
