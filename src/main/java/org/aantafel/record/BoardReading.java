package org.aantafel.record;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aantafel.board.Polls;
import org.aantafel.board.PraatplaatTopic;
import org.aantafel.board.Questions;
import org.aantafel.board.Removal;

/** Reads a board in the BoardState.toMap() shape into a {@link MeetingRecord}: order, names, labels. */
final class BoardReading {

  /** The schools this is made for are Dutch: the meeting's date is the date on their wall calendar. */
  private static final ZoneId MEETING_ZONE = ZoneId.of("Europe/Amsterdam");

  private final Map<String, Object> board;
  /** Live entities only, by id. */
  private final Map<String, Map<String, Object>> live = new LinkedHashMap<>();
  private final List<RecordParticipant> participants;
  private final RecordMeta meta;
  private final RecordLabels labels;

  BoardReading(Map<String, Object> state, List<RecordParticipant> participants, RecordMeta meta) {
    this.board = asMap(state.get("board"));
    asMap(state.get("entities")).forEach((id, entity) -> {
      Map<String, Object> fields = asMap(entity);
      if (!Removal.gone(fields)) {
        live.put(id, fields);
      }
    });
    this.participants = List.copyOf(participants);
    this.meta = meta;
    this.labels = RecordLabels.of(meta.language());
  }

  MeetingRecord record() {
    return new MeetingRecord(
        meta,
        text(board, "title"),
        meta.closedAt().atZone(MEETING_ZONE).toLocalDate().toString(),
        participants.stream().map(p -> person(p.name(), p.role())).toList(),
        text(board, "goal"),
        byParticipant("goalCheck").stream()
            .map(f -> new RecordGoalCheck(stampedPerson(f), text(f, "verdict"), text(f, "comment"))).toList(),
        byParticipant("checkin").stream().map(f -> new RecordCheckin(stampedPerson(f), text(f, "text"))).toList(),
        ordered("agendaItem").stream().map(this::agendaItem).toList(),
        agreements("agree"),
        agreements("disagree"),
        orderedEntries("action").stream().map(e -> action(e.getKey(), e.getValue())).toList(),
        lead(),
        text(board, "evaluationDate"),
        text(board, "consent"),
        evaluations(),
        questions(),
        polls());
  }

  /** The questions everyone saw, as asked, with their live votes; hidden and never approved ones left out. */
  private List<RecordQuestion> questions() {
    Map<String, Integer> votes = Questions.voteCounts(live);
    return ofKind("question").stream().filter(e -> Questions.visible(e.getValue())).sorted(Questions.AS_ASKED)
        .map(e -> new RecordQuestion(text(e.getValue(), "text"), proposer(e.getValue()),
            Boolean.TRUE.equals(e.getValue().get("answered")), votes.getOrDefault(e.getKey(), 0)))
        .toList();
  }

  /** The polls that were asked, in board order, each with its counts from the live answers. */
  private List<RecordPoll> polls() {
    return orderedEntries(Polls.POLL).stream().filter(e -> Boolean.TRUE.equals(e.getValue().get("opened")))
        .map(e -> {
          List<String> options = Polls.options(e.getValue().get("options"));
          int[] counts = Polls.results(e.getKey(), live);
          List<RecordPoll.Option> counted = new ArrayList<>();
          for (int i = 0; i < options.size(); i++) {
            counted.add(new RecordPoll.Option(options.get(i), counts[i]));
          }
          return new RecordPoll(text(e.getValue(), "question"), Boolean.TRUE.equals(e.getValue().get("open")),
              java.util.Arrays.stream(counts).sum(), counted);
        }).toList();
  }

  private RecordAgendaItem agendaItem(Map<String, Object> f) {
    Integer timebox = f.get("timeboxMinutes") instanceof Number n ? n.intValue() : null;
    return new RecordAgendaItem(text(f, "title"), text(f, "notes"), text(f, "status"), proposer(f),
        Boolean.TRUE.equals(f.get("late")), timebox);
  }

  private RecordAction action(String id, Map<String, Object> f) {
    String who = participantName(f.get("whoParticipantId"));
    String doneOn = f.get("doneAt") instanceof Number at
        ? Instant.ofEpochMilli(at.longValue()).atZone(MEETING_ZONE).toLocalDate().toString() : "";
    String origin = f.get("carriedFrom") instanceof String from ? from : id;
    return new RecordAction(text(f, "what"), who != null ? who : text(f, "who"), text(f, "due"), text(f, "status"),
        doneOn, origin);
  }

