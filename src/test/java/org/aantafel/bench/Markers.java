package org.aantafel.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Each edit inserts one unique marker: the client's tag, its edit number in base 36, and ';'. Edits are inserted
 * only at marker boundaries, and transforms move whole inserts, so the final text is a sequence of whole markers
 * that can be checked one by one.
 */
final class Markers {
  private static final Pattern MARKER = Pattern.compile("[A-Z]*[a-z][0-9a-z]+");

  private Markers() {
  }

  /**
   * A client's tag: one lower-case letter for the first 26 (a board of a few people), capitals before it beyond
   * that. The tag ends at its only lower-case letter, so no tag + number can be read as another tag + number.
   */
  static String tag(int index) {
    StringBuilder tag = new StringBuilder().append((char) ('a' + index % 26));
    for (int rest = index / 26; rest > 0; rest = (rest - 1) / 26) {
      tag.insert(0, (char) ('A' + (rest - 1) % 26));
    }
    return tag.toString();
  }

  static String marker(String tag, long number) {
    return tag + Long.toString(number, 36) + ";";
  }

  /** The markers of a text, in order, without the ';'. */
  static List<String> parse(String text) {
    List<String> found = new ArrayList<>();
    for (String token : text.split(";")) {
      if (MARKER.matcher(token).matches()) {
        found.add(token);
      }
    }
    return found;
  }

  /** Where a marker (without its ';') starts in a text of whole markers, or -1. */
  static int find(String text, String marker) {
    String whole = marker + ";";
    for (int at = 0; at >= 0 && at < text.length(); at = text.indexOf(';', at) + 1) {
      if (text.startsWith(whole, at)) {
        return at;
      }
      if (text.indexOf(';', at) < 0) {
        break;
      }
    }
    return -1;
  }

  /** Whether a marker (without its ';') is one of the client with this tag, which ends at its lower-case letter. */
  static boolean ofTag(String marker, String tag) {
    for (int i = 0; i < marker.length(); i++) {
      if (Character.isLowerCase(marker.charAt(i))) {
        return marker.substring(0, i + 1).equals(tag);
      }
    }
    return false;
  }

  /** A random insertion point at a marker boundary: 0, or just after a ';'. */
  static int randomBoundary(String text, java.util.Random random) {
    int count = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == ';') {
        count++;
      }
    }
    int pick = random.nextInt(count + 1);
    if (pick == 0) {
      return 0;
    }
    int seen = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == ';' && ++seen == pick) {
        return i + 1;
      }
    }
    return text.length();
  }
}
