package org.aantafel.board;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small reader for JSON files this package ships as resources (objects, arrays, strings, booleans, null and
 * whole numbers). It keeps the domain free of a JSON library; it is not meant for input from the network.
 */
final class ResourceJson {

  private final String text;
  private int at;

  private ResourceJson(String text) {
    this.text = text;
  }

  static Object parse(String text) {
    ResourceJson reader = new ResourceJson(text);
    Object value = reader.value();
    reader.skipSpace();
    if (reader.at != text.length()) {
      throw reader.error("text after the value");
    }
    return value;
  }

  private Object value() {
    skipSpace();
    if (at >= text.length()) {
      throw error("a value");
    }
    char c = text.charAt(at);
    return switch (c) {
      case '{' -> object();
      case '[' -> array();
      case '"' -> string();
      default -> word();
    };
  }

  private Map<String, Object> object() {
    Map<String, Object> map = new LinkedHashMap<>();
    at++;
    if (peekAfterSpace() == '}') {
      at++;
      return map;
    }
    do {
      skipSpace();
      String key = string();
      expect(':');
      map.put(key, value());
    } while (nextIs(','));
    expect('}');
    return map;
  }

  private List<Object> array() {
    List<Object> list = new ArrayList<>();
    at++;
    if (peekAfterSpace() == ']') {
      at++;
      return list;
    }
    do {
      list.add(value());
    } while (nextIs(','));
    expect(']');
    return list;
  }

  private String string() {
    if (text.charAt(at) != '"') {
      throw error("a string");
    }
    StringBuilder out = new StringBuilder();
    for (at++; text.charAt(at) != '"'; at++) {
      char c = text.charAt(at);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char escaped = text.charAt(++at);
      switch (escaped) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'u' -> {
          out.append((char) Integer.parseInt(text.substring(at + 1, at + 5), 16));
          at += 4;
        }
        default -> out.append(escaped);
      }
    }
    at++;
    return out.toString();
  }

  private Object word() {
    int start = at;
    while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '-')) {
      at++;
    }
    String word = text.substring(start, at);
    return switch (word) {
      case "true" -> true;
      case "false" -> false;
      case "null" -> null;
      default -> {
        try {
          yield Long.parseLong(word);
        } catch (NumberFormatException e) {
          throw error("a value");
        }
      }
    };
  }

  private void skipSpace() {
    while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
      at++;
    }
  }

  private char peekAfterSpace() {
    skipSpace();
    return at < text.length() ? text.charAt(at) : 0;
  }

  private boolean nextIs(char c) {
    if (peekAfterSpace() == c) {
      at++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!nextIs(c)) {
      throw error("'" + c + "'");
    }
  }

  private IllegalStateException error(String expected) {
    return new IllegalStateException("bad JSON resource: expected " + expected + " at character " + at);
  }
}
