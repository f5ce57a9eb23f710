package org.aantafel.record;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aantafel.board.BoardState;

/**
 * A closed zorgoverleg as a board would hold it: Dutch names with accents, every kind, a tombstone, a late item,
 * and typed markup in the goal and an agenda title. Entities are put in an order unlike their order keys.
 */
final class ZorgoverlegBoard {

  static final String SCRIPT = "<script>alert(1)</script>";
  static final String LINK = "[x](javascript:alert(1))";
  static final String GOAL = "Iedereen gaat tevreden naar huis als het rooster voor Zoë klaar is (ëéó) "
      + SCRIPT + " " + LINK;
  static final String TYPED_AGENDA_TITLE = "Rooster " + SCRIPT + " " + LINK;

  static final List<RecordParticipant> PARTICIPANTS = List.of(
      new RecordParticipant("p-zoe", "Zoë de Vries", "parent", "participant"),
      new RecordParticipant("p-jose", "José Martínez", "care-coordinator", "facilitator"),
      new RecordParticipant("p-olafur", "Ólafur Jónsson", "youth-care", "participant"),
      new RecordParticipant("p-sam", "Sam de Vries", "student", "participant"));

  static final RecordMeta META = new RecordMeta("board-42", 1, Instant.parse("2026-11-25T15:30:00Z"),
      "José Martínez", "nl", null, null);

  private ZorgoverlegBoard() {
  }

  static MeetingRecord record() {
    return MeetingRecord.of(state(), PARTICIPANTS, META);
  }

