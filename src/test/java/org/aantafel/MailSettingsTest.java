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
}
