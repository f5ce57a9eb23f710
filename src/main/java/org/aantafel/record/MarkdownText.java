package org.aantafel.record;

/**
 * Escaping of typed text for Markdown. Punctuation that can start emphasis, a link, an image, a heading, a list,
 * a table, code or an autolink is backslash-escaped; the characters that can start HTML become entity references,
 * so a typed tag is never raw HTML (which CommonMark would pass through) and a typed link is never a link.
 */
final class MarkdownText {

  private static final String BACKSLASHED = "\\`*_{}[]()#+-.!|~:=";

  private MarkdownText() {
  }

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '\r' -> { }
        default -> {
          if (BACKSLASHED.indexOf(c) >= 0) {
            out.append('\\');
          }
          out.append(c);
        }
      }
    }
    return out.toString();
  }

  /**
   * Typed text that may have several lines, kept inside the block it stands in: each line after the first is
   * indented by {@code indent} and joined by a hard break. Leading spaces are dropped (they would make a code
   * block) and so are empty lines (they would end the list item).
   */
  static String lines(String text, String indent) {
    StringBuilder out = new StringBuilder();
    for (String line : escape(text).split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      if (out.length() > 0) {
        out.append("\\\n").append(indent);
      }
      out.append(trimmed);
    }
    return out.toString();
  }
}
