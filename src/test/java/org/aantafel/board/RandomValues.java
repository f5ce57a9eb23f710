package org.aantafel.board;

import java.util.List;
import java.util.Random;

/** A random value that a value field of the schema accepts, chosen by the field's meaning. */
final class RandomValues {

  static final List<String> PARTICIPANTS = List.of("p-a", "p-b", "p-c");

  private final Random random;

  RandomValues(Random random) {
    this.random = random;
  }

  Object valueFor(String kind, String field) {
    return switch (field) {
      case "order" -> orderKey();
      case "status" -> pick(kind.equals("agendaItem") ? List.of("open", "done", "postponed") : List.of("open", "done"));
      case "timeboxMinutes" -> random.nextBoolean() ? null : random.nextInt(241);
      case "timerStartedAt" -> random.nextBoolean() ? null : 1_790_000_000_000L + random.nextInt(1_000_000);
      case "timerElapsedMs" -> random.nextInt(3_600_000);
      case "late", "answered", "agendaFrozen", "removed", "showJoinCode" -> random.nextBoolean();
      case "proposedBy", "participantId" -> pick(PARTICIPANTS);
      case "whoParticipantId", "assignedTo", "leadParticipantId", "currentItem", "carriedFrom", "removedBy" ->
          random.nextBoolean() ? null : pick(PARTICIPANTS);
      case "proposedByName", "name", "changedByName" -> RandomEdits.text(random, 8);
      case "removedByName" -> random.nextBoolean() ? null : RandomEdits.text(random, 8);
      case "proposedByRole", "role" -> pick(List.of(Role.values())).wire();
      case "stance" -> pick(List.of("agree", "disagree"));
      case "verdict" -> pick(List.of("met", "partly", "not"));
      case "topic" -> pick(BoardSchema.TOPICS);
      case "phase" -> pick(BoardSchema.PHASES);
      case "phases" -> pick(List.of("prepare,closed", "prepare,goal,agenda,closed",
          "prepare,checkin,goal,agenda,agreements,lookback,closed"));
      case "language" -> pick(BoardSchema.LANGUAGES);
      case "template" -> pick(BoardSchema.TEMPLATES);
      case "due", "evaluationDate" -> pick(List.of("", "2026-01-31", "2026-12-01"));
      case "scheduledAt" -> pick(List.of("", "2026-01-31T09:30", "2026-12-01T15:00"));
      case "doneAt" -> random.nextBoolean() ? null : 1_790_000_000_000L + random.nextInt(1_000_000);
      case "askedAt" -> 1_790_000_000_000L + random.nextInt(1_000_000);
      case "questionsNeedApproval", "withdrawn" -> random.nextBoolean();
      case "currentQuestion" -> random.nextBoolean() ? null : pick(List.of("q1", "question-1"));
      case "moderation" -> pick(List.of("pending", "approved", "hidden"));
      case "question" -> pick(List.of("q1", "question-1"));
      default -> throw new IllegalArgumentException("no random value for " + kind + "." + field);
    };
  }

  String orderKey() {
    String key = OrderKey.between(null, null);
    for (int i = random.nextInt(4); i > 0; i--) {
      key = OrderKey.between(key, null);
    }
    return key;
  }

  <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