  /** Passed through BoardState so that the fixture is a state the board itself accepts. */
  static Map<String, Object> state() {
    Map<String, Object> board = fields(
        "title", "Zorgoverleg Sam — groep 7",
        "goal", GOAL,
        "phase", "closed",
        "phases", "prepare,checkin,goal,agenda,agreements,lookback,closed",
        "language", "nl",
        "template", "zorgoverleg",
        "agendaFrozen", true,
        "currentItem", null,
        "lead", "",
        "leadParticipantId", "p-olafur",
        "evaluationDate", "2027-01-15",
        "consent", "Het verslag mag naar de huisarts.");
    Map<String, Object> entities = new LinkedHashMap<>();
    entities.put("item-c", fields("kind", "agendaItem", "title", "Huiswerk en concentratie",
        "notes", "Sam werkt beter ’s ochtends.\nMentor kijkt mee.", "order", "a2", "status", "postponed",
        "timeboxMinutes", 10, "late", true, "proposedBy", "p-sam", "proposedByName", "Sam de Vries",
        "proposedByRole", "student"));
    entities.put("item-a", fields("kind", "agendaItem", "title", "Hoe gaat het thuis?", "notes", "",
        "order", "a0", "status", "done", "timeboxMinutes", null));
    entities.put("item-gone", fields("kind", "agendaItem", "deleted", true));
    entities.put("item-b", fields("kind", "agendaItem", "title", TYPED_AGENDA_TITLE,
        "notes", "Vaste rustmomenten afgesproken.", "order", "a1", "status", "done", "late", false,
        "proposedBy", "p-zoe", "proposedByName", "Zoë de Vries", "proposedByRole", "parent"));
    entities.put("checkin-olafur", fields("kind", "checkin", "text", "Druk week, maar blij dat we er zijn.",
        "participantId", "p-olafur", "name", "Ólafur Jónsson", "role", "youth-care"));
    entities.put("checkin-zoe", fields("kind", "checkin", "text", "Een beetje zenuwachtig.",
        "participantId", "p-zoe", "name", "Zoë de Vries", "role", "parent"));
    entities.put("agree-2", fields("kind", "agreement", "text", "Sam krijgt een vaste plek in de klas.",
        "order", "a1", "stance", "agree"));
    entities.put("agree-1", fields("kind", "agreement", "text", "Thuis en school gebruiken hetzelfde rooster.",
        "order", "a0", "stance", "agree"));
    entities.put("disagree-1", fields("kind", "agreement", "text", "Of Sam naar de bijles gaat.",
        "order", "a2", "stance", "disagree"));
    entities.put("action-2", fields("kind", "action", "what", "Gesprek met de huisarts plannen", "who", "",
        "order", "a1", "whoParticipantId", "p-zoe", "due", "2026-12-10", "status", "open"));
    entities.put("action-1", fields("kind", "action", "what", "Weekrooster maken", "who", "Juf Anneké",
        "order", "a0", "whoParticipantId", null, "due", "2026-12-01", "status", "done"));
    entities.put("action-gone", fields("kind", "action", "deleted", true));
    entities.put("goalcheck-p-zoe", fields("kind", "goalCheck", "verdict", "partly",
        "comment", "Het rooster is er, de bijles nog niet.", "participantId", "p-zoe", "name", "Zoë de Vries",
        "role", "parent"));
    entities.put("goalcheck-p-jose", fields("kind", "goalCheck", "verdict", "met", "comment", "",
        "participantId", "p-jose", "name", "José Martínez", "role", "care-coordinator"));
    entities.put("eval-2", fields("kind", "evaluation", "topic", "parentExpertise", "assignedTo", "p-jose",
        "howIsIt", "Ouders worden gehoord.", "goodAt", "Luisteren naar Zoë.", "couldBetter", "Eerder bellen."));
    entities.put("eval-1", fields("kind", "evaluation", "topic", "child", "assignedTo", null,
        "howIsIt", "We praten vanuit Sam.", "goodAt", "", "couldBetter", "Sam vaker zelf laten praten."));
    entities.put("question-1", fields("kind", "question", "text", "Wie betaalt de bijles?", "order", "a0",
        "answered", true, "proposedBy", "p-zoe", "proposedByName", "Zoë de Vries", "proposedByRole", "parent"));
    entities.put("question-hidden", fields("kind", "question", "text", "Verborgen vraag", "order", "a1",
        "moderation", "hidden", "proposedBy", "p-olafur", "proposedByName", "Ólafur Jónsson",
        "proposedByRole", "other"));
    entities.put("question-waiting", fields("kind", "question", "text", "Wachtende vraag", "order", "a2",
        "moderation", "pending", "proposedBy", "p-olafur", "proposedByName", "Ólafur Jónsson",
        "proposedByRole", "other"));
    entities.put("vote-question-1-p-jose", fields("kind", "vote", "question", "question-1", "participantId", "p-jose"));
    entities.put("vote-question-1-p-olafur", fields("kind", "vote", "question", "question-1",
        "participantId", "p-olafur"));
    entities.put("vote-question-1-p-zoe", fields("kind", "vote", "question", "question-1", "participantId", "p-zoe",
        "withdrawn", true));
    entities.put("vote-question-hidden-p-zoe", fields("kind", "vote", "question", "question-hidden",
        "participantId", "p-zoe"));
    entities.put("poll-1", fields("kind", "poll", "question", "Wie komt er naar de ouderavond?",
        "options", "Ik kom\nIk kom niet\nMisschien <b>later</b>", "order", "a0", "open", false, "opened", true));
    entities.put("poll-draft", fields("kind", "poll", "question", "Nooit gesteld", "order", "a1"));
    entities.put("answer-poll-1-p-zoe", fields("kind", "pollAnswer", "poll", "poll-1", "choice", 0,
        "participantId", "p-zoe"));
    entities.put("answer-poll-1-p-sam", fields("kind", "pollAnswer", "poll", "poll-1", "choice", 0,
        "participantId", "p-sam"));
    entities.put("answer-poll-1-p-jose", fields("kind", "pollAnswer", "poll", "poll-1", "choice", 2,
        "participantId", "p-jose"));
    return BoardState.fromMap(Map.of("board", board, "entities", entities)).toMap();
  }

  private static Map<String, Object> fields(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
