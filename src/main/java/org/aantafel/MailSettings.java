package org.aantafel;

import io.vertx.core.json.JsonObject;

import java.time.ZoneId;

/**
 * How to reach the school's SMTP server. Without a host the server sends no e-mail at all and the browser does not
 * offer it, so a school that has not set up mail never collects addresses it cannot use.
 *
 * @param startTls "optional", "required" or "disabled", as vertx-mail-client's StartTLSOptions
 * @param timeZone the school's zone (e.g. "Europe/Amsterdam"): a board's scheduledAt is a time on its wall clock,
 *                 which an invitation must turn into an instant that every calendar shows right
 * @param mailsPerDay agenda, invitation and record messages the whole server sends in a day (a backstop behind the
 *                 limits per board)
 * @param confirmationMailsPerDay address confirmation mails the whole server sends in a day
 */
public record MailSettings(String host, int port, String from, String username, String password, String startTls,
                           String timeZone, int mailsPerDay, int confirmationMailsPerDay) {

  /** About 80 meetings of 8 people with agenda, invitation and record in one day. */
  public static final int DEFAULT_MAILS_PER_DAY = 2000;
  public static final int DEFAULT_CONFIRMATIONS_PER_DAY = 300;

  /** A mistake here shows at start-up, not when the first mail goes out. */
  public MailSettings {
    if (!host.isBlank() && !from.contains("@")) {
      throw new IllegalArgumentException("smtpFrom must be the sender's e-mail address when smtpHost is set");
    }
    ZoneId.of(timeZone);
    if (mailsPerDay < 1 || confirmationMailsPerDay < 1) {
      throw new IllegalArgumentException("mailsPerDay and confirmationMailsPerDay must be at least 1");
    }
  }

  public static MailSettings fromJson(JsonObject json) {
    return new MailSettings(
      json.getString("smtpHost", ""),
      Integer.parseInt(String.valueOf(json.getValue("smtpPort", 25))),
      json.getString("smtpFrom", ""),
      json.getString("smtpUsername", ""),
      json.getString("smtpPassword", ""),
      json.getString("smtpStartTls", "optional"),
      json.getString("timeZone", "Europe/Amsterdam"),
      Integer.parseInt(String.valueOf(json.getValue("mailsPerDay", DEFAULT_MAILS_PER_DAY))),
      Integer.parseInt(String.valueOf(json.getValue("confirmationMailsPerDay", DEFAULT_CONFIRMATIONS_PER_DAY))));
  }

  public boolean enabled() {
    return !host.isBlank();
  }
}
