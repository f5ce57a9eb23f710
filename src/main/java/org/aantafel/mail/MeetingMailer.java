package org.aantafel.mail;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mail.MailMessage;
import org.aantafel.MailSettings;
import org.aantafel.record.MeetingRecord;
import org.aantafel.store.BoardStore;
import org.aantafel.sync.Addresses;
import org.aantafel.sync.Refusal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Mails about one board to every address left on any board of its series: the people around one child stay the same
 * from meeting to meeting, so the next meeting's agenda reaches those who left an address at an earlier one. Each
 * method answers how many addresses the mail server accepted.
 */
public final class MeetingMailer {
  private final Vertx vertx;
  private final BoardStore store;
  private final Mailer mailer;
  private final ZoneId zone;
  private final SendLimits limits;
  private final AddressConfirmation addresses;

  private MeetingMailer(Vertx vertx, BoardStore store, Mailer mailer, MailSettings settings) {
    this.vertx = vertx;
    this.store = store;
    this.mailer = mailer;
    this.zone = ZoneId.of(settings.timeZone());
    this.limits = new SendLimits(store, settings.mailsPerDay(), settings.confirmationMailsPerDay());
    this.addresses = new AddressConfirmation(store, mailer, limits);
  }

  /** Empty when the server has no SMTP server configured. */
  public static Optional<MeetingMailer> create(Vertx vertx, BoardStore store, MailSettings settings) {
    return Mailer.create(vertx, settings).map(mailer -> new MeetingMailer(vertx, store, mailer, settings));
  }

  /** Leaving and confirming addresses: the only mail that goes to an address not yet confirmed. */
  public AddressConfirmation addresses() {
    return addresses;
  }

  /** The title, time, goal and agenda as the board holds them now, with the link to join. */
  public Future<Integer> sendAgenda(String boardId, String joinLink) {
    return send(boardId, () -> upcoming(boardId).map(meeting -> MeetingMail.agenda(meeting, joinLink)));
  }

  /** A stored record version, as text and as the PDF that the record page downloads. */
  public Future<Integer> sendRecord(String boardId, int version) {
    return send(boardId, () -> store.record(boardId, version)
        .compose(stored -> stored.map(Future::succeededFuture).orElseGet(() ->
            Future.failedFuture(new Refusal(Refusal.UNKNOWN_BOARD, "no record version " + version))))
        // Rendering the PDF takes a while: not on an event loop.
        .compose(stored -> vertx.executeBlocking(() -> MeetingMail.record(
            MeetingRecord.fromJson(new JsonObject(stored.encode()).getMap()), version))));
  }

  /** A calendar invitation for the time set on the board; refused while the board has no time. */
  public Future<Integer> sendInvitation(String boardId, String joinLink) {
    // Checked before the recipients, so the facilitator learns of the missing time even when nobody left an address.
    return upcoming(boardId).compose(meeting -> meeting.scheduledAt().isEmpty()
        ? Future.failedFuture(new Refusal(Refusal.CONFLICT, "the meeting has no date and time yet (scheduledAt)"))
        : send(boardId, () -> Future.succeededFuture(MeetingMail.invitation(meeting, joinLink,
            MeetingInvitation.ics(meeting, zone, joinLink, mailer.from(), Instant.now())))));
  }

  public Future<Void> close() {
    return mailer.close();
  }

  private Future<UpcomingMeeting> upcoming(String boardId) {
    return vertx.eventBus().<JsonObject>request(Addresses.STATE, new JsonObject().put("boardId", boardId))
        .map(reply -> UpcomingMeeting.of(boardId, reply.body().getJsonObject("state")));
  }

  /**
   * Only to confirmed addresses, and counted against the limits before the message is written: the message is only
   * written when someone will receive it (most closes have nobody to mail the PDF to).
   */
  private Future<Integer> send(String boardId, Supplier<Future<MailMessage>> message) {
    return store.seriesEmails(boardId).compose(recipients -> recipients.isEmpty() ? Future.succeededFuture(0)
        : limits.takeMailing(boardId, recipients.size())
            .compose(v -> message.get())
            .compose(written -> mailer.sendEach(recipients, written)));
  }
}
