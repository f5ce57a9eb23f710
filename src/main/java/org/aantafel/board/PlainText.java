package org.aantafel.board;

/**
 * Names and titles are shown to other people, in lists, records and e-mail. Unicode's direction controls are
 * invisible and reorder the characters around them, so "Zorg\u202Eoverleg" would display as something else than
 * it says (the classic trick behind "invoice\u202Efdp.exe"). Names and titles never need them: a right-to-left
 * name displays correctly without them, by the Unicode bidirectional algorithm alone.
 */
public final class PlainText {

  private PlainText() {
  }

  /** Without the embeddings and overrides U+202A..U+202E, the isolates U+2066..U+2069 and the marks LRM, RLM, ALM. */
  public static String withoutDirectionControls(String text) {
    if (text == null || !hasDirectionControls(text)) {
      return text;
    }
    StringBuilder plain = new StringBuilder(text.length());
    text.chars().filter(c -> !isDirectionControl(c)).forEach(c -> plain.append((char) c));
    return plain.toString();
  }

  public static boolean hasDirectionControls(String text) {
    return text.chars().anyMatch(PlainText::isDirectionControl);
  }

  private static boolean isDirectionControl(int c) {
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
      || c == 0x200E || c == 0x200F || c == 0x061C;
  }
}
