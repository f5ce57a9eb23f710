package org.aantafel.record;

/** The record page: standalone HTML5 that reads on a phone and prints cleanly, with no scripts and no URLs. */
public final class RecordHtml {

  private RecordHtml() {
  }

  public static String render(MeetingRecord record) {
    return RecordXhtml.render(record, "");
  }
}
