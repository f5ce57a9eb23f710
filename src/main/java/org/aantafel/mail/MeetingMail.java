package org.aantafel.mail;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.mail.MailAttachment;
import io.vertx.ext.mail.MailMessage;
import org.aantafel.record.MeetingRecord;
import org.aantafel.record.RecordAgendaItem;
import org.aantafel.record.RecordMarkdown;
import org.aantafel.record.RecordPdf;

import java.util.List;

/**
 * The three messages, in the board's language, as plain text: the agenda before the meeting, the record after it,
 * and the invitation. Sender and recipients are left to {@link Mailer}.
 */
final class MeetingMail {

  private MeetingMail() {
  }

  static MailMessage agenda(UpcomingMeeting meeting, String joinLink) {
    MailTexts texts = MailTexts.of(meeting.language());
    StringBuilder body = new StringBuilder()
        .append(texts.text("agendaIntro", meeting.title())).append("\n\n")
        .append(when(meeting, texts)).append('\n');
    if (!meeting.goal().isBlank()) {
      body.append(texts.text("goal", meeting.goal())).append('\n');
    }
    body.append('\n').append(texts.text("agenda")).append('\n');
    List<RecordAgendaItem> items = meeting.agenda();
    if (items.isEmpty()) {
      body.append(texts.text("emptyAgenda")).append('\n');
    }
    for (int i = 0; i < items.size(); i++) {
      RecordAgendaItem item = items.get(i);
      body.append(i + 1).append(". ").append(item.title());
      if (item.timeboxMinutes() != null) {
        body.append(" (").append(texts.text("minutes", item.timeboxMinutes())).append(')');
      }
      body.append('\n');
    }
    body.append('\n').append(texts.text("joinLink", joinLink)).append('\n');
    return message(texts, texts.text("agendaSubject", meeting.title()), body);
  }

  static MailMessage record(MeetingRecord record, int version) {
    MailTexts texts = MailTexts.of(record.meta().language());
    StringBuilder body = new StringBuilder()
        .append(texts.text("recordIntro", version)).append("\n\n")
        .append(RecordMarkdown.render(record)).append('\n');
    return message(texts, texts.text("recordSubject", record.title()), body)
        .setAttachment(List.of(MailAttachment.create()
            .setName("record-" + version + ".pdf")
            .setContentType("application/pdf")
            .setData(Buffer.buffer(RecordPdf.render(record)))));
  }

  static MailMessage invitation(UpcomingMeeting meeting, String joinLink, String ics) {
    MailTexts texts = MailTexts.of(meeting.language());
    StringBuilder body = new StringBuilder()
        .append(texts.text("invitationIntro", meeting.title())).append("\n\n")
        .append(when(meeting, texts)).append('\n')
        .append(texts.text("joinLink", joinLink)).append('\n');
    return message(texts, texts.text("invitationSubject", meeting.title()), body)
        .setAttachment(List.of(MailAttachment.create()
            .setName(MeetingInvitation.FILE_NAME)
            .setContentType(MeetingInvitation.CONTENT_TYPE)
            .setData(Buffer.buffer(ics))));
  }

  private static String when(UpcomingMeeting meeting, MailTexts texts) {
    return meeting.scheduledAt().map(at -> texts.text("when", texts.when(at))).orElse(texts.text("notScheduled"));
  }

  private static MailMessage message(MailTexts texts, String subject, StringBuilder body) {
    body.append("\n-- \n").append(texts.text("why")).append('\n');
    // A title is typed by people at the table: a line break in it must not start a header of its own.
    return new MailMessage().setSubject(subject.replaceAll("\\p{Cntrl}", " ")).setText(body.toString());
  }
}
