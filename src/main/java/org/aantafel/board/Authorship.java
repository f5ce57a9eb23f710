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
      default -> {
        // shared by everyone at the table
      }
    }
  }

  /** Creating an evaluation hands out a topic to someone: that is chairing, so it is the facilitator's. */
  static void checkCreate(String kind, String id, Actor actor) {
    if (kind.equals("evaluation") && !actor.isFacilitator()) {
      throw forbidden("only the facilitator may create an evaluation");
    }
    if (kind.equals("goalCheck") && !id.equals(goalCheckId(actor.participantId()))) {
      // A fixed id per person makes "one goal check each" hold even when two tabs create one at the same time.
      throw BoardRejection.badInput("a goal check's id is " + goalCheckId(actor.participantId()));
    }
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
