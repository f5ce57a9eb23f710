package org.aantafel.record;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.aantafel.board.PraatplaatTopic;
import org.aantafel.board.Role;
import org.aantafel.board.Side;

/**
 * How a series of meetings went, read from the newest record of each closed meeting: whether each side of the table
 * went home with the goal met, whether the actions agreed were done on time, and which praatplaat topics the
 * collaboration was evaluated on. Plain data for the series page; nothing here reads a live board.
 */
public final class SeriesReport {

  /** One meeting of the series; record is null while it was never closed. */
  public record Meeting(String boardId, int seq, String title, int version, MeetingRecord record) {}

  /** Goal checks of one side in one meeting (or over the series). */
  public record Verdicts(int met, int partly, int not) {
    Verdicts plus(String verdict) {
      return switch (verdict) {
        case "met" -> new Verdicts(met + 1, partly, not);
        case "partly" -> new Verdicts(met, partly + 1, not);
        case "not" -> new Verdicts(met, partly, not + 1);
        default -> this;
      };
    }

    Verdicts plus(Verdicts other) {
      return new Verdicts(met + other.met, partly + other.partly, not + other.not);
    }

    public int total() {
      return met + partly + not;
    }
  }

  /**
   * What became of the actions agreed in a meeting, followed through the later meetings that carried them on: done by
   * the due date (or done with none), done after it, still open past it, still open and not yet due.
   */
  public record Actions(int onTime, int late, int overdue, int open) {
    Actions plus(Actions other) {
      return new Actions(onTime + other.onTime, late + other.late, overdue + other.overdue, open + other.open);
    }

    public int total() {
      return onTime + late + overdue + open;
    }
  }

  private static final List<Side> SIDES = List.of(Side.FAMILY, Side.SCHOOL, Side.CARE, Side.OTHER);

  private final List<Meeting> meetings;
  private final LocalDate today;

  private SeriesReport(List<Meeting> meetings, LocalDate today) {
    this.meetings = List.copyOf(meetings);
    this.today = today;
  }

  /** @param today the date in the school's time zone, to tell open actions past their due date */
  public static SeriesReport of(List<Meeting> meetings, LocalDate today) {
    return new SeriesReport(meetings, today);
  }

  /** Goal checks per side, per closed meeting in series order. */
  public Map<Integer, Map<Side, Verdicts>> goalBySide() {
    Map<Integer, Map<Side, Verdicts>> bySeq = new LinkedHashMap<>();
    for (Meeting meeting : closed()) {
      Map<Side, Verdicts> sides = emptySides();
      for (RecordGoalCheck check : meeting.record().goalChecks()) {
        Side side = Role.find(check.person().role()).map(Role::side).orElse(Side.OTHER);
        sides.put(side, sides.get(side).plus(check.verdict()));
      }
      bySeq.put(meeting.seq(), sides);
    }
    return bySeq;
  }

  /** Goal checks per side over the whole series. */
  public Map<Side, Verdicts> goalTotals() {
    Map<Side, Verdicts> totals = emptySides();
    goalBySide().values().forEach(sides -> sides.forEach((side, v) -> totals.put(side, totals.get(side).plus(v))));
    return totals;
  }

  /** Goal checks per role over the whole series, in the order of the roles; roles nobody had are left out. */
  public Map<Role, Verdicts> goalByRole() {
    Map<Role, Verdicts> byRole = new LinkedHashMap<>();
    for (Role role : Role.values()) {
      Verdicts verdicts = new Verdicts(0, 0, 0);
      for (Meeting meeting : closed()) {
        for (RecordGoalCheck check : meeting.record().goalChecks()) {
          if (Role.find(check.person().role()).orElse(Role.OTHER) == role) {
            verdicts = verdicts.plus(check.verdict());
          }
        }
      }
      if (verdicts.total() > 0) {
        byRole.put(role, verdicts);
      }
    }
    return byRole;
  }

  /**
   * The actions agreed in each closed meeting, each judged by its newest state in the series: an action carried
   * into a later meeting counts once, for the meeting where it was first agreed.
   */
  public Map<Integer, Actions> actionsByMeeting() {
    Map<String, Integer> firstAgreed = new LinkedHashMap<>();
    Map<String, RecordAction> newest = new LinkedHashMap<>();
    for (Meeting meeting : closed()) {
      for (RecordAction action : meeting.record().actions()) {
        String origin = action.origin().isEmpty() ? meeting.boardId() + "/" + action.what() : action.origin();
        firstAgreed.putIfAbsent(origin, meeting.seq());
        newest.put(origin, action);
      }
    }
    Map<Integer, Actions> bySeq = new LinkedHashMap<>();
    closed().forEach(meeting -> bySeq.put(meeting.seq(), new Actions(0, 0, 0, 0)));
    firstAgreed.forEach((origin, seq) -> bySeq.put(seq, bySeq.get(seq).plus(outcome(newest.get(origin)))));
    return bySeq;
  }

