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
 */
public record MailSettings(String host, int port, String from, String username, String password, String startTls,
                           String timeZone) {

  /** A mistake here shows at start-up, not when the first mail goes out. */
  public MailSettings {
    if (!host.isBlank() && !from.contains("@")) {
      throw new IllegalArgumentException("smtpFrom must be the sender's e-mail address when smtpHost is set");
    }
    ZoneId.of(timeZone);
  }

  public static MailSettings fromJson(JsonObject json) {
    return new MailSettings(
      json.getString("smtpHost", ""),
      Integer.parseInt(String.valueOf(json.getValue("smtpPort", 25))),
      json.getString("smtpFrom", ""),
      json.getString("smtpUsername", ""),
      json.getString("smtpPassword", ""),
      json.getString("smtpStartTls", "optional"),
      json.getString("timeZone", "Europe/Amsterdam"));
  }

  public boolean enabled() {
    return !host.isBlank();
  }
}
