package org.aantafel.record;

import org.aantafel.board.PlainText;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The stored, canonical form of a record: plain maps, lists, strings, numbers, booleans and null, so that any JSON
 * library (and PostgreSQL's jsonb, which does not keep key order) carries it unchanged.
 */
final class RecordJson {

  private RecordJson() {
  }

  static Map<String, Object> write(MeetingRecord r) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("format", MeetingRecord.FORMAT);
    json.put("meta", meta(r.meta()));
    json.put("title", r.title());
    json.put("date", r.date());
    json.put("participants", list(r.participants(), RecordJson::person));
    json.put("goal", r.goal());
    json.put("goalChecks", list(r.goalChecks(), c -> object(
        "person", person(c.person()), "verdict", c.verdict(), "comment", c.comment())));
    json.put("checkins", list(r.checkins(), c -> object("person", person(c.person()), "text", c.text())));
    json.put("agenda", list(r.agenda(), a -> object(
        "title", a.title(), "notes", a.notes(), "status", a.status(), "proposer", person(a.proposer()),
        "late", a.late(), "timeboxMinutes", a.timeboxMinutes())));
    json.put("agreements", r.agreements());
    json.put("disagreements", r.disagreements());
    json.put("actions", list(r.actions(), a -> object(
        "what", a.what(), "who", a.who(), "due", a.due(), "status", a.status(), "doneOn", a.doneOn(),
        "origin", a.origin())));
    json.put("lead", r.lead());
    json.put("evaluationDate", r.evaluationDate());
    json.put("consent", r.consent());
    json.put("evaluations", list(r.evaluations(), e -> object(
        "topic", e.topic(), "topicLabel", e.topicLabel(), "assignee", e.assignee(),
        "howIsIt", e.howIsIt(), "goodAt", e.goodAt(), "couldBetter", e.couldBetter())));
    json.put("questions", list(r.questions(), q -> object(
        "text", q.text(), "asker", person(q.asker()), "answered", q.answered(), "votes", q.votes())));
    json.put("polls", list(r.polls(), p -> object(
        "question", p.question(), "open", p.open(), "answered", p.answered(),
        "options", list(p.options(), o -> object("text", o.text(), "count", o.count())))));
    return json;
  }

  static MeetingRecord read(Map<String, ?> json) {
    Object format = json.get("format");
    if (!(format instanceof Number n) || n.intValue() != MeetingRecord.FORMAT) {
      throw new IllegalArgumentException("not a record of format " + MeetingRecord.FORMAT + ": " + format);
    }
    Json j = new Json(json);
    return new MeetingRecord(
        readMeta(j.object("meta")),
        j.string("title"),
        j.string("date"),
        j.list("participants", RecordJson::readPerson),
        j.string("goal"),
        j.list("goalChecks", c -> new RecordGoalCheck(
            readPerson(c.object("person")), c.string("verdict"), c.string("comment"))),
        j.list("checkins", c -> new RecordCheckin(readPerson(c.object("person")), c.string("text"))),
        j.list("agenda", a -> new RecordAgendaItem(a.string("title"), a.string("notes"), a.string("status"),
            readPerson(a.object("proposer")), a.bool("late"), a.integer("timeboxMinutes"))),
        j.strings("agreements"),
        j.strings("disagreements"),
        j.list("actions", a -> new RecordAction(a.string("what"), a.string("who"), a.string("due"),
            a.string("status"), a.stringOrEmpty("doneOn"), a.stringOrEmpty("origin"))),
        j.string("lead"),
        j.string("evaluationDate"),
        j.string("consent"),
        j.list("evaluations", e -> new RecordEvaluation(e.string("topic"), e.string("topicLabel"),
            e.string("assignee"), e.string("howIsIt"), e.string("goodAt"), e.string("couldBetter"))),
        j.list("questions", q -> new RecordQuestion(q.string("text"), readPerson(q.object("asker")),
            q.bool("answered"), q.integerOrZero("votes"))),
        // polls came after format 1 was first stored: an older record has none
        j.has("polls") ? j.list("polls", p -> new RecordPoll(p.string("question"), p.bool("open"),
            p.integer("answered"), p.list("options", o -> new RecordPoll.Option(o.string("text"), o.integer("count")))))
            : List.of());
  }

  private static Map<String, Object> meta(RecordMeta m) {
    return object("boardId", m.boardId(), "version", m.version(), "closedAt", m.closedAt().toString(),
        "closedBy", m.closedBy(), "language", m.language(), "seriesId", m.seriesId(),
        "previousBoardId", m.previousBoardId());
  }

  private static RecordMeta readMeta(Json m) {
    return new RecordMeta(m.string("boardId"), m.integer("version"), Instant.parse(m.string("closedAt")),
        m.string("closedBy"), m.string("language"), m.string("seriesId"), m.string("previousBoardId"));
  }

  private static Map<String, Object> person(RecordPerson p) {
    return p == null ? null : object("name", p.name(), "role", p.role(), "roleLabel", p.roleLabel());
  }

  private static RecordPerson readPerson(Json p) {
    return p == null ? null : new RecordPerson(p.string("name"), p.string("role"), p.string("roleLabel"));
  }

  private static <T> List<Object> list(List<T> items, Function<T, Object> write) {
    List<Object> out = new ArrayList<>();
    items.forEach(item -> out.add(write.apply(item)));
    return out;
  }

  /** An object from key, value pairs; unlike Map.of it keeps the order and allows null values. */
  private static Map<String, Object> object(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  /** Typed reads of one JSON object, with a clear message when a stored record is not what this code expects. */
  private record Json(Map<String, ?> map) {

    /**
     * Without direction controls: every format is rendered from a record read here, so none of them can show a name
     * or text disguised by one, also in records stored before names and titles refused them.
     */
    String string(String key) {
      Object value = map.get(key);
      if (value != null && !(value instanceof String)) {
        throw wrong(key, "a string");
      }
      return PlainText.withoutDirectionControls((String) value);
    }

    /** For fields added after format 1 was first stored: older versions read as "". */
    String stringOrEmpty(String key) {
      String value = string(key);
      return value == null ? "" : value;
    }

    boolean has(String key) {
      return map.get(key) != null;
    }

    boolean bool(String key) {
      return Boolean.TRUE.equals(map.get(key));
    }

    /** For counts added after format 1 was first stored: older versions read as 0. */
    int integerOrZero(String key) {
      Integer value = integer(key);
      return value == null ? 0 : value;
    }

    Integer integer(String key) {
      Object value = map.get(key);
      if (value != null && !(value instanceof Number)) {
        throw wrong(key, "a number");
      }
      return value == null ? null : ((Number) value).intValue();
    }

    Json object(String key) {
      Object value = map.get(key);
      if (value == null) {
        return null;
      }
      if (!(value instanceof Map<?, ?> inner)) {
        throw wrong(key, "an object");
      }
      return new Json(stringKeys(inner));
    }

    <T> List<T> list(String key, Function<Json, T> read) {
      List<T> out = new ArrayList<>();
      for (Object item : items(key)) {
        if (!(item instanceof Map<?, ?> inner)) {
          throw wrong(key, "a list of objects");
        }
        out.add(read.apply(new Json(stringKeys(inner))));
      }
      return out;
    }

    List<String> strings(String key) {
      List<String> out = new ArrayList<>();
      for (Object item : items(key)) {
        if (!(item instanceof String s)) {
          throw wrong(key, "a list of strings");
        }
        out.add(PlainText.withoutDirectionControls(s));
      }
      return out;
    }

    private List<?> items(String key) {
      Object value = map.get(key);
      if (!(value instanceof List<?> items)) {
        throw wrong(key, "a list");
      }
      return items;
    }

    private static Map<String, ?> stringKeys(Map<?, ?> inner) {
      Map<String, Object> out = new LinkedHashMap<>();
      inner.forEach((k, v) -> out.put(String.valueOf(k), v));
      return out;
    }

    private static IllegalArgumentException wrong(String key, String expected) {
      return new IllegalArgumentException("record field " + key + " must be " + expected);
    }
  }
}
