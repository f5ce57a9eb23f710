package org.aantafel.record;

import java.util.List;

/**
 * The record as one XHTML document, shared by the page and the PDF so that both say exactly the same. The markup
 * is well-formed XML (openhtmltopdf parses it as such) and valid HTML5. Every typed string passes through
 * {@link HtmlText#escape}; nothing typed ever reaches the markup any other way. There are no scripts and no URLs.
 */
final class RecordXhtml {

  private static final String STYLE = """
      main, header, section, footer { display: block; }
      body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans",
        sans-serif; font-size: 16px; line-height: 1.45; color: #111; background: #fff; }
      main { max-width: 46em; margin: 0 auto; padding: 1em; }
      h1 { font-size: 1.6em; margin: 0 0 .2em; }
      h2 { font-size: 1.25em; margin: 1.4em 0 .4em; border-bottom: 1px solid #999; }
      h3 { font-size: 1.05em; margin: .8em 0 .2em; }
      p, li, dd, td { overflow-wrap: break-word; word-wrap: break-word; }
      .typed { white-space: pre-wrap; }
      .about { color: #333; margin: .1em 0; }
      .late { font-weight: bold; }
      ul { padding-left: 1.3em; }
      ol { padding-left: 2em; }
      table { border-collapse: collapse; width: 100%; }
      th, td { text-align: left; vertical-align: top; padding: .3em .4em .3em 0; border-bottom: 1px solid #ccc; }
      dt { font-weight: bold; }
      dd { margin: 0 0 .5em 0; }
      @page { size: A4; margin: 18mm 16mm; }
      @media screen and (max-width: 36em) {
        main { padding: .75em; }
        p, li, dd, td, dt, h1, h2, h3 { overflow-wrap: anywhere; }
        table, tbody, tr, td { display: block; width: auto; }
        thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
        tr { border-bottom: 1px solid #ccc; padding: .4em 0; }
        td { border: 0; padding: .1em 0; }
        td::before { content: attr(data-label) ": "; font-weight: bold; white-space: normal; }
      }
      @media print {
        body { font-size: 10.5pt; }
        main { max-width: none; padding: 0; }
        h2, h3 { page-break-after: avoid; }
        li, tr, dd { page-break-inside: avoid; }
      }
      """;

  private final MeetingRecord record;
  private final RecordLabels labels;
  private final StringBuilder out = new StringBuilder(8192);

  private RecordXhtml(MeetingRecord record) {
    this.record = record;
    this.labels = record.labels();
  }

  /** extraStyle is trusted CSS from the calling renderer (the PDF names its embedded font), never typed text. */
  static String render(MeetingRecord record, String extraStyle) {
    return new RecordXhtml(record).page(extraStyle);
  }

  /** The text of the page's one {@code <style>} element. */
  static String style(String extraStyle) {
    return STYLE + extraStyle;
  }

  private String page(String extraStyle) {
    String lang = labels.language();
    out.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"").append(lang)
        .append("\" xml:lang=\"").append(lang).append("\">\n<head>\n<meta charset=\"utf-8\"/>\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
        .append("<meta name=\"description\" content=\"").append(HtmlText.escape(description())).append("\"/>\n")
        // openhtmltopdf takes the PDF's subject from here, not from the description
        .append("<meta name=\"subject\" content=\"").append(HtmlText.escape(description())).append("\"/>\n")
        .append("<title>").append(HtmlText.escape(labels.text("record") + ": " + record.title()))
        .append("</title>\n<style>")
        .append(style(extraStyle)).append("</style>\n</head>\n<body>\n<main>\n");
    header();
    participants();
    goal();
    checkins();
    agenda();
    agreements();
    actions();
    followUp();
    evaluations();
    questions();
    polls();
    out.append("</main>\n</body>\n</html>\n");
    return out.toString();
  }

  /** Also the PDF's subject, which a tagged (PDF/UA) file must have. */
  private String description() {
    return labels.text("record") + ", " + labels.text("version") + " " + record.meta().version() + ", "
        + labels.date(record.date()) + ": " + record.title();
  }

  private void header() {
    RecordMeta meta = record.meta();
    out.append("<header>\n");
    element("h1", record.title());
    element("p", labels.text("record") + ", " + labels.text("version") + " " + meta.version(), "about");
    element("p", labels.text("date") + ": " + labels.date(record.date()), "about");
    element("p", labels.text("closedBy") + ": " + meta.closedBy(), "about");
    out.append("</header>\n");
  }

  private void participants() {
    open("participants");
    out.append("<ul>\n");
    record.participants().forEach(p -> {
      out.append("<li>");
      personInline(p);
      out.append("</li>\n");
    });
    out.append("</ul>\n");
    close();
  }

  private void goal() {
    open("goal");
    element("p", record.goal().isEmpty() ? labels.text("none") : record.goal(), "typed");
    if (!record.goalChecks().isEmpty()) {
      heading("h3", "goalChecks");
      out.append("<ul>\n");
      record.goalChecks().forEach(check -> {
        out.append("<li>");
        personInline(check.person());
        out.append(": <strong>").append(HtmlText.escape(labels.value("verdict", check.verdict())))
            .append("</strong>");
        if (!check.comment().isEmpty()) {
          out.append("<br/><span class=\"typed\">").append(HtmlText.escape(check.comment())).append("</span>");
        }
        out.append("</li>\n");
      });
      out.append("</ul>\n");
    }
    close();
  }

