package org.aantafel.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

class RecordFormatsTest {

  private final MeetingRecord record = ZorgoverlegBoard.record();
  private final String html = RecordHtml.render(record);
  private final String markdown = RecordMarkdown.render(record);

  @Test
  void everyFormatCarriesTheSameContent() {
    // The stored JSON holds values as typed and wire values (a verdict, a date) where the others print words.
    Set<String> jsonValues = new HashSet<>();
    collectStrings(new JsonObject(new JsonObject(record.toJson()).encode()).getMap(), jsonValues);
    Map<String, String> formats = Map.of(
        "html", FormatText.ofHtml(html),
        "markdown", FormatText.ofMarkdown(markdown),
        "pdf", FormatText.withoutSpace(PdfText.text(RecordPdf.render(record))));
    List<String> missing = new ArrayList<>();
    for (Content content : contentOf(record)) {
      if (!jsonValues.contains(content.stored())) {
        missing.add("json: " + content.stored());
      }
      formats.forEach((format, text) -> {
        String wanted = format.equals("pdf")
            ? FormatText.withoutSpace(content.shown()) : FormatText.normalise(content.shown());
        if (!text.contains(wanted)) {
          missing.add(format + ": " + wanted);
        }
      });
    }
    assertTrue(missing.isEmpty(), () -> "missing:\n" + String.join("\n", missing));
  }

  @Test
  void typedHtmlIsEscapedInThePage() {
    assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), html);
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
    assertFalse(html.contains("<a "), "the page has no links at all");
    assertFalse(html.contains("http://") && !html.contains("http://www.w3.org/1999/xhtml"), "no URLs");
  }

  @Test
  void thePageIsStandaloneAndAccessible() {
    assertTrue(html.startsWith("<!DOCTYPE html>"));
    assertTrue(html.contains("lang=\"nl\""));
    assertTrue(html.contains("name=\"viewport\""));
    assertTrue(html.contains("@media print"));
    assertFalse(html.contains("https://"), "no third-party URLs");
    assertFalse(html.toLowerCase(Locale.ROOT).contains("<link"), "styles are inline");
  }

  @Test
  void thePageIsWellFormedXmlAsThePdfNeedsIt() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.newDocumentBuilder().parse(new InputSource(new StringReader(html)));
  }

  @Test
  void anEnglishRecordSpeaksEnglish() {
    RecordMeta meta = ZorgoverlegBoard.META;
    MeetingRecord english = MeetingRecord.of(ZorgoverlegBoard.state(), ZorgoverlegBoard.PARTICIPANTS,
        new RecordMeta(meta.boardId(), meta.version(), meta.closedAt(), meta.closedBy(), "en", null, null));
    String page = RecordHtml.render(english);
    assertTrue(page.contains("lang=\"en\""));
    for (String words : List.of("What we do not (yet) agree on", "care coordinator", "Think from the child",
        "partly met", "added late", "25 November 2026")) {
      assertTrue(page.contains(words), words);
      assertTrue(FormatText.ofMarkdown(RecordMarkdown.render(english)).contains(words), words);
    }
  }

  @Test
  void typedMarkupIsEscapedInMarkdown() {
    assertFalse(markdown.toLowerCase(Locale.ROOT).contains("<script"), markdown);
    assertTrue(markdown.contains("&lt;script&gt;"), markdown);
    assertFalse(markdown.contains(ZorgoverlegBoard.LINK), markdown);
    assertTrue(markdown.contains("\\[x\\]\\(javascript\\:alert\\(1\\)\\)"), markdown);
  }

  @Test
  void pollsAreInTheRecordWithTheirCountsInWords() {
    assertTrue(FormatText.ofHtml(html).contains("2 van de 3 kozen: Ik kom"), html);
    assertTrue(FormatText.ofHtml(html).contains("0 van de 3 kozen: Ik kom niet"), html);
    assertTrue(FormatText.ofHtml(html).contains("1 van de 3 koos: Misschien <b>later</b>"), html);
    assertTrue(FormatText.ofMarkdown(markdown).contains("1 van de 3 koos: Misschien <b>later</b>"), markdown);
    assertFalse(html.contains("Nooit gesteld"), "a poll never asked is not part of the meeting");
    assertEquals(List.of(2, 0, 1), record.polls().get(0).options().stream().map(RecordPoll.Option::count).toList());
  }

  @Test
  void lateItemsAreMarkedInEveryFormat() {
    assertTrue(FormatText.ofHtml(html).contains("later toegevoegd"));
    assertTrue(FormatText.ofMarkdown(markdown).contains("later toegevoegd"));
  }

  /** One piece of content: as the page, Markdown and PDF show it, and as the JSON stores it. */
  record Content(String shown, String stored) {
    static Content typed(String text) {
      return new Content(text, text);
    }
  }

  /** Every string people typed or the record resolved, and the values that carry meaning (verdicts, dates). */
  static List<Content> contentOf(MeetingRecord r) {
    RecordLabels labels = r.labels();
    List<Content> content = new ArrayList<>();
    List.of(r.title(), r.goal(), r.lead(), r.consent()).forEach(text -> content.add(Content.typed(text)));
    content.add(new Content(labels.date(r.evaluationDate()), r.evaluationDate()));
    r.participants().forEach(p -> content.addAll(List.of(Content.typed(p.name()), Content.typed(p.roleLabel()))));
    r.goalChecks().forEach(c -> content.addAll(List.of(Content.typed(c.person().name()),
        new Content(labels.value("verdict", c.verdict()), c.verdict()), Content.typed(c.comment()))));
    r.checkins().forEach(c -> content.addAll(List.of(Content.typed(c.person().name()), Content.typed(c.text()))));
    r.agenda().forEach(a -> {
      content.addAll(List.of(Content.typed(a.title()), Content.typed(a.notes()),
          new Content(labels.value("status", a.status()), a.status())));
      if (a.proposer() != null) {
        content.add(Content.typed(a.proposer().name()));
      }
    });
    r.agreements().forEach(text -> content.add(Content.typed(text)));
    r.disagreements().forEach(text -> content.add(Content.typed(text)));
    r.actions().forEach(a -> content.addAll(List.of(Content.typed(a.what()), Content.typed(a.who()),
        new Content(labels.date(a.due()), a.due()), new Content(labels.value("status", a.status()), a.status()))));
    r.evaluations().forEach(e -> List.of(e.topicLabel(), e.howIsIt(), e.goodAt(), e.couldBetter())
        .forEach(text -> content.add(Content.typed(text))));
    r.questions().forEach(q -> content.add(Content.typed(q.text())));
    r.polls().forEach(p -> {
      content.add(Content.typed(p.question()));
      p.options().forEach(o -> content.addAll(List.of(Content.typed(o.text()),
          new Content(RecordFacts.pollLine(o, p.answered(), labels), o.text()))));
    });
    content.removeIf(c -> c.stored().isEmpty());
    return content;
  }

  private static void collectStrings(Object json, Set<String> into) {
    if (json instanceof String s) {
      into.add(s);
    } else if (json instanceof Map<?, ?> map) {
      map.values().forEach(value -> collectStrings(value, into));
    } else if (json instanceof List<?> list) {
      list.forEach(value -> collectStrings(value, into));
    }
  }
}
