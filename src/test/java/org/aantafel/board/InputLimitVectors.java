package org.aantafel.board;

import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inputLimits group of the shared rule vectors: how long what a person types into a form may be, as the server
 * checks it (the meeting's name at creation, one's name at joining, an e-mail address for the record);
 * webroot/js/input-limits.js must give the forms the same maxlength. The limits are private to the classes that
 * check them, so they are read from there rather than repeated here.
 */
final class InputLimitVectors {

  private InputLimitVectors() {
  }

  static void add(Map<String, Object> vectors) {
    Map<String, Object> limits = new LinkedHashMap<>();
    limits.put("boardTitle", constant("org.aantafel.web.BoardApi", "MAX_TITLE"));
    limits.put("joinName", constant("org.aantafel.sync.JoinRequest", "MAX_NAME"));
    limits.put("email", constant("org.aantafel.web.MailApi", "MAX_EMAIL"));
    vectors.put("inputLimits", List.of(Map.of("limits", limits)));
  }

  private static int constant(String className, String name) {
    try {
      Field field = Class.forName(className).getDeclaredField(name);
      field.setAccessible(true);
      return field.getInt(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(className + "." + name + " is where the server keeps this limit", e);
    }
  }
}
