package org.aantafel.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * Everything the server keeps about boards, behind interfaces so that the hub never sees SQL. A user that needs only
 * part of it can depend on {@link OpLog}, {@link Boards}, {@link Records} or {@link Contacts}; this one is all of
 * them, for the server's wiring. Every method is asynchronous and safe to call from any event loop.
 *
 * <p>Drivers: {@code pg.PgBoardStore} (the server's, durable) and {@code memory.InMemoryStore} (tests only), each
 * a {@link ComposedBoardStore} of one part per interface. The values the parts exchange are declared here, where
 * every existing caller already imports them.
 */
public interface BoardStore extends OpLog, Boards, Records, Contacts, SendQuotas {

  /** A trivial round trip, for /health. */
  Future<Void> ping();

  Future<Void> close();

  /**
   * @param seriesId the series the board joins, or null to start its own series (named by the board's id)
   * @param seriesSeq its place in the series, 1 for the first meeting
   */
  record NewBoard(String boardId, String title, String language, String template,
                  List<Access> access, JsonObject initialState, String seriesId, int seriesSeq) {

    public NewBoard(String boardId, String title, String language, String template,
                    List<Access> access, JsonObject initialState) {
      this(boardId, title, language, template, access, initialState, null, 1);
    }
  }

  record Access(byte[] tokenSha256, String grant) {}

  record Snapshot(long rev, JsonObject state) {}

  /** One committed revision: the ops as applied (after transformation), as a JSON array of op objects. */
  record CommittedChange(long rev, String clientId, long seq, String participantId,
                         io.vertx.core.json.JsonArray ops, long committedAtMillis) {}

  /** How far a client got, and whose it is: a clientId belongs to the participant that first committed with it. */
  record ClientProgress(long seq, long rev, String participantId) {}

  /** One meeting of a series; lastRecordVersion is 0 and lastClosedAtMillis null while it was never closed. */
  record SeriesMeeting(String boardId, String seriesId, int seq, String title, long createdAtMillis,
                       int lastRecordVersion, Long lastClosedAtMillis) {}

  record RecordVersion(int version, long closedAtMillis, String closedBy) {}

  record Participant(String participantId, String name, String role, String grant) {}

  /** What a deletion removed, counted for the log; never any content. closedAtMillis is null for an open board. */
  record DeletedBoard(int recordVersions, long ops, Long closedAtMillis) {}

  record ClosedBoard(String boardId, long closedAtMillis) {}
}