  private void checkins() {
    if (record.checkins().isEmpty()) {
      return;
    }
    open("checkins");
    out.append("<ul>\n");
    record.checkins().forEach(c -> {
      out.append("<li>");
      personInline(c.person());
      out.append("<br/><span class=\"typed\">").append(HtmlText.escape(c.text())).append("</span></li>\n");
    });
    out.append("</ul>\n");
    close();
  }

  private void agenda() {
    if (record.agenda().isEmpty()) {
      return;
    }
    open("agenda");
    out.append("<ol>\n");
    record.agenda().forEach(item -> {
      out.append("<li>\n");
      element("h3", item.title());
      element("p", RecordFacts.agendaFacts(item, labels), "about");
      if (item.late()) {
        element("p", labels.text("late"), "about late");
      }
      if (!item.notes().isEmpty()) {
        element("p", item.notes(), "typed");
      }
      out.append("</li>\n");
    });
    out.append("</ol>\n");
    close();
  }

  private void agreements() {
    stringList("agreements", record.agreements());
    stringList("disagreements", record.disagreements());
  }

  private void actions() {
    if (record.actions().isEmpty()) {
      return;
    }
    open("actions");
    out.append("<table>\n<thead><tr>");
    for (String key : List.of("what", "who", "due", "status")) {
      out.append("<th scope=\"col\">").append(HtmlText.escape(labels.text(key))).append("</th>");
    }
    out.append("</tr></thead>\n<tbody>\n");
    record.actions().forEach(a -> {
      out.append("<tr>");
      cell("what", a.what());
      cell("who", a.who());
      cell("due", labels.date(a.due()));
      cell("status", labels.value("status", a.status()));
      out.append("</tr>\n");
    });
    out.append("</tbody>\n</table>\n");
    close();
  }

  private void followUp() {
    if (record.lead().isEmpty() && record.evaluationDate().isEmpty() && record.consent().isEmpty()) {
      return;
    }
    open("followUp");
    out.append("<dl>\n");
    term("lead", record.lead());
    term("evaluationDate", labels.date(record.evaluationDate()));
    term("consent", record.consent());
    out.append("</dl>\n");
    close();
  }

  private void evaluations() {
    if (record.evaluations().isEmpty()) {
      return;
    }
    open("evaluations");
    record.evaluations().forEach(e -> {
      element("h3", e.topicLabel());
      element("p", labels.text("assignee") + ": " + (e.assignee() == null ? labels.text("nobody") : e.assignee()),
          "about");
      out.append("<dl>\n");
      term("howIsIt", e.howIsIt());
      term("goodAt", e.goodAt());
      term("couldBetter", e.couldBetter());
      out.append("</dl>\n");
    });
    close();
  }

  private void questions() {
    if (record.questions().isEmpty()) {
      return;
    }
    open("questions");
    out.append("<ul>\n");
    record.questions().forEach(q -> {
      out.append("<li><span class=\"typed\">").append(HtmlText.escape(q.text())).append("</span>");
      String facts = RecordFacts.questionFacts(q, labels);
      if (!facts.isEmpty()) {
        out.append("<br/><span class=\"about\">").append(HtmlText.escape(facts)).append("</span>");
      }
      out.append("</li>\n");
    });
    out.append("</ul>\n");
    close();
  }

  private void polls() {
    if (record.polls().isEmpty()) {
      return;
    }
    open("polls");
    record.polls().forEach(p -> {
      element("h3", p.question());
      element("p", RecordFacts.pollFacts(p, labels), "about");
      out.append("<ul>\n");
      p.options().forEach(o -> out.append("<li>").append(HtmlText.escape(RecordFacts.pollLine(o, p.answered(), labels)))
          .append("</li>\n"));
      out.append("</ul>\n");
    });
    close();
  }

  private void stringList(String key, List<String> items) {
    if (items.isEmpty()) {
      return;
    }
    open(key);
    out.append("<ul>\n");
    items.forEach(text -> out.append("<li class=\"typed\">").append(HtmlText.escape(text)).append("</li>\n"));
    out.append("</ul>\n");
    close();
  }

  private void personInline(RecordPerson person) {
    out.append("<strong>").append(HtmlText.escape(person.name())).append("</strong> (")
        .append(HtmlText.escape(person.roleLabel())).append(")");
  }

  /** A definition only when there is something to say: an empty answer is left out, in every format alike. */
  private void term(String key, String value) {
    if (value.isEmpty()) {
      return;
    }
    out.append("<dt>").append(HtmlText.escape(labels.text(key))).append("</dt><dd class=\"typed\">")
        .append(HtmlText.escape(value)).append("</dd>\n");
  }

  /** A cell names its column too: on a narrow screen the rows stack and each value says what it is. */
  private void cell(String key, String text) {
    out.append("<td class=\"typed\" data-label=\"").append(HtmlText.escape(labels.text(key))).append("\">")
        .append(HtmlText.escape(text)).append("</td>");
  }

  /** Sections are labelled by their heading, so a screen reader can list and jump between them. */
  private void open(String key) {
    out.append("<section aria-labelledby=\"").append(key).append("\">\n");
    out.append("<h2 id=\"").append(key).append("\">").append(HtmlText.escape(labels.text(key))).append("</h2>\n");
  }

  private void heading(String tag, String key) {
    element(tag, labels.text(key));
  }

  private void close() {
    out.append("</section>\n");
  }

  private void element(String tag, String text) {
    out.append('<').append(tag).append('>').append(HtmlText.escape(text)).append("</").append(tag).append(">\n");
  }

  private void element(String tag, String text, String cssClass) {
    out.append('<').append(tag).append(" class=\"").append(cssClass).append("\">").append(HtmlText.escape(text))
        .append("</").append(tag).append(">\n");
  }
}
