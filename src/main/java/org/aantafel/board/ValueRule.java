package org.aantafel.board;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** What a value field accepts. A rule throws the rejection itself, so it can choose between 400 and 413. */
@FunctionalInterface
public interface ValueRule {

  void check(String field, Object value);

  static ValueRule oneOf(String... allowed) {
    return oneOf(List.of(allowed));
  }

  static ValueRule oneOf(List<String> allowed) {
    return new OneOf(List.copyOf(allowed));
  }

  /** One of a few words: a record, so the choices can be read (the browser's board/choices.js holds the same). */
  record OneOf(List<String> values) implements ValueRule {
    @Override
    public void check(String field, Object value) {
      if (!(value instanceof String) || !values.contains(value)) {
        throw BoardRejection.badInput(field + " must be one of " + values);
      }
    }
  }

  static ValueRule string(int maxLength) {
    return (field, value) -> {
      if (!(value instanceof String s)) {
        throw BoardRejection.badInput(field + " must be a string");
      }
      if (s.length() > maxLength) {
        throw new BoardRejection(413, field + " is longer than " + maxLength);
      }
    };
  }

  static ValueRule orderKey() {
    return (field, value) -> {
      if (!(value instanceof String s) || !OrderKey.isValid(s)) {
        throw BoardRejection.badInput(field + " must be an order key");
      }
    };
  }

  /** "" for no date, else a real calendar date written YYYY-MM-DD. */
  static ValueRule isoDateOrEmpty() {
    return (field, value) -> {
      if ("".equals(value)) {
        return;
      }
      if (value instanceof String s && s.matches("\\d{4}-\\d{2}-\\d{2}")) {
        try {
          LocalDate.parse(s);
          return;
        } catch (DateTimeParseException e) {
          // falls through to the rejection below
        }
      }
      throw BoardRejection.badInput(field + " must be \"\" or a date YYYY-MM-DD");
    };
  }

  /** "" for not planned, else a real local date and time written YYYY-MM-DDTHH:MM (the school's own time zone). */
  static ValueRule localDateTimeOrEmpty() {
    return (field, value) -> {
      if ("".equals(value)) {
        return;
      }
      if (value instanceof String s && s.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}")) {
        try {
          java.time.LocalDateTime.parse(s);
          return;
        } catch (DateTimeParseException e) {
          // falls through to the rejection below
        }
      }
      throw BoardRejection.badInput(field + " must be \"\" or a date and time YYYY-MM-DDTHH:MM");
    };
  }

  static ValueRule bool() {
    return (field, value) -> {
      if (!(value instanceof Boolean)) {
        throw BoardRejection.badInput(field + " must be true or false");
      }
    };
  }

  /** A whole number from min to max; JSON decoders give Integer or Long, so both count. */
  static ValueRule integerBetween(long min, long max) {
    return (field, value) -> {
      if (!(value instanceof Integer || value instanceof Long) || ((Number) value).longValue() < min
          || ((Number) value).longValue() > max) {
        throw BoardRejection.badInput(field + " must be a whole number from " + min + " to " + max);
      }
    };
  }

  /** The id of an entity or of a participant: the shape of {@link EntityId}, so it is safe in URLs and ids. */
  static ValueRule id() {
    return (field, value) -> {
      if (!(value instanceof String s)) {
        throw BoardRejection.badInput(field + " must be an id");
      }
      EntityId.check(s);
    };
  }

  /** Comma-separated known phases, each once, in the canonical order of {@code phases}: "prepare,agenda,closed". */
  static ValueRule phaseList(List<String> phases) {
    return (field, value) -> {
      if (!(value instanceof String s) || s.isEmpty()) {
        throw BoardRejection.badInput(field + " must list phases, separated by commas");
      }
      int previous = -1;
      for (String phase : s.split(",", -1)) {
        int index = phases.indexOf(phase);
        if (index < 0) {
          throw BoardRejection.badInput(field + ": unknown phase " + phase);
        }
        if (index <= previous) {
          throw BoardRejection.badInput(field + " must list each phase once, in the order " + phases);
        }
        previous = index;
      }
    };
  }

  /** The same rule, and null is also allowed (for "not known"). */
  default ValueRule orNull() {
    return (field, value) -> {
      if (value != null) {
        check(field, value);
      }
    };
  }
}
