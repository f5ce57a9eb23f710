package org.aantafel;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Mail settings are checked when the server starts, not when the first mail goes out. */
class MailSettingsTest {

  @Test
  void withoutAHostThereIsNoMail() {
    MailSettings settings = MailSettings.fromJson(new JsonObject());
    assertFalse(settings.enabled());
    assertEquals("Europe/Amsterdam", settings.timeZone());
  }

  @Test
  void aHostNeedsASenderAndTheZoneMustBeKnown() {
    assertTrue(MailSettings.fromJson(new JsonObject().put("smtpHost", "smtp.school.test")
        .put("smtpFrom", "aantafel@school.test")).enabled());
    assertThrows(IllegalArgumentException.class,
        () -> MailSettings.fromJson(new JsonObject().put("smtpHost", "smtp.school.test")));
    assertThrows(RuntimeException.class, () -> MailSettings.fromJson(new JsonObject().put("timeZone", "Mars/Base")));
  }

  @Test
  void theServersDailyMailLimitsComeFromTheConfigurationAndMustBePositive() {
    MailSettings defaults = AppConfig.load(java.util.Map.of()).mail();
    assertEquals(MailSettings.DEFAULT_MAILS_PER_DAY, defaults.mailsPerDay());
    assertEquals(MailSettings.DEFAULT_CONFIRMATIONS_PER_DAY, defaults.confirmationMailsPerDay());
    MailSettings set = AppConfig.load(java.util.Map.of("AANTAFEL_MAILS_PER_DAY", "50",
        "AANTAFEL_CONFIRMATION_MAILS_PER_DAY", "7")).mail();
    assertEquals(50, set.mailsPerDay());
    assertEquals(7, set.confirmationMailsPerDay());
    assertThrows(IllegalArgumentException.class,
        () -> MailSettings.fromJson(new JsonObject().put("mailsPerDay", 0)));
  }
}
