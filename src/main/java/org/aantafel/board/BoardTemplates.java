package org.aantafel.board;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kinds of meeting a board can start as (templates.json): which phases the meeting uses and which agenda items
 * are suggested, in Dutch and in English. Suggested items have no proposer, so the balance strip still shows that
 * the family has not yet added anything of their own.
 */
public final class BoardTemplates {

  private static final String RESOURCE = "/templates.json";
  private static final Map<String, Map<String, Object>> TEMPLATES = load();

  private BoardTemplates() {
  }

  /** The template names, in the order a page offers them. */
  public static List<String> names() {
    return List.copyOf(TEMPLATES.keySet());
  }

  /** The template's name shown to people, in the board language. */
  public static String displayName(String template, String language) {
    return translated(template(template).get("name"), language);
  }

  /** One plain sentence on what this kind of meeting is for, in the board language. */
  public static String purpose(String template, String language) {
    return translated(template(template).get("purpose"), language);
  }

  /** A new board in the "prepare" phase with the template's phases and suggested agenda items (400 when unknown). */
  public static BoardState create(String title, String language, String template) {
    Map<String, Object> spec = template(template);
    if (!BoardSchema.LANGUAGES.contains(language)) {
      throw BoardRejection.badInput("language must be one of " + BoardSchema.LANGUAGES);
    }
    Map<String, Object> board = new LinkedHashMap<>();
    board.put("title", title);
    board.put("goal", "");
    board.put("phase", "prepare");
    board.put("phases", spec.get("phases"));
    board.put("language", language);
    board.put("template", template);
    Map<String, Object> entities = new LinkedHashMap<>();
    String order = null;
    int number = 0;
    for (Object item : (List<?>) spec.get("agenda")) {
      order = OrderKey.between(order, null);
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("kind", "agendaItem");
      fields.put("title", translated(item, language));
      fields.put("order", order);
      fields.put("status", "open");
      entities.put("template-item-" + (++number), fields);
    }
    return BoardState.fromMap(Map.of("board", board, "entities", entities));
  }

  private static Map<String, Object> template(String name) {
    Map<String, Object> spec = name == null ? null : TEMPLATES.get(name);
    if (spec == null) {
      throw BoardRejection.badInput("unknown template: " + name + "; one of " + names());
    }
    return spec;
  }

  private static String translated(Object byLanguage, String language) {
    return (String) ((Map<?, ?>) byLanguage).get(language);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> load() {
    try (InputStream in = BoardTemplates.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      Map<String, Map<String, Object>> templates =
          (Map<String, Map<String, Object>>) ResourceJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      // The schema's list is what a board's "template" field accepts; the two must name the same templates.
      if (!List.copyOf(templates.keySet()).equals(BoardSchema.TEMPLATES)) {
        throw new IllegalStateException(RESOURCE + " must hold exactly the templates " + BoardSchema.TEMPLATES);
      }
      return templates;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
