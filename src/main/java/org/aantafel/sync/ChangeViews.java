package org.aantafel.sync;

import io.vertx.core.json.JsonArray;
import org.aantafel.board.BoardState;
import org.aantafel.board.Op;
import org.aantafel.board.Screening;
import org.aantafel.board.Viewer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a change is shown as to those who may not see every question it touches ({@link Screening}): the public ops
 * for everyone without the facilitator's grant, and their own for whoever asked one of those questions. Made when the
 * change is applied, because who sees what depends on the board at that moment.
 *
 * @param publicOps  null when everyone is shown the ops as applied
 * @param askersOps  by participant id, for the askers of the questions the change touches
 * @param known      false for a change read back from the op log, whose views were not kept
 */
record ChangeViews(JsonArray publicOps, Map<String, JsonArray> askersOps, boolean known) {

  static final ChangeViews SAME = new ChangeViews(null, Map.of(), true);
  static final ChangeViews UNKNOWN = new ChangeViews(null, Map.of(), false);

  static ChangeViews of(Screening screening, List<Op> applied, BoardState after) {
    if (!screening.hides(Viewer.PUBLIC, after)) {
      // Askers and the facilitator see at least what everyone sees.
      return SAME;
    }
    Map<String, JsonArray> askers = new LinkedHashMap<>();
    for (String asker : screening.askers(after)) {
      askers.put(asker, json(screening.opsFor(new Viewer(asker, false), applied, after)));
    }
    return new ChangeViews(json(screening.opsFor(Viewer.PUBLIC, applied, after)), askers, true);
  }

  boolean screened() {
    return publicOps != null;
  }

  /** The encoded size of the views kept beside the ops as applied. */
  long bytes() {
    if (publicOps == null) {
      return 0;
    }
    long size = publicOps.encode().length();
    for (var own : askersOps.entrySet()) {
      size += own.getKey().length() + own.getValue().encode().length();
    }
    return size;
  }

  /** The ops the viewer is shown; null when that is the change as applied. */
  JsonArray opsFor(Viewer viewer) {
    if (publicOps == null || viewer.facilitator()) {
      return null;
    }
    JsonArray own = viewer.participantId() == null ? null : askersOps.get(viewer.participantId());
    return own != null ? own : publicOps;
  }

  private static JsonArray json(List<Map<String, Object>> ops) {
    return new JsonArray(new ArrayList<>(ops));
  }
}
