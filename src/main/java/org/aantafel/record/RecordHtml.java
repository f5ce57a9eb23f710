package org.aantafel.record;

/** The record page: standalone HTML5 that reads on a phone and prints cleanly, with no scripts and no URLs. */
public final class RecordHtml {

  /** The record page in the browser puts links to the rest of the series above the record; paper needs none. */
  private static final String SERIES_LINKS = """
      nav { max-width: 46em; margin: 0 auto; padding: .5em 1em 0; }
      @media print { nav { display: none; } }
      """;

  private RecordHtml() {
  }

  /** The page's one inline stylesheet, exactly as rendered, for the Content-Security-Policy to allow by hash. */
  public static String inlineStyle() {
    return RecordXhtml.style(SERIES_LINKS);
  }

  public static String render(MeetingRecord record) {
    return RecordXhtml.render(record, SERIES_LINKS);
  }
}
