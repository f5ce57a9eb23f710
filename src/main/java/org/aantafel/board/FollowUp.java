package org.aantafel.board;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The next meeting of a series, prepared from where this one ended: what was left open comes back, so nobody has to
 * remember it. Open actions return as actions still to do (each remembers the action it continues, so a series
 * can follow it to the end) and as one agenda item to review them; every disagreement returns as an agenda item to
 * continue; the lead for follow-up and the evaluation date are kept. The rest is the template's fresh start.
 */
public final class FollowUp {

  private static final int MAX_ITEM_TITLE = 300;
  private static final int MAX_NOTES = 10000;
  private static final Map<String, String> REVIEW_ACTIONS =
      Map.of("nl", "Openstaande acties nalopen", "en", "Review the open actions");
  private static final Map<String, String> CONTINUE =
      Map.of("nl", "Verder praten over: ", "en", "Continue: ");
  private static final Map<String, String> DUE = Map.of("nl", "uiterlijk", "en", "due");

  private final Map<String, Object> board;
  private final List<Map.Entry<String, Map<String, Object>>> live;
  private final Function<String, String> nameOf;
  private final String language;

  private FollowUp(Map<String, Object> previous, Function<String, String> nameOf) {
    this.board = asMap(previous.get("board"));
    this.live = new ArrayList<>();
    asMap(previous.get("entities")).forEach((id, entity) -> {
      Map<String, Object> fields = asMap(entity);
      if (!Removal.gone(fields)) {
        live.add(Map.entry(id, fields));
      }
    });
    live.sort(Comparator.<Map.Entry<String, Map<String, Object>>, String>comparing(e -> text(e.getValue(), "order"))
        .thenComparing(Map.Entry::getKey));
    this.nameOf = nameOf;
    this.language = BoardSchema.LANGUAGES.contains(board.get("language")) ? (String) board.get("language") : "nl";
  }

  /**
   * @param previous the board it follows, in the {@link BoardState#toMap()} shape
   * @param nameOf   the name of a participant of the previous board by id, or null: participant ids belong to one
   *                 board, so references to people are carried as names
   * @param title    the new board's title
   * @param scheduledAt "" or YYYY-MM-DDTHH:MM, when the next meeting takes place
   */
  public static BoardState next(Map<String, Object> previous, Function<String, String> nameOf, String title,
                                String scheduledAt) {
    return new FollowUp(previous, nameOf).build(title, scheduledAt);
  }

  private BoardState build(String title, String scheduledAt) {
    String template = BoardSchema.TEMPLATES.contains(board.get("template")) ? (String) board.get("template") : "empty";
    Map<String, Object> next = BoardTemplates.create(title, language, template).toMap();
    Map<String, Object> nextBoard = new LinkedHashMap<>(asMap(next.get("board")));
    nextBoard.put("lead", lead());
    nextBoard.put("evaluationDate", text(board, "evaluationDate"));
    nextBoard.put("scheduledAt", scheduledAt);

    Map<String, Object> entities = new LinkedHashMap<>();
    List<Map<String, Object>> agenda = new ArrayList<>();
    List<Map.Entry<String, Map<String, Object>>> openActions = ofKind("action").stream()
        .filter(e -> !"done".equals(e.getValue().get("status"))).toList();
    if (!openActions.isEmpty()) {
      agenda.add(agendaItem("followup-open-actions", REVIEW_ACTIONS.get(language), actionList(openActions)));
    }
    int number = 0;
    for (Map<String, Object> disagreement : ofKind("agreement").stream().map(Map.Entry::getValue)
        .filter(f -> "disagree".equals(f.get("stance"))).toList()) {
      String text = text(disagreement, "text");
      agenda.add(agendaItem("followup-continue-" + (++number), clip(CONTINUE.get(language) + text, MAX_ITEM_TITLE), text));
    }
    entities.putAll(reordered(agenda, asMap(next.get("entities"))));
    String order = null;
    number = 0;
    for (Map.Entry<String, Map<String, Object>> action : openActions) {
      order = OrderKey.between(order, null);
      entities.put("carried-" + (++number), carriedAction(action.getKey(), action.getValue(), order));
    }
    return BoardState.fromMap(Map.of("board", nextBoard, "entities", entities));
  }

  /** Carried items first, then the template's suggestions, in one fresh run of order keys. */
  private static Map<String, Object> reordered(List<Map<String, Object>> carried, Map<String, Object> suggested) {
    Map<String, Object> all = new LinkedHashMap<>();
    carried.forEach(item -> all.put((String) item.remove("id"), item));
    suggested.forEach(all::put);
    String order = null;
    for (Object item : all.values()) {
      order = OrderKey.between(order, null);
      asMap(item).put("order", order);
    }
    return all;
  }

  private static Map<String, Object> agendaItem(String id, String title, String notes) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("id", id);
    fields.put("kind", "agendaItem");
    fields.put("title", title);
    fields.put("notes", notes);
    fields.put("status", "open");
    return fields;
  }

  private Map<String, Object> carriedAction(String id, Map<String, Object> previous, String order) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("kind", "action");
    fields.put("what", text(previous, "what"));
    fields.put("who", who(previous));
    fields.put("order", order);
    fields.put("due", text(previous, "due"));
    fields.put("status", "open");
    // Always the first action of the chain, so every follow-up points at the same one.
    fields.put("carriedFrom", previous.get("carriedFrom") instanceof String first ? first : id);
    return fields;
  }

  private String actionList(List<Map.Entry<String, Map<String, Object>>> actions) {
    StringBuilder notes = new StringBuilder();
    for (Map.Entry<String, Map<String, Object>> action : actions) {
      Map<String, Object> f = action.getValue();
      notes.append("- ").append(text(f, "what"));
      String who = who(f);
      String due = text(f, "due");
      if (!who.isEmpty() || !due.isEmpty()) {
        notes.append(" (").append(who);
        notes.append(!who.isEmpty() && !due.isEmpty() ? ", " : "");
        notes.append(due.isEmpty() ? "" : DUE.get(language) + " " + due).append(')');
      }
      notes.append('\n');
    }
    return clip(notes.toString().strip(), MAX_NOTES);
  }

  private String who(Map<String, Object> action) {
    String name = action.get("whoParticipantId") instanceof String id ? nameOf.apply(id) : null;
    return name != null ? name : text(action, "who");
  }

  private String lead() {
    String name = board.get("leadParticipantId") instanceof String id ? nameOf.apply(id) : null;
    return name != null ? name : text(board, "lead");
  }

  private List<Map.Entry<String, Map<String, Object>>> ofKind(String kind) {
    return live.stream().filter(e -> kind.equals(e.getValue().get("kind"))).toList();
  }

  /** Shortens to what the field holds without cutting a character of two code units in half. */
  private static String clip(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = max - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }

  private static String text(Map<String, Object> fields, String field) {
    Object value = fields.get(field);
    return value == null ? "" : String.valueOf(value);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value) {
    if (!(value instanceof Map<?, ?> map)) {
      throw BoardRejection.badInput("expected an object in the board state");
    }
    return (Map<String, Object>) map;
  }
}
