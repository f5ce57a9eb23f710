package org.aantafel.board;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fields the server adds to a create, so that who proposed what, and whether it came late, is a fact of the
 * board and not something a browser claims. The op as applied carries them, so every replica ends the same.
 */
final class Stamps {

  /** When an action was marked done (server epoch milliseconds), so a series can tell done on time from late. */
  static final String DONE_AT = "doneAt";
  /** Who last changed an item's content, so that everyone can see it. */
  static final String CHANGED_BY_NAME = "changedByName";

  private Stamps() {
  }

  /** The sets a set makes besides itself; none for most fields. */
  static List<Op.Set> onSet(String kind, Op.Set set, Map<String, Object> before, Actor actor, long nowMillis) {
    List<Op.Set> stamps = new ArrayList<>();
    if (kind.equals("action") && set.field().equals("status") && !set.value().equals(before.get("status"))) {
      stamps.add(new Op.Set(set.id(), DONE_AT, "done".equals(set.value()) ? (Object) nowMillis : null));
    }
    if (Removal.KINDS.contains(kind) && set.field().equals(Removal.REMOVED)) {
      boolean removing = Boolean.TRUE.equals(set.value());
      stamps.add(new Op.Set(set.id(), Removal.REMOVED_BY, removing ? actor.participantId() : null));
      stamps.add(new Op.Set(set.id(), Removal.REMOVED_BY_NAME, removing ? actor.name() : null));
    }
    if (kind.equals(Polls.POLL) && set.field().equals("open") && Boolean.TRUE.equals(set.value())
        && !Boolean.TRUE.equals(before.get(Polls.OPENED))) {
      stamps.add(new Op.Set(set.id(), Polls.OPENED, true));
    }
    return stamps;
  }

  /**
   * The set a text edit makes besides itself: who last changed what the item says, when that is someone new (so a
   * person typing does not stamp every keystroke).
   */
  static Optional<Op.Set> onEdit(String kind, Op.Text edit, Map<String, Object> before, Actor actor) {
    if (!Removal.KINDS.contains(kind) || actor.isServer() || actor.name().equals(before.get(CHANGED_BY_NAME))) {
      return Optional.empty();
    }
    return Optional.of(new Op.Set(edit.id(), CHANGED_BY_NAME, actor.name()));
  }

  static Map<String, Object> onCreate(String kind, Map<String, Object> fields, Actor actor,
                                      Map<String, Object> board, long nowMillis) {
    Map<String, Object> stamped = new LinkedHashMap<>(fields);
    switch (kind) {
      case "agendaItem" -> {
        proposer(stamped, actor);
        // No surprise items: what is added once the agenda is settled is visibly marked.
        stamped.put("late", Boolean.TRUE.equals(board.get("agendaFrozen"))
            || !"prepare".equals(board.getOrDefault("phase", "prepare")));
      }
      case "question" -> {
        proposer(stamped, actor);
        Questions.stampModeration(stamped, actor, board);
        // "Newest first" by the server's clock: an asker cannot see the questions that wait for approval, so the
        // order key their browser picks says nothing about who asked first.
        stamped.put(Questions.ASKED_AT, nowMillis);
      }
      case "vote" -> stamped.put("participantId", actor.participantId());
      case "checkin", "goalCheck" -> {
        stamped.put("participantId", actor.participantId());
        stamped.put("name", actor.name());
        stamped.put("role", actor.role().wire());
      }
      case Polls.POLL -> {
        if (Boolean.TRUE.equals(stamped.get("open"))) {
          stamped.put(Polls.OPENED, true);
        }
      }
      case Polls.ANSWER -> stamped.put("participantId", actor.participantId());
      default -> {
        // nothing to stamp
      }
    }
    return stamped;
  }

  private static void proposer(Map<String, Object> fields, Actor actor) {
    fields.put("proposedBy", actor.participantId());
    fields.put("proposedByName", actor.name());
    fields.put("proposedByRole", actor.role().wire());
  }
}
