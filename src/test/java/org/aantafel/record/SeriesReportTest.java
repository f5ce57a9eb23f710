package org.aantafel.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.aantafel.board.PraatplaatTopic;
import org.aantafel.board.Role;
import org.aantafel.board.Side;
import org.aantafel.record.SeriesReport.Actions;
import org.aantafel.record.SeriesReport.Meeting;
import org.aantafel.record.SeriesReport.Verdicts;
import org.junit.jupiter.api.Test;

/** The numbers of the series page, counted by hand for a small series. */
class SeriesReportTest {

  private static final LocalDate TODAY = LocalDate.parse("2027-02-01");

  @Test
  void goalChecksAreCountedPerSideOfTheTable() {
    SeriesReport report = SeriesReport.of(List.of(
        meeting(1, List.of(check("parent", "not"), check("student", "partly"), check("teacher", "met"),
            check("youth-care", "met")), List.of(), List.of()),
        meeting(2, List.of(check("parent", "met"), check("care-coordinator", "met"), check("other", "not")),
            List.of(), List.of())), TODAY);

    assertEquals(new Verdicts(0, 1, 1), report.goalBySide().get(1).get(Side.FAMILY));
    assertEquals(new Verdicts(1, 0, 0), report.goalBySide().get(1).get(Side.SCHOOL));
    assertEquals(new Verdicts(1, 0, 0), report.goalBySide().get(1).get(Side.CARE));
    assertEquals(new Verdicts(1, 0, 0), report.goalBySide().get(2).get(Side.FAMILY));
    assertEquals(new Verdicts(0, 0, 1), report.goalBySide().get(2).get(Side.OTHER));
    assertEquals(new Verdicts(1, 1, 1), report.goalTotals().get(Side.FAMILY));
    assertEquals(new Verdicts(2, 0, 0), report.goalTotals().get(Side.SCHOOL));
    assertEquals(List.of(Role.PARENT, Role.STUDENT, Role.TEACHER, Role.CARE_COORDINATOR, Role.YOUTH_CARE, Role.OTHER),
        List.copyOf(report.goalByRole().keySet()), "in the order of the roles, only those that checked");
    assertEquals(new Verdicts(1, 0, 1), report.goalByRole().get(Role.PARENT));
    assertEquals(new Verdicts(0, 1, 0), report.goalByRole().get(Role.STUDENT));
    assertEquals(Map.of("met", 1, "partly", 0, "not", 1),
        ((Map<?, ?>) report.toJson().get("goalByRole")).get("parent"));
  }

  @Test
  void actionsAreJudgedByTheirNewestStateAndCountedWhereFirstAgreed() {
    SeriesReport report = SeriesReport.of(List.of(
        meeting(1, List.of(), List.of(
            action("a1", "open", "2026-12-01", ""),      // carried, done later but after its due date: late
            action("a2", "done", "2026-12-01", "2026-11-30"),  // done on time
            action("a3", "open", "2026-12-15", ""),      // carried, done in time by the next meeting
            action("a4", "open", "2027-01-10", "")),     // never carried, still open, past due: overdue
            List.of()),
        meeting(2, List.of(), List.of(
            action("a1", "done", "2026-12-01", "2026-12-20"),
            action("a3", "done", "2026-12-15", "2026-12-15"),
            action("b1", "open", "2027-03-01", ""),      // not yet due
            action("b2", "done", "", "2027-01-20")),     // no due date: on time
            List.of())), TODAY);

    assertEquals(new Actions(2, 1, 1, 0), report.actionsByMeeting().get(1));
    assertEquals(new Actions(1, 0, 0, 1), report.actionsByMeeting().get(2));
    assertEquals(new Actions(3, 1, 1, 1), report.actionTotals());
  }

  @Test
  void meetingsNotYetClosedAreListedButNotCounted() {
    SeriesReport report = SeriesReport.of(List.of(
        meeting(1, List.of(check("parent", "met")), List.of(action("a1", "open", "2026-01-01", "")), List.of()),
        new Meeting("board-2", 2, "Tweede", 0, null)), TODAY);

    assertEquals(List.of(1), List.copyOf(report.goalBySide().keySet()));
    assertEquals(new Actions(0, 0, 1, 0), report.actionTotals());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> meetings = (List<Map<String, Object>>) report.toJson().get("meetings");
    assertEquals(2, meetings.size());
    assertEquals(null, meetings.get(1).get("date"));
  }

  @Test
  void evaluatedTopicsFollowThePostersOrder() {
    SeriesReport report = SeriesReport.of(List.of(
        meeting(1, List.of(), List.of(), List.of("positive", "child")),
        meeting(2, List.of(), List.of(), List.of())), TODAY);

    assertEquals(List.of(PraatplaatTopic.CHILD, PraatplaatTopic.POSITIVE), report.evaluatedTopics().get(1));
    assertEquals(List.of(), report.evaluatedTopics().get(2));
  }

  @Test
  void theJsonCarriesTheSameNumbers() {
    SeriesReport report = SeriesReport.of(List.of(
        meeting(1, List.of(check("parent", "met")), List.of(action("a1", "done", "", "2026-12-01")),
            List.of("child"))), TODAY);

    Map<String, Object> json = report.toJson();

    assertEquals(Map.of("met", 1, "partly", 0, "not", 0),
        ((Map<?, ?>) ((Map<?, ?>) json.get("goalBySide")).get("1")).get("family"));
    assertEquals(Map.of("onTime", 1, "late", 0, "overdue", 0, "open", 0), json.get("actionTotals"));
    assertEquals(List.of("child"), ((Map<?, ?>) json.get("evaluatedTopics")).get("1"));
  }

  private static Meeting meeting(int seq, List<RecordGoalCheck> checks, List<RecordAction> actions,
                                 List<String> topics) {
    RecordMeta meta = new RecordMeta("board-" + seq, 1, Instant.parse("2026-11-25T15:30:00Z"), "facilitator", "nl",
        "board-1", null);
    List<RecordEvaluation> evaluations = topics.stream()
        .map(t -> new RecordEvaluation(t, t, null, "", "", "")).toList();
    MeetingRecord record = new MeetingRecord(meta, "Overleg " + seq, "2026-11-25", List.of(), "", checks, List.of(),
        List.of(), List.of(), List.of(), actions, "", "", "", evaluations, List.of(), List.of());
    return new Meeting("board-" + seq, seq, "Overleg " + seq, 1, record);
  }

  private static RecordGoalCheck check(String role, String verdict) {
    return new RecordGoalCheck(new RecordPerson("Iemand", role, role), verdict, "");
  }

  private static RecordAction action(String origin, String status, String due, String doneOn) {
    return new RecordAction("Actie " + origin, "", due, status, doneOn, origin);
  }
}
