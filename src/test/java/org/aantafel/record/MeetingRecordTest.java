package org.aantafel.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MeetingRecordTest {

  private final MeetingRecord record = ZorgoverlegBoard.record();

  @Test
  void listsFollowTheOrderKeysNotTheCreationOrder() {
    assertEquals(List.of("Hoe gaat het thuis?", ZorgoverlegBoard.TYPED_AGENDA_TITLE, "Huiswerk en concentratie"),
        record.agenda().stream().map(RecordAgendaItem::title).toList());
    assertEquals(List.of("Weekrooster maken", "Gesprek met de huisarts plannen"),
        record.actions().stream().map(RecordAction::what).toList());
    assertEquals(List.of("Thuis en school gebruiken hetzelfde rooster.", "Sam krijgt een vaste plek in de klas."),
        record.agreements());
    assertEquals(List.of("Of Sam naar de bijles gaat."), record.disagreements());
  }

  @Test
  void checkinsAndGoalChecksFollowTheParticipantsAndEvaluationsThePraatplaat() {
    assertEquals(List.of("Zoë de Vries", "Ólafur Jónsson"),
        record.checkins().stream().map(c -> c.person().name()).toList());
    assertEquals(List.of("Zoë de Vries", "José Martínez"),
        record.goalChecks().stream().map(c -> c.person().name()).toList());
    assertEquals(List.of("Denk vanuit het kind", "Erken de expertise van ouders"),
        record.evaluations().stream().map(RecordEvaluation::topicLabel).toList());
  }

  @Test
  void questionsEveryoneSawAreRecordedWithTheirVotes() {
    assertEquals(List.of(new RecordQuestion("Wie betaalt de bijles?",
            new RecordPerson("Zoë de Vries", "parent", "ouder of verzorger"), true, 2)), record.questions());
    assertTrue(RecordMarkdown.render(record).contains("2 stemmen · beantwoord"), RecordMarkdown.render(record));
    assertFalse(RecordMarkdown.render(record).contains("Verborgen"));
    assertFalse(RecordHtml.render(record).contains("Wachtende"));
  }

  @Test
  void tombstonesAreLeftOut() {
    assertEquals(3, record.agenda().size());
    assertEquals(2, record.actions().size());
    assertTrue(record.agenda().stream().noneMatch(item -> item.title().isEmpty()));
    assertTrue(record.actions().stream().noneMatch(action -> action.what().isEmpty()));
  }

  @Test
  void namesRolesAndReferencesAreResolved() {
    assertEquals(new RecordPerson("José Martínez", "care-coordinator", "zorgcoördinator / intern begeleider"),
        record.participants().get(1));
    assertEquals("Zoë de Vries", record.actions().get(1).who());
    assertEquals("Juf Anneké", record.actions().get(0).who());
    assertEquals("Ólafur Jónsson", record.lead());
    assertEquals("José Martínez", record.evaluations().get(1).assignee());
    assertNull(record.evaluations().get(0).assignee());
    assertNull(record.agenda().get(0).proposer());
    assertTrue(record.agenda().get(2).late());
    assertFalse(record.agenda().get(1).late());
    assertEquals("2026-11-25", record.date());
  }

  @Test
  void readsBackFromItsJsonAsAnEqualRecordWithEqualRenderings() {
    Map<String, Object> json = record.toJson();
    assertEquals(1, json.get("format"));
    // Through JSON text, as PostgreSQL stores it: numbers and maps come back as the JSON library makes them.
    MeetingRecord stored = MeetingRecord.fromJson(new JsonObject(new JsonObject(json).encode()).getMap());
    assertEquals(record, stored);
    assertEquals(json, stored.toJson());
    assertEquals(RecordHtml.render(record), RecordHtml.render(stored));
    assertEquals(RecordMarkdown.render(record), RecordMarkdown.render(stored));
    assertEquals(PdfText.text(RecordPdf.render(record)), PdfText.text(RecordPdf.render(stored)));
  }

  @Test
  void aRecordStoredBeforePollsReadsWithNone() {
    Map<String, Object> json = new java.util.LinkedHashMap<>(record.toJson());
    assertEquals(1, record.polls().size(), "the asked poll; the draft is left out");
    json.remove("polls");
    assertTrue(MeetingRecord.fromJson(json).polls().isEmpty());
  }
}
