package org.aantafel.record;

/**
 * Escaping of typed text for HTML and XHTML, the OWASP rule for element content and quoted attribute values:
 * the five characters that can end a text or an attribute become references. Characters XML does not allow at
 * all (most control characters) become U+FFFD, so that the same markup also parses as XHTML for the PDF.
 */
final class HtmlText {

  private HtmlText() {
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
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
            out.append(c).append(text.charAt(++i));
          } else {
            out.append(allowedInXml(c) ? c : '\uFFFD');
          }
        }
      }
    }
    return out.toString();
  }

  /** A lone surrogate is not a character either; a pair was taken whole above. */
  private static boolean allowedInXml(char c) {
    return (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xFFFD)) && !Character.isSurrogate(c);
  }
}
