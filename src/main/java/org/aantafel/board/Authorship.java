package org.aantafel.board;

import java.util.Map;

/**
 * Who may change or delete an entity that belongs to someone: a check-in is what one person said, a goal check is one
 * person's verdict, an evaluation answer is the assignee's. Everything else on the board is shared by everyone at
 * the table, which is the point of the method.
 */
final class Authorship {

  private Authorship() {
  }

  /** May the actor change {@code field} of the entity (null field: delete it)? Throws 403 when not. */
  static void check(String kind, Map<String, Object> fields, String field, Actor actor) {
    switch (kind) {
      case "checkin" -> {
        if (!actor.isFacilitator() && !isAuthor(fields, actor)) {
          throw forbidden("only the person who checked in, or the facilitator, may change this check-in");
        }
      }
      case "goalCheck" -> {
        // A verdict on whether the goal was met is personal: not even the facilitator speaks for someone.
        if (!isAuthor(fields, actor)) {
          throw forbidden("only its author may change a goal check");
        }
      }
      case "evaluation" -> {
        boolean assignee = actor.participantId().equals(fields.get("assignedTo"));
        if (!actor.isFacilitator() && !(isAnswer(field) && assignee)) {
          throw forbidden(field == null ? "only the facilitator may delete an evaluation"
              : "only the person it is assigned to, or the facilitator, may answer this evaluation");
        }
      }
      case "agendaItem" -> {
        // What an item is called, and whether it is on the agenda at all, is its proposer's (the template's items
        // are the chair's); its notes are written together.
        if ((field == null || field.equals("title")) && !actor.isFacilitator() && !isProposer(fields, actor)) {
          throw forbidden(fields.get("proposedBy") == null
              ? "the agenda's own items are the facilitator's to rename or remove"
              : "only who proposed this item, or the facilitator, may rename or remove it");
        }
      }
      case "question" -> Questions.checkQuestion(fields, field, actor);
      case "vote" -> Questions.checkVote(fields, field, actor);
      case Polls.POLL, Polls.ANSWER -> Polls.checkChange(kind, fields, field, actor);
      default -> {
        // shared by everyone at the table
      }
    }
  }

  /**
   * Removing an agenda item is as deleting it (its proposer's or the facilitator's); agreements and actions are
   * written together, so anyone at the table may remove one. Bringing something back is for who removed it, or the
   * facilitator, so nobody can undo someone else's decision behind their back.
   */
  static void checkRemoval(String kind, Map<String, Object> fields, Object removed, Actor actor) {
    if (Boolean.TRUE.equals(removed)) {
      if (kind.equals("agendaItem")) {
        check(kind, fields, null, actor);
      }
      return;
    }
    if (!actor.isFacilitator() && !actor.participantId().equals(fields.get(Removal.REMOVED_BY))) {
      throw forbidden("only who removed this, or the facilitator, may bring it back");
    }
  }

  private static boolean isProposer(Map<String, Object> fields, Actor actor) {
    return actor.participantId().equals(fields.get("proposedBy"));
  }

  /** Creating an evaluation hands out a topic to someone: that is chairing, so it is the facilitator's. */
  static void checkCreate(String kind, String id, Map<String, Object> fields, Actor actor) {
    if (kind.equals("evaluation") && !actor.isFacilitator()) {
      throw forbidden("only the facilitator may create an evaluation");
    }
    if (kind.equals("goalCheck") && !id.equals(goalCheckId(actor.participantId()))) {
      // A fixed id per person makes "one goal check each" hold even when two tabs create one at the same time.
      throw BoardRejection.badInput("a goal check's id is " + goalCheckId(actor.participantId()));
    }
    Polls.checkCreate(kind, id, fields, actor);
  }

  static String goalCheckId(String participantId) {
    return "goalcheck-" + participantId;
  }

  private static boolean isAnswer(String field) {
    return "howIsIt".equals(field) || "goodAt".equals(field) || "couldBetter".equals(field);
  }

  private static boolean isAuthor(Map<String, Object> fields, Actor actor) {
    return actor.participantId().equals(fields.get("participantId"));
  }

  private static BoardRejection forbidden(String message) {
    return new BoardRejection(403, message);
  }
}
