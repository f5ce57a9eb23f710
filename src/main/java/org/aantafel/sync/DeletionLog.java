package org.aantafel.sync;

import org.aantafel.store.BoardStore.DeletedBoard;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The one log line of a deletion: that it happened, why, and how much went — so that an administrator can account
 * for it — built only from the board's id, dates and counts, so no title, name, goal or other content can reach the
 * log.
 */
final class DeletionLog {
  private static final System.Logger LOG = System.getLogger(DeletionLog.class.getName());

  static void log(DeleteRequest request, DeletedBoard deleted) {
    LOG.log(System.Logger.Level.INFO, line(request, deleted));
  }

  static String line(DeleteRequest request, DeletedBoard deleted) {
    String removed = deleted.recordVersions() + " record versions, " + deleted.ops() + " ops removed";
    if (!request.retention()) {
      return "board " + request.boardId() + " deleted by facilitator: " + removed;
    }
    String closed = deleted.closedAtMillis() == null ? "?"
      : Instant.ofEpochMilli(deleted.closedAtMillis()).atOffset(ZoneOffset.UTC).toLocalDate().toString();
    return "board " + request.boardId() + " removed by retention (closed " + closed + ", retention "
      + request.retentionDays() + " days): " + removed;
  }

  private DeletionLog() {
  }
}