  public Actions actionTotals() {
    return actionsByMeeting().values().stream().reduce(new Actions(0, 0, 0, 0), Actions::plus);
  }

  /** Which praatplaat topics each closed meeting evaluated, in the poster's order. */
  public Map<Integer, List<PraatplaatTopic>> evaluatedTopics() {
    Map<Integer, List<PraatplaatTopic>> bySeq = new LinkedHashMap<>();
    for (Meeting meeting : closed()) {
      List<PraatplaatTopic> topics = new ArrayList<>();
      for (PraatplaatTopic topic : PraatplaatTopic.values()) {
        if (meeting.record().evaluations().stream().anyMatch(e -> e.topic().equals(topic.wire()))) {
          topics.add(topic);
        }
      }
      bySeq.put(meeting.seq(), topics);
    }
    return bySeq;
  }

  /** The report as the series API sends it. */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    List<Object> list = new ArrayList<>();
    for (Meeting meeting : meetings) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("boardId", meeting.boardId());
      m.put("seq", meeting.seq());
      m.put("title", meeting.title());
      m.put("version", meeting.version());
      m.put("date", meeting.record() == null ? null : meeting.record().date());
      list.add(m);
    }
    json.put("meetings", list);
    Map<String, Object> goal = new LinkedHashMap<>();
    goalBySide().forEach((seq, sides) -> goal.put(String.valueOf(seq), sidesJson(sides)));
    json.put("goalBySide", goal);
    json.put("goalTotals", sidesJson(goalTotals()));
    Map<String, Object> roles = new LinkedHashMap<>();
    goalByRole().forEach((role, v) -> roles.put(role.wire(), verdictsJson(v)));
    json.put("goalByRole", roles);
    Map<String, Object> actions = new LinkedHashMap<>();
    actionsByMeeting().forEach((seq, a) -> actions.put(String.valueOf(seq), actionsJson(a)));
    json.put("actions", actions);
    json.put("actionTotals", actionsJson(actionTotals()));
    Map<String, Object> topics = new LinkedHashMap<>();
    evaluatedTopics().forEach((seq, evaluated) -> topics.put(String.valueOf(seq),
        evaluated.stream().map(PraatplaatTopic::wire).toList()));
    json.put("evaluatedTopics", topics);
    return json;
  }

  /** One action as a count of one in the column it belongs to. */
  private Actions outcome(RecordAction action) {
    LocalDate due = action.due().isEmpty() ? null : LocalDate.parse(action.due());
    if ("done".equals(action.status())) {
      // Records stored before done dates were kept have none: counted as on time rather than guessed late.
      boolean late = due != null && !action.doneOn().isEmpty() && LocalDate.parse(action.doneOn()).isAfter(due);
      return late ? new Actions(0, 1, 0, 0) : new Actions(1, 0, 0, 0);
    }
    return due != null && due.isBefore(today) ? new Actions(0, 0, 1, 0) : new Actions(0, 0, 0, 1);
  }

  private List<Meeting> closed() {
    return meetings.stream().filter(m -> m.record() != null).toList();
  }

  private static Map<Side, Verdicts> emptySides() {
    Map<Side, Verdicts> sides = new LinkedHashMap<>();
    SIDES.forEach(side -> sides.put(side, new Verdicts(0, 0, 0)));
    return sides;
  }

  private static Map<String, Object> sidesJson(Map<Side, Verdicts> sides) {
    Map<String, Object> json = new LinkedHashMap<>();
    sides.forEach((side, v) -> json.put(side.name().toLowerCase(Locale.ROOT), verdictsJson(v)));
    return json;
  }

  private static Map<String, Object> verdictsJson(Verdicts v) {
    return Map.of("met", v.met(), "partly", v.partly(), "not", v.not());
  }

  private static Map<String, Object> actionsJson(Actions a) {
    return Map.of("onTime", a.onTime(), "late", a.late(), "overdue", a.overdue(), "open", a.open());
  }
}
