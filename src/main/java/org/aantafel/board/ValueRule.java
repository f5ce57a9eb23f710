package org.aantafel.board;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** What a value field accepts. A rule throws the rejection itself, so it can choose between 400 and 413. */
@FunctionalInterface
public interface ValueRule {

  void check(String field, Object value);

  static ValueRule oneOf(String... allowed) {
    List<String> values = List.of(allowed);
    return (field, value) -> {
      if (!(value instanceof String) || !values.contains(value)) {
        throw BoardRejection.badInput(field + " must be one of " + values);
      }
    };
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

  /** The same rule, and null is also allowed (for "not known"). */
  default ValueRule orNull() {
    return (field, value) -> {
      if (value != null) {
        check(field, value);
      }
    };
  }
}
