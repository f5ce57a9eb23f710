package org.aantafel.record;

import java.text.Normalizer;

/**
 * Each format's text as a reader sees it, for comparing content across formats: escapes undone, line breaks and
 * runs of spaces made one space (a PDF wraps lines where the page ends, Markdown where a hard break stands).
 */
final class FormatText {

  private FormatText() {
  }

  static String normalise(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("\\s+", " ").trim();
  }

  /**
   * A PDF's extracted text cannot tell a space from a place where a line wrapped, and a line may wrap inside a
   * word ("alert(1)<" | "/script>"): the PDF is compared without any whitespace.
   */
  static String withoutSpace(String text) {
    return normalise(text).replace(" ", "");
  }

  static String ofHtml(String html) {
    return normalise(decodeEntities(html));
  }

  static String ofMarkdown(String markdown) {
    String unescaped = markdown.replace("\\\n", "\n").replaceAll("\\\\(\\p{Punct})", "$1");
    return normalise(decodeEntities(unescaped));
  }

  /** The references our own escapers write; &amp; last, so that "&amp;lt;" stays the text "&lt;". */
  private static String decodeEntities(String text) {
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
        .replace("&amp;", "&");
  }
}
