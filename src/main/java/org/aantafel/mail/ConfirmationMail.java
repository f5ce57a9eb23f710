package org.aantafel.mail;

import io.vertx.ext.mail.MailMessage;

/**
 * The one mail an address receives before its owner confirmed it. It goes to an address that anyone with a link may
 * have typed, so it says nothing of the meeting and carries nothing anyone typed: no title, name, goal or agenda, not
 * even the board's id. Only the server's own words and the link with the secret.
 */
final class ConfirmationMail {
  /** How long the link confirms; after it the person leaves the address again. */
  static final int VALID_DAYS = 7;

  private ConfirmationMail() {
  }

  /** @param language "nl" or "en", as the page of the person who left the address spoke */
  static MailMessage of(String language, String confirmLink) {
    MailTexts texts = MailTexts.of(language);
    String body = texts.text("confirmIntro") + "\n\n"
        + texts.text("confirmLink", confirmLink) + "\n\n"
        + texts.text("confirmValid", VALID_DAYS) + "\n"
        + texts.text("confirmIgnore") + "\n";
    return new MailMessage().setSubject(texts.text("confirmSubject")).setText(body);
  }
}
