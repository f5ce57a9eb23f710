package org.aantafel.sync;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.aantafel.board.Op;
import org.aantafel.board.Viewer;
import org.aantafel.store.BoardStore.CommittedChange;

import java.util.List;

/** One revision of a board: the ops of one submit as they were applied, and how they are shown to whom. */
record Change(long rev, String clientId, long seq, String participantId, List<Op> ops, long committedAtMillis,
              ChangeViews views) {

  static Change fromStored(CommittedChange stored) {
    return new Change(stored.rev(), stored.clientId(), stored.seq(), stored.participantId(),
      WireJson.ops(stored.ops()), stored.committedAtMillis(), ChangeViews.UNKNOWN);
  }

  CommittedChange toStored() {
    return new CommittedChange(rev, clientId, seq, participantId, opsJson(), committedAtMillis);
  }

  /** The message a browser on the board receives; the participant lets screens say who changed something. */
  JsonObject published() {
    return message(opsJson());
  }

  /** The message as this viewer is shown it. */
  JsonObject publishedFor(Viewer viewer) {
    JsonArray screened = views.opsFor(viewer);
    return screened == null ? published() : message(screened);
  }

  /** What keeping it costs, counted as its encoded ops and the views kept of it (for the board's memory budget). */
  long bytes() {
    return opsJson().encode().length() + views.bytes();
  }

  JsonArray opsJson() {
    return WireJson.toJson(ops);
  }

  private JsonObject message(JsonArray shownOps) {
    return new JsonObject().put("rev", rev).put("clientId", clientId).put("seq", seq)
      .put("participantId", participantId).put("ops", shownOps);
  }
}
