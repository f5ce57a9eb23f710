package org.aantafel.mail;

import io.vertx.core.Future;
import org.aantafel.store.AccessTokens;
import org.aantafel.store.SendQuotas;
import org.aantafel.store.SendQuotas.Quota;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Every limit on e-mail, counted in the store when a request arrives, before anything is read, written or sent: the
 * school's SMTP server sends in the school's name, so nobody may make it send more than a meeting needs. Days are the
 * school's calendar days (the configured time zone).
 */
final class SendLimits {
  /** Agenda, invitation and record mailings of one board in a day: a meeting needs three, a correction or two more. */
  static final int MAILINGS_PER_BOARD_PER_DAY = 10;
  /** Confirmation mails one seat may have sent: one per {@link #SEAT_PERIOD}, and this many in a day. */
  static final int CONFIRMATIONS_PER_SEAT_PER_DAY = 3;
  static final Duration SEAT_PERIOD = Duration.ofMinutes(10);
  /** Confirmation mails one address receives in a day, whoever asks: nobody can flood someone else's mailbox. */
  static final int CONFIRMATIONS_PER_ADDRESS_PER_DAY = 3;
  /** Confirmation mails for one board in a day: about everyone at a large table. */
  static final int CONFIRMATIONS_PER_BOARD_PER_DAY = 20;
  /** Counts of past periods are kept this long, then forgotten. */
  private static final Duration KEEP = Duration.ofDays(2);
  private static final HexFormat HEX = HexFormat.of();

  private final SendQuotas store;
  private final ZoneId zone;
  private final int mailsPerDay;
  private final int confirmationsPerDay;

  /**
   * @param mailsPerDay         messages of agendas, invitations and records the whole server sends in a day
   * @param confirmationsPerDay confirmation mails the whole server sends in a day; a budget of their own, so that
   *                            strangers asking for them cannot stop the meetings' own mail
   */
  SendLimits(SendQuotas store, ZoneId zone, int mailsPerDay, int confirmationsPerDay) {
    this.store = store;
    this.zone = zone;
    this.mailsPerDay = mailsPerDay;
    this.confirmationsPerDay = confirmationsPerDay;
  }

  /** One mailing of a board to that many addresses. */
  Future<Void> takeMailing(String boardId, int recipients) {
    Instant now = Instant.now();
    Instant today = startOfDay(now);
    long untilTomorrow = secondsUntil(now, tomorrow(now));
    return take(now, List.of(
        new Limit(new Quota("board:" + boardId, today, MAILINGS_PER_BOARD_PER_DAY, 1),
            "this meeting has sent " + MAILINGS_PER_BOARD_PER_DAY
                + " e-mails today, the most one meeting may send in a day; try again tomorrow", untilTomorrow),
        new Limit(new Quota("server:mails", today, mailsPerDay, recipients),
            "this server has sent all the e-mail it may send today; try again tomorrow", untilTomorrow)));
  }

  /** One confirmation mail, asked for by that seat, to that address. */
  Future<Void> takeConfirmation(String boardId, String participantId, String email) {
    Instant now = Instant.now();
    Instant today = startOfDay(now);
    long untilTomorrow = secondsUntil(now, tomorrow(now));
    long period = SEAT_PERIOD.toSeconds();
    Instant periodStart = Instant.ofEpochSecond(now.getEpochSecond() / period * period);
    String seat = boardId + ":" + participantId;
    return take(now, List.of(
        new Limit(new Quota("confirm-seat-now:" + seat, periodStart, 1, 1),
            "a confirmation e-mail was sent a moment ago; look in your mailbox (and its spam folder), or try again "
                + "in " + minutes(secondsUntil(now, periodStart.plus(SEAT_PERIOD))),
            secondsUntil(now, periodStart.plus(SEAT_PERIOD))),
        new Limit(new Quota("confirm-seat:" + seat, today, CONFIRMATIONS_PER_SEAT_PER_DAY, 1),
            "you asked for " + CONFIRMATIONS_PER_SEAT_PER_DAY
                + " confirmation e-mails today, the most in a day; try again tomorrow", untilTomorrow),
        // The address as a hash: these counts are kept for days and must not become a list of addresses.
        new Limit(new Quota("confirm-to:" + HEX.formatHex(AccessTokens.hash(email.toLowerCase(Locale.ROOT))), today,
            CONFIRMATIONS_PER_ADDRESS_PER_DAY, 1),
            "this address has received " + CONFIRMATIONS_PER_ADDRESS_PER_DAY
                + " confirmation e-mails today, the most in a day; try again tomorrow", untilTomorrow),
        new Limit(new Quota("confirm-board:" + boardId, today, CONFIRMATIONS_PER_BOARD_PER_DAY, 1),
            "this meeting has sent " + CONFIRMATIONS_PER_BOARD_PER_DAY
                + " confirmation e-mails today, the most in a day; try again tomorrow", untilTomorrow),
        new Limit(new Quota("server:confirmations", today, confirmationsPerDay, 1),
            "this server has sent all the confirmation e-mails it may send today; try again tomorrow",
            untilTomorrow)));
  }

  private record Limit(Quota quota, String refusal, long retryAfterSeconds) {}

  private Future<Void> take(Instant now, List<Limit> limits) {
    return store.takeQuotas(limits.stream().map(Limit::quota).toList(), now.minus(KEEP))
        .compose(full -> full < 0 ? Future.<Void>succeededFuture() : Future.failedFuture(
            new SendLimitReached(limits.get(full).refusal(), limits.get(full).retryAfterSeconds())));
  }

  private Instant startOfDay(Instant now) {
    return now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
  }

  private Instant tomorrow(Instant now) {
    ZonedDateTime today = now.atZone(zone).toLocalDate().atStartOfDay(zone);
    return today.plusDays(1).toInstant();
  }

  private static long secondsUntil(Instant now, Instant then) {
    return Math.max(1, Duration.between(now, then).toSeconds() + 1);
  }

  private static String minutes(long seconds) {
    long minutes = (seconds + 59) / 60;
    return minutes == 1 ? "1 minute" : minutes + " minutes";
  }
}
