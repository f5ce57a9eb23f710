package org.aantafel.mail;

import io.vertx.core.Future;
import org.aantafel.store.AccessTokens;
import org.aantafel.store.SendQuotas;
import org.aantafel.store.SendQuotas.Quota;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Every limit on e-mail, counted in the store when a request arrives, before anything is read, written or sent: the
 * school's SMTP server sends in the school's name, so nobody may make it send more than a meeting needs. Each limit
 * counts over a window that ends at the request (the last 24 hours, the last ten minutes), never over a calendar day:
 * a day that starts at midnight would let twice a day's amount through around midnight.
 */
final class SendLimits {
  static final Duration DAY = Duration.ofHours(24);
  /** Agenda, invitation and record mailings of one board in a day: a meeting needs three, a correction or two more. */
  static final int MAILINGS_PER_BOARD_PER_DAY = 10;
  /** Confirmation mails one seat may have sent: one per {@link #SEAT_PERIOD}, and this many in a day. */
  static final int CONFIRMATIONS_PER_SEAT_PER_DAY = 3;
  static final Duration SEAT_PERIOD = Duration.ofMinutes(10);
  /** Confirmation mails one address receives in a day, whoever asks: nobody can flood someone else's mailbox. */
  static final int CONFIRMATIONS_PER_ADDRESS_PER_DAY = 3;
  /** Confirmation mails for one board in a day: about everyone at a large table. */
  static final int CONFIRMATIONS_PER_BOARD_PER_DAY = 20;
  /** Counts are kept this long, then forgotten: longer than any window. */
  private static final Duration KEEP = Duration.ofDays(2);
  private static final HexFormat HEX = HexFormat.of();
  private static final long A_DAY = DAY.toSeconds();

  private final SendQuotas store;
  private final int mailsPerDay;
  private final int confirmationsPerDay;

  /**
   * @param mailsPerDay         messages of agendas, invitations and records the whole server sends in a day
   * @param confirmationsPerDay confirmation mails the whole server sends in a day; a budget of their own, so that
   *                            strangers asking for them cannot stop the meetings' own mail
   */
  SendLimits(SendQuotas store, int mailsPerDay, int confirmationsPerDay) {
    this.store = store;
    this.mailsPerDay = mailsPerDay;
    this.confirmationsPerDay = confirmationsPerDay;
  }

  /** One mailing of a board to that many addresses. */
  Future<Void> takeMailing(String boardId, int recipients) {
    Instant now = Instant.now();
    return take(now, List.of(
        new Limit(Quota.over(DAY, "board:" + boardId, now, MAILINGS_PER_BOARD_PER_DAY, 1),
            "this meeting has sent " + MAILINGS_PER_BOARD_PER_DAY
                + " e-mails in the last 24 hours, the most one meeting may send in a day; try again later", A_DAY),
        new Limit(Quota.over(DAY, "server:mails", now, mailsPerDay, recipients),
            "this server has sent all the e-mail it may send in a day; try again later", A_DAY)));
  }

  /** One confirmation mail, asked for by that seat, to that address. */
  Future<Void> takeConfirmation(String boardId, String participantId, String email) {
    Instant now = Instant.now();
    String seat = boardId + ":" + participantId;
    return take(now, List.of(
        new Limit(Quota.over(SEAT_PERIOD, "confirm-seat-now:" + seat, now, 1, 1),
            "a confirmation e-mail was sent a moment ago; look in your mailbox (and its spam folder), or try again "
                + "within " + SEAT_PERIOD.toMinutes() + " minutes", SEAT_PERIOD.toSeconds()),
        new Limit(Quota.over(DAY, "confirm-seat:" + seat, now, CONFIRMATIONS_PER_SEAT_PER_DAY, 1),
            "you asked for " + CONFIRMATIONS_PER_SEAT_PER_DAY
                + " confirmation e-mails in the last 24 hours, the most in a day; try again later", A_DAY),
        // The address as a hash: these counts are kept for days and must not become a list of addresses.
        new Limit(Quota.over(DAY, "confirm-to:" + HEX.formatHex(AccessTokens.hash(email.toLowerCase(Locale.ROOT))),
            now, CONFIRMATIONS_PER_ADDRESS_PER_DAY, 1),
            "this address has received " + CONFIRMATIONS_PER_ADDRESS_PER_DAY
                + " confirmation e-mails in the last 24 hours, the most in a day; try again later", A_DAY),
        new Limit(Quota.over(DAY, "confirm-board:" + boardId, now, CONFIRMATIONS_PER_BOARD_PER_DAY, 1),
            "this meeting has sent " + CONFIRMATIONS_PER_BOARD_PER_DAY
                + " confirmation e-mails in the last 24 hours, the most in a day; try again later", A_DAY),
        new Limit(Quota.over(DAY, "server:confirmations", now, confirmationsPerDay, 1),
            "this server has sent all the confirmation e-mails it may send in a day; try again later", A_DAY)));
  }

  /** A refusal's Retry-After is the window: the longest anyone has to wait, as the store keeps no order of expiry. */
  private record Limit(Quota quota, String refusal, long retryAfterSeconds) {}

  private Future<Void> take(Instant now, List<Limit> limits) {
    return store.takeQuotas(limits.stream().map(Limit::quota).toList(), now.minus(KEEP))
        .compose(full -> full < 0 ? Future.<Void>succeededFuture() : Future.failedFuture(
            new SendLimitReached(limits.get(full).refusal(), limits.get(full).retryAfterSeconds())));
  }
}
