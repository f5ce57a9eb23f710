package org.aantafel.record;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import org.aantafel.board.BoardRejection;
import org.aantafel.board.Grant;
import org.aantafel.store.BoardStore;
import org.aantafel.store.RecordQuotaExceededException;
import org.aantafel.store.Records;
import org.aantafel.store.StoreConflictException;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Stores the final record of a close as the board's next immutable version. The hub only closes the board and says
 * at which revision, with the state as it was then; everything the record adds (who sat at the table, the series,
 * the version number) is gathered here, from the store. A record over {@link RecordLimits#MAX_RECORD_BYTES}, or one
 * the board's quota of stored versions has no room for, is refused with 413 and nothing is stored.
 */
public final class RecordKeeper {
  /** Two closes of one board at nearly the same moment (close, reopen, close) each take the next free version. */
  private static final int ATTEMPTS = 3;
  private static final String QUOTA_FULL = "this board's stored records have reached their limit of "
    + Records.QUOTA_BYTES / (1024 * 1024) + " MB; start a follow-up meeting, or delete this board when its records"
    + " are no longer needed";

  private final BoardStore store;
  private final WorkerExecutor workers;

  /**
   * @param workers where records are made: making and measuring one costs as much as the board is large, so never on
   *                an event loop
   */
  public RecordKeeper(BoardStore store, WorkerExecutor workers) {
    this.store = store;
    this.workers = workers;
  }

  /** A close as the hub reports it: the state at the closing revision, durable before this is called. */
  public record Close(String boardId, long rev, long closedAtMillis, String closedBy, Map<String, Object> state) {}

  /**
   * Whether the record of this board as it is now (the state of {@code close}, not yet closed) could be stored: the
   * API asks before the meeting is closed, so a refusal leaves the meeting open and nothing is lost.
   */
  public Future<Void> check(Close close) {
    return gather(close).compose(people -> store.lastRecordVersion(close.boardId())
      .compose(last -> recordOf(close, people, last + 1))
      .compose(record -> store.recordFits(close.boardId(), record))
      .compose(fits -> fits ? Future.<Void>succeededFuture() : Future.failedFuture(quotaFull())));
  }

  /** @return the version the record was stored as */
  public Future<Integer> keep(Close close) {
    return gather(close).compose(people -> save(close, people, ATTEMPTS));
  }

  /** Who sat at the table and where the meeting stands in its series: what a record adds to the board. */
  private record People(List<BoardStore.SeriesMeeting> series, List<RecordParticipant> atTheTable) {}

  private Future<People> gather(Close close) {
    return store.series(close.boardId()).compose(series -> store.participants(close.boardId())
      .map(participants -> new People(series, atTheTable(participants))));
  }

  private Future<Integer> save(Close close, People people, int attemptsLeft) {
    return store.lastRecordVersion(close.boardId()).compose(last -> recordOf(close, people, last + 1)
      .compose(record -> store.saveRecord(close.boardId(), last + 1, close.closedAtMillis(), close.closedBy(), record))
      .map(v -> last + 1)
      .recover(e -> {
        if (e instanceof RecordQuotaExceededException) {
          return Future.failedFuture(quotaFull());
        }
        return e instanceof StoreConflictException && attemptsLeft > 1
          ? save(close, people, attemptsLeft - 1) : Future.failedFuture(e);
      }));
  }

  /** The record as it would be stored as {@code version}, made on a worker; 413 naming what to shorten if too large. */
  private Future<JsonObject> recordOf(Close close, People people, int version) {
    RecordMeta meta = new RecordMeta(close.boardId(), version, Instant.ofEpochMilli(close.closedAtMillis()),
      close.closedBy(), language(close.state()), seriesId(close.boardId(), people.series()),
      previousInSeries(close.boardId(), people.series()));
    return workers.executeBlocking(() -> {
      JsonObject record = new JsonObject(MeetingRecord.of(close.state(), people.atTheTable(), meta).toJson());
      RecordLimits.tooLarge(record).ifPresent(why -> {
        throw new BoardRejection(413, why);
      });
      return record;
    }, false);
  }

  private static BoardRejection quotaFull() {
    return new BoardRejection(413, QUOTA_FULL);
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
