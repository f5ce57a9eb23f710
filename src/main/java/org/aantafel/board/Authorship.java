package org.aantafel.board;

import java.util.Map;

/**
 * Who may change which field of an entity that belongs to someone, beyond the table of {@link KindRules} (who makes
 * a kind, how it ends, whose per-person entries are): an evaluation answer is the assignee's, an agenda item's title
 * its proposer's, a question its asker's, a poll the facilitator's. Everything else on the board is shared by
 * everyone at the table, which is the point of the method.
 */
final class Authorship {

  private Authorship() {
  }

  /** May the actor change {@code field} of the entity (null field: delete it)? Throws 403 when not. */
  static void check(String kind, Map<String, Object> fields, String field, Actor actor) {
    switch (kind) {
      case "evaluation" -> {
        boolean assignee = actor.participantId().equals(fields.get("assignedTo"));
        if (!actor.isFacilitator() && !(isAnswer(field) && assignee)) {
          throw forbidden(field == null ? "only the facilitator may delete an evaluation"
              : "only the person it is assigned to, or the facilitator, may answer this evaluation");
        }
      }
      case "agendaItem" -> {
        // What an item is called is its proposer's (the template's items are the chair's); its notes are written
        // together. Whether it is on the agenda at all is the removal rule of the table, the same people.
        if ("title".equals(field) && !actor.isFacilitator()
            && !actor.participantId().equals(fields.get("proposedBy"))) {
          throw forbidden(fields.get("proposedBy") == null
              ? "the agenda's own items are the facilitator's to rename or remove"
              : "only who proposed this item, or the facilitator, may rename or remove it");
        }
      }
      case "question" -> Questions.checkQuestion(fields, field, actor);
      case Polls.POLL -> Polls.checkChange(fields, field, actor);
      default -> {
        // shared by everyone at the table, or one person's (KindRules)
      }
    }
  }

  private static boolean isAnswer(String field) {
    return "howIsIt".equals(field) || "goodAt".equals(field) || "couldBetter".equals(field);
  }

  private static BoardRejection forbidden(String message) {
    return new BoardRejection(403, message);
  }
}
