package org.aantafel.mail;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.mail.MailMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The texts and the invitation, without a server: language, order, and what people typed kept in its place. */
class MeetingMailTest {
  private static final String LINK = "https://aantafel.school.test/b/board1#token";

  @Test
  void aDutchAgendaListsTheLiveItemsInBoardOrder() {
    UpcomingMeeting meeting = UpcomingMeeting.of("board1", state("nl", "Overleg over Sam", "2027-03-02T09:00")
        .put("entities", new JsonObject()
            .put("b", item("Tweede punt", "a2", null))
            .put("a", item("Eerste punt", "a1", 15))
            .put("gone", item("Weg", "a0", 5).put("deleted", true))));

    MailMessage mail = MeetingMail.agenda(meeting, LINK);

    assertEquals("Agenda: Overleg over Sam", mail.getSubject());
    assertTrue(mail.getText().contains("Wanneer: dinsdag 2 maart 2027, 09:00"), mail.getText());
    assertTrue(mail.getText().contains("1. Eerste punt (15 min)\n2. Tweede punt\n"), mail.getText());
    assertTrue(mail.getText().contains(LINK));
    assertTrue(!mail.getText().contains("Weg"), "a deleted item is not on the agenda");
    assertEquals(15, meeting.minutes());
  }

  @Test
  void aTypedLineBreakStaysOutOfTheHeadersAndTheCalendarEscapesWhatItMust() throws Exception {
    String title = "Sam; groep 4, met \"juf\"\nBcc: someone@else.test";
    UpcomingMeeting meeting = UpcomingMeeting.of("board1", state("en", title, "2027-07-01T14:30")
        .put("entities", new JsonObject()));

    assertEquals("Agenda: Sam; groep 4, met \"juf\" Bcc: someone@else.test", MeetingMail.agenda(meeting, LINK)
        .getSubject());
    String ics = MeetingInvitation.ics(meeting, ZoneId.of("Europe/Amsterdam"), LINK, "aantafel@school.test",
        Instant.parse("2026-11-25T20:00:00Z"));
    assertTrue(ics.contains("SUMMARY:Sam\\; groep 4\\, met \"juf\"\\nBcc: someone@else.test"), ics);
    assertTrue(ics.lines().allMatch(line -> line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 75),
        "lines are folded at 75 octets");
    VEvent event = (VEvent) new CalendarBuilder().build(new StringReader(ics)).getComponent("VEVENT").orElseThrow();
    assertEquals(title, event.getSummary().getValue());
    assertEquals(Instant.parse("2027-07-01T12:30:00Z"), Instant.from(event.getDateTimeStart().getDate()),
        "summer time in Amsterdam is UTC+2");
    assertEquals(Duration.ofMinutes(UpcomingMeeting.DEFAULT_MINUTES),
        Duration.from(event.getDuration().getDuration()), "an hour without timeboxes");
  }

  @Test
  void theConfirmationMailIsTheServersOwnWordsAndTheLinkInThePersonsLanguage() {
    String link = "https://aantafel.school.test/confirm.html#secret";
    MailMessage dutch = ConfirmationMail.of("nl", link);
    MailMessage english = ConfirmationMail.of("en", link);
    assertEquals("Bevestig je e-mailadres voor Aan Tafel", dutch.getSubject());
    assertEquals("Confirm your e-mail address for Aan Tafel", english.getSubject());
    assertEquals("""
        Iemand heeft dit e-mailadres achtergelaten bij een overleg op Aan Tafel, om er de agenda, de uitnodiging \
        en het verslag van te krijgen.

        Was jij dat? Bevestig het dan met deze link: https://aantafel.school.test/confirm.html#secret

        De link werkt 7 dagen.
        Was jij het niet? Doe dan niets. Je krijgt dan verder geen e-mail over dit overleg.
        """, dutch.getText());
    assertTrue(english.getText().contains("Was that you? Then confirm it with this link: " + link), english.getText());
    assertTrue(english.getAttachment() == null || english.getAttachment().isEmpty(), "no attachment");
  }

  private static JsonObject state(String language, String title, String scheduledAt) {
    return new JsonObject().put("board", new JsonObject().put("title", title).put("goal", "")
        .put("language", language).put("scheduledAt", scheduledAt));
  }

  private static JsonObject item(String title, String order, Integer minutes) {
    return new JsonObject().put("kind", "agendaItem").put("title", title).put("order", order)
        .put("status", "open").put("timeboxMinutes", minutes);
  }
}
