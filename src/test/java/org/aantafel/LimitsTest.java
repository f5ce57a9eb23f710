package org.aantafel;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The limits come from config/aantafel.json and AANTAFEL_* variables; a nonsensical one stops the server at start. */
class LimitsTest {

  @Test
  void theShippedDefaultsAreTheDocumentedOnes() {
    Limits limits = AppConfig.load(Map.of()).limits();
    assertEquals(300, limits.seatsPerBoard());
    assertEquals(Limits.DEFAULT_SEATS_PER_BOARD, Limits.fromJson(new JsonObject()).seatsPerBoard());
    assertEquals(10, limits.boardsPerMinutePerClient());
    assertEquals(1024 * 1024, limits.outboundQueueBytes());
    assertEquals(60, limits.newSeatsPerMinutePerClient());
    assertEquals(60, Limits.fromJson(new JsonObject()).newSeatsPerMinutePerClient());
  }

  @Test
  void anEnvironmentVariableSetsTheNewSeatsOfAClientAddress() {
    assertEquals(200, AppConfig.load(Map.of("AANTAFEL_NEW_SEATS_PER_MINUTE_PER_CLIENT", "200")).limits()
      .newSeatsPerMinutePerClient());
    assertThrows(IllegalArgumentException.class,
        () -> AppConfig.load(Map.of("AANTAFEL_NEW_SEATS_PER_MINUTE_PER_CLIENT", "0")));
  }

  @Test
  void anEnvironmentVariableRaisesTheSeatsOfABoard() {
    assertEquals(1200, AppConfig.load(Map.of("AANTAFEL_SEATS_PER_BOARD", "1200")).limits().seatsPerBoard());
  }

  @Test
  void seatsMustBeAPositiveWholeNumber() {
    assertThrows(IllegalArgumentException.class,
        () -> AppConfig.load(Map.of("AANTAFEL_SEATS_PER_BOARD", "0")));
    assertThrows(IllegalArgumentException.class,
        () -> AppConfig.load(Map.of("AANTAFEL_SEATS_PER_BOARD", "-5")));
    assertThrows(NumberFormatException.class,
        () -> AppConfig.load(Map.of("AANTAFEL_SEATS_PER_BOARD", "many")));
  }
}
