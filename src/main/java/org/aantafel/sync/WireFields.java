package org.aantafel.sync;

import io.vertx.core.json.JsonObject;
import org.aantafel.board.PlainText;

import java.util.regex.Pattern;

/** Strict reading of the fields of an incoming message: a wrong type or shape is a 400 with the field's name. */
final class WireFields {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  /** The bridge marks frames it refuses (too many, too large); they are answered here like any other failure. */
  static void refuseIfMarked(io.vertx.core.eventbus.Message<?> message) {
    String refusal = message.headers().get(Addresses.H_REFUSAL);
    if (refusal != null) {
      throw Refusals.failure(refusal);
    }
  }

  static JsonObject body(Object body) {
    if (body instanceof JsonObject json) {
      return json;
    }
    throw bad("the message must be a JSON object");
  }

  static String id(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (value instanceof String s && ID.matcher(s).matches()) {
      return s;
    }
    throw bad(field + " must be 1 to 64 letters, digits, '-' or '_'");
  }

  static String optionalText(JsonObject body, String field, int maxLength) {
    Object value = body.getValue(field);
    if (value == null) {
      return null;
    }
    if (value instanceof String s && s.length() <= maxLength) {
      String trimmed = s.strip();
      return trimmed.isEmpty() ? null : trimmed;
    }
    throw bad(field + " must be text of at most " + maxLength + " characters");
  }

  /** Like {@link #optionalText}, for a name others see: without direction controls, which could disguise it. */
  static String optionalPlainText(JsonObject body, String field, int maxLength) {
    String text = optionalText(body, field, maxLength);
    String plain = text == null ? null : PlainText.withoutDirectionControls(text).strip();
    return plain == null || plain.isEmpty() ? null : plain;
  }

  static long nonNegative(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (value instanceof Number n && n.doubleValue() == n.longValue() && n.longValue() >= 0) {
      return n.longValue();
    }
    throw bad(field + " must be a whole number of at least 0");
  }

  static Long optionalNonNegative(JsonObject body, String field) {
    return body.getValue(field) == null ? null : nonNegative(body, field);
  }

  static Refusal bad(String message) {
    return new Refusal(Refusal.BAD_INPUT, message);
  }

  private WireFields() {
  }
}
