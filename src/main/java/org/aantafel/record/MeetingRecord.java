package org.aantafel.record;

import java.util.List;
import java.util.Map;

/**
 * The final record of a meeting: what the board held when the facilitator closed it, in meeting order, with every
 * reference to a participant already resolved to a name and role. Immutable. What is stored is {@link #toJson()};
 * every other format is rendered from a record read back with {@link #fromJson}, so a stored version reads the same
 * whatever later happens to the board's code.
 */
public record MeetingRecord(
    RecordMeta meta,
    String title,
    String date,
    List<RecordPerson> participants,
    String goal,
    List<RecordGoalCheck> goalChecks,
    List<RecordCheckin> checkins,
    List<RecordAgendaItem> agenda,
    List<String> agreements,
    List<String> disagreements,
    List<RecordAction> actions,
    String lead,
    String evaluationDate,
    String consent,
    List<RecordEvaluation> evaluations,
    List<RecordQuestion> questions,
    List<RecordPoll> polls) {

  /** The version of the JSON shape; a reader meets older shapes by this number. */
  public static final int FORMAT = 1;

  public MeetingRecord {
    participants = List.copyOf(participants);
    goalChecks = List.copyOf(goalChecks);
    checkins = List.copyOf(checkins);
    agenda = List.copyOf(agenda);
    agreements = List.copyOf(agreements);
    disagreements = List.copyOf(disagreements);
    actions = List.copyOf(actions);
    evaluations = List.copyOf(evaluations);
    questions = List.copyOf(questions);
    polls = List.copyOf(polls);
  }

  /** Gathers the record from a board in the BoardState.toMap() shape; tombstones are left out. */
  public static MeetingRecord of(
      Map<String, Object> boardState, List<RecordParticipant> participants, RecordMeta meta) {
    return new BoardReading(boardState, participants, meta).record();
  }

  public Map<String, Object> toJson() {
    return RecordJson.write(this);
  }

  /** A stored record, with its texts and names read without direction controls (see {@code PlainText}). */
  public static MeetingRecord fromJson(Map<String, ?> json) {
    return RecordJson.read(json);
  }

  public RecordLabels labels() {
    return RecordLabels.of(meta.language());
  }
}