  private List<String> agreements(String stance) {
    return ordered("agreement").stream().filter(f -> stance.equals(f.get("stance"))).map(f -> text(f, "text")).toList();
  }

  private String lead() {
    String name = participantName(board.get("leadParticipantId"));
    return name != null ? name : text(board, "lead");
  }

  private List<RecordEvaluation> evaluations() {
    List<Map.Entry<String, Map<String, Object>>> entries = new ArrayList<>(ofKind("evaluation"));
    // The praatplaat's own order, so the record walks the nine topics as the poster does.
    entries.sort(Comparator.<Map.Entry<String, Map<String, Object>>>comparingInt(e -> topicRank(e.getValue()))
        .thenComparing(Map.Entry::getKey));
    return entries.stream().map(Map.Entry::getValue).map(f -> new RecordEvaluation(
        text(f, "topic"), topicLabel(text(f, "topic")), participantName(f.get("assignedTo")),
        text(f, "howIsIt"), text(f, "goodAt"), text(f, "couldBetter"))).toList();
  }

  private String topicLabel(String wire) {
    for (PraatplaatTopic topic : PraatplaatTopic.values()) {
      if (topic.wire().equals(wire)) {
        return topic.label(meta.language());
      }
    }
    return wire;
  }

  private static int topicRank(Map<String, Object> fields) {
    for (PraatplaatTopic topic : PraatplaatTopic.values()) {
      if (topic.wire().equals(fields.get("topic"))) {
        return topic.ordinal();
      }
    }
    return Integer.MAX_VALUE;
  }

  /** Lists with an order key, as the board shows them: by key in code units, ties by id. */
  private List<Map<String, Object>> ordered(String kind) {
    return orderedEntries(kind).stream().map(Map.Entry::getValue).toList();
  }

  private List<Map.Entry<String, Map<String, Object>>> orderedEntries(String kind) {
    List<Map.Entry<String, Map<String, Object>>> entries = new ArrayList<>(ofKind(kind));
    entries.sort(Comparator.<Map.Entry<String, Map<String, Object>>, String>comparing(e -> text(e.getValue(), "order"))
        .thenComparing(Map.Entry::getKey));
    return entries;
  }

  /**
   * Check-ins and goal checks have no order key: they follow the list of participants (a stored state need not
   * keep creation order), then the id for someone the list does not know.
   */
  private List<Map<String, Object>> byParticipant(String kind) {
    List<Map.Entry<String, Map<String, Object>>> entries = new ArrayList<>(ofKind(kind));
    entries.sort(Comparator.<Map.Entry<String, Map<String, Object>>>comparingInt(
            e -> participantRank(e.getValue().get("participantId")))
        .thenComparing(Map.Entry::getKey));
    return entries.stream().map(Map.Entry::getValue).toList();
  }

  private int participantRank(Object participantId) {
    for (int i = 0; i < participants.size(); i++) {
      if (participants.get(i).participantId().equals(participantId)) {
        return i;
      }
    }
    return Integer.MAX_VALUE;
  }

  private List<Map.Entry<String, Map<String, Object>>> ofKind(String kind) {
    return live.entrySet().stream().filter(e -> kind.equals(e.getValue().get("kind"))).toList();
  }

  /** A reference to someone not (or no longer) known reads as none, as the board page shows it. */
  private String participantName(Object participantId) {
    if (participantId == null) {
      return null;
    }
    return participants.stream().filter(p -> p.participantId().equals(participantId))
        .map(RecordParticipant::name).findFirst().orElse(null);
  }

  private RecordPerson proposer(Map<String, Object> f) {
    return f.get("proposedByName") instanceof String name ? person(name, text(f, "proposedByRole")) : null;
  }

  private RecordPerson stampedPerson(Map<String, Object> f) {
    return person(text(f, "name"), text(f, "role"));
  }

  private RecordPerson person(String name, String role) {
    return new RecordPerson(name, role, labels.role(role));
  }

  private static String text(Map<String, Object> fields, String field) {
    Object value = fields.get(field);
    return value == null ? "" : String.valueOf(value);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value) {
    if (!(value instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("expected an object in the board state");
    }
    return (Map<String, Object>) map;
  }
}
