package org.aantafel.board;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.aantafel.record.SeriesReport;

/**
 * The choices group of the shared rule vectors: the words of every field a browser sets to one of a few
 * ({@link ValueRule.OneOf} in {@link BoardSchema#STANDARD}; the server's stamps left out), the sides of the table
 * ({@link Side}) and the words the series report counts by ({@link SeriesReport.Verdicts},
 * {@link SeriesReport.Actions}). webroot/js/board/choices.js must declare the same, so that no page repeats them.
 */
final class ChoiceVectors {

  private ChoiceVectors() {
  }

  static void add(Map<String, Object> vectors) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("fields", fields());
    c.put("sides", Arrays.stream(Side.values()).map(s -> s.name().toLowerCase(Locale.ROOT)).toList());
    c.put("seriesVerdicts", components(SeriesReport.Verdicts.class));
    c.put("seriesOutcomes", components(SeriesReport.Actions.class));
    vectors.put("choices", List.of(c));
  }

  /** Kind to field to its words, for every kind with such a field, the board's first. */
  static Map<String, Object> fields() {
    Map<String, Object> kinds = new LinkedHashMap<>();
    List<EntityKind> all = new java.util.ArrayList<>(List.of(BoardSchema.STANDARD.board()));
    all.addAll(BoardSchema.STANDARD.creatableKinds());
    for (EntityKind kind : all) {
      Map<String, Object> fields = new LinkedHashMap<>();
      for (FieldSpec field : kind.fields().values()) {
        if (!field.isStamped() && field.rule() instanceof ValueRule.OneOf oneOf) {
          fields.put(field.name(), oneOf.values());
        }
      }
      if (!fields.isEmpty()) {
        kinds.put(kind.name(), fields);
      }
    }
    return kinds;
  }

  /** The series report's counts are written with the names of these records' components, in this order. */
  private static List<String> components(Class<? extends Record> type) {
    return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
  }
}
