package org.aantafel.record;

import java.util.List;

/** The record as Markdown: the same sections and words as the page, every typed string escaped. */
public final class RecordMarkdown {

  private final MeetingRecord record;
  private final RecordLabels labels;
  private final StringBuilder out = new StringBuilder(4096);

  private RecordMarkdown(MeetingRecord record) {
    this.record = record;
    this.labels = record.labels();
  }

  public static String render(MeetingRecord record) {
    return new RecordMarkdown(record).document();
  }

  private String document() {
    RecordMeta meta = record.meta();
    out.append("# ").append(MarkdownText.lines(record.title(), "")).append("\n\n");
    out.append(MarkdownText.escape(labels.text("record") + ", " + labels.text("version") + " " + meta.version()))
        .append("\\\n")
        .append(MarkdownText.escape(labels.text("date") + ": " + labels.date(record.date()))).append("\\\n")
        .append(MarkdownText.escape(labels.text("closedBy") + ": " + meta.closedBy())).append("\n");

    heading("## ", "participants");
    record.participants().forEach(p -> out.append("- ").append(person(p)).append('\n'));

    heading("## ", "goal");
    out.append(record.goal().isEmpty() ? labels.text("none") : MarkdownText.lines(record.goal(), "")).append('\n');
    if (!record.goalChecks().isEmpty()) {
      heading("### ", "goalChecks");
      record.goalChecks().forEach(c -> {
        out.append("- ").append(person(c.person())).append(": **")
            .append(MarkdownText.escape(labels.value("verdict", c.verdict()))).append("**");
        continuation(c.comment(), "  ");
        out.append('\n');
      });
    }

    if (!record.checkins().isEmpty()) {
      heading("## ", "checkins");
      record.checkins().forEach(c -> {
        out.append("- ").append(person(c.person()));
        continuation(c.text(), "  ");
        out.append('\n');
      });
    }

    agenda();
    stringList("agreements", record.agreements());
    stringList("disagreements", record.disagreements());
    actions();
    followUp();
    evaluations();
    questions();
    polls();
    return out.toString();
  }

  private void agenda() {
    if (record.agenda().isEmpty()) {
      return;
    }
    heading("## ", "agenda");
    int number = 1;
    for (RecordAgendaItem item : record.agenda()) {
      String indent = " ".repeat(String.valueOf(number).length() + 2);
      out.append(number++).append(". **").append(MarkdownText.lines(item.title(), indent)).append("**");
      continuation(RecordFacts.agendaFacts(item, labels), indent);
      if (item.late()) {
        out.append("\\\n").append(indent).append("**").append(MarkdownText.escape(labels.text("late"))).append("**");
      }
      continuation(item.notes(), indent);
      out.append('\n');
    }
  }

  private void actions() {
    if (record.actions().isEmpty()) {
      return;
    }
    heading("## ", "actions");
    record.actions().forEach(a -> {
      out.append("- ").append(MarkdownText.lines(a.what(), "  "));
      String facts = labels.text("who") + ": " + a.who()
          + (a.due().isEmpty() ? "" : " · " + labels.text("due") + ": " + labels.date(a.due()))
          + " · " + labels.text("status") + ": " + labels.value("status", a.status());
      continuation(facts, "  ");
      out.append('\n');
    });
  }

  private void followUp() {
    if (record.lead().isEmpty() && record.evaluationDate().isEmpty() && record.consent().isEmpty()) {
      return;
    }
    heading("## ", "followUp");
    term("lead", record.lead());
    term("evaluationDate", labels.date(record.evaluationDate()));
    term("consent", record.consent());
  }

  private void evaluations() {
    if (record.evaluations().isEmpty()) {
      return;
    }
    heading("## ", "evaluations");
    record.evaluations().forEach(e -> {
      // the section heading already ends in a blank line; after an answer list, one must be made
      if (out.charAt(out.length() - 2) != '\n') {
        out.append('\n');
      }
      out.append("### ").append(MarkdownText.escape(e.topicLabel())).append("\n\n");
      out.append(MarkdownText.escape(labels.text("assignee") + ": "
          + (e.assignee() == null ? labels.text("nobody") : e.assignee()))).append("\n\n");
      term("howIsIt", e.howIsIt());
      term("goodAt", e.goodAt());
      term("couldBetter", e.couldBetter());
    });
  }

  private void questions() {
    if (record.questions().isEmpty()) {
      return;
    }
    heading("## ", "questions");
    record.questions().forEach(q -> {
      out.append("- ").append(MarkdownText.lines(q.text(), "  "));
      continuation(RecordFacts.questionFacts(q, labels), "  ");
      out.append('\n');
    });
  }

  private void polls() {
    if (record.polls().isEmpty()) {
      return;
    }
    heading("## ", "polls");
    record.polls().forEach(p -> {
      if (out.charAt(out.length() - 2) != '\n') {
        out.append('\n');
      }
      out.append("### ").append(MarkdownText.lines(p.question(), "")).append("\n\n");
      out.append(MarkdownText.escape(RecordFacts.pollFacts(p, labels))).append("\n\n");
      p.options().forEach(o -> out.append("- ")
          .append(MarkdownText.lines(RecordFacts.pollLine(o, p.answered(), labels), "  ")).append('\n'));
    });
  }

  private void stringList(String key, List<String> items) {
    if (items.isEmpty()) {
      return;
    }
    heading("## ", key);
    items.forEach(text -> out.append("- ").append(MarkdownText.lines(text, "  ")).append('\n'));
  }

  /** A labelled answer as a list item; an empty one is left out, as in the page. */
  private void term(String key, String value) {
    if (value.isEmpty()) {
      return;
    }
    out.append("- **").append(MarkdownText.escape(labels.text(key))).append("**\\\n  ")
        .append(MarkdownText.lines(value, "  ")).append('\n');
  }

  private void continuation(String text, String indent) {
    if (!text.isEmpty()) {
      out.append("\\\n").append(indent).append(MarkdownText.lines(text, indent));
    }
  }

  private String person(RecordPerson person) {
    return "**" + MarkdownText.escape(person.name()) + "** (" + MarkdownText.escape(person.roleLabel()) + ")";
  }

  private void heading(String level, String key) {
    out.append('\n').append(level).append(MarkdownText.escape(labels.text(key))).append("\n\n");
  }
}
