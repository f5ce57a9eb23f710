package org.aantafel.record;

import io.vertx.core.json.JsonObject;
import org.aantafel.board.BoardState;
import org.aantafel.board.OrderKey;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The size limit of a record, against what a long real meeting holds (the derivation in {@link RecordLimits}). */
class RecordLimitsTest {

  @Test
  void aLongMeetingWithHeavyNoteTakingFitsWithRoomToSpare() {
    JsonObject record = recordOf(state(12, 6_000));

    int bytes = RecordLimits.bytes(record);

    assertTrue(bytes < 100 * 1024, "a long meeting: " + bytes + " bytes");
    assertTrue(RecordLimits.MAX_RECORD_BYTES > 2 * bytes);
    assertEquals(java.util.Optional.empty(), RecordLimits.tooLarge(record));
    assertTrue(RecordLimits.bytes(new JsonObject(ZorgoverlegBoard.record().toJson())) < 10 * 1024,
      "the zorgoverleg of the other record tests is a few kB");
  }

  @Test
  void aRecordOverTheLimitIsRefusedNamingItsLargestPart() {
    JsonObject record = recordOf(state(30, 10_000));

    String why = RecordLimits.tooLarge(record).orElseThrow();

    assertTrue(why.contains("shorten the agenda items and their notes"), why);
    assertTrue(why.contains("0.25 MB a record may hold"), why);
  }

  /** A meeting of {@code items} agenda items of {@code notes} characters, 30 agreements, 30 actions, 10 check-ins. */
  private static Map<String, Object> state(int items, int notes) {
    String text = "Sam werkt beter ’s ochtends; de mentor kijkt mee en belt thuis op vrijdag. ".repeat(notes / 75 + 1)
      .substring(0, notes);
    Map<String, Object> entities = new LinkedHashMap<>();
    for (int i = 0; i < items; i++) {
      entities.put("item-" + i, fields("kind", "agendaItem", "title", "Onderwerp " + i, "notes", text,
        "order", order(i), "status", "done"));
    }
    for (int i = 0; i < 30; i++) {
      entities.put("agree-" + i, fields("kind", "agreement", "text", "Thuis en school gebruiken hetzelfde rooster "
        + "voor de weken na de vakantie, en bespreken het over zes weken opnieuw (" + i + ").",
        "order", order(i), "stance", "agree"));
      entities.put("action-" + i, fields("kind", "action", "what", "Gesprek met de huisarts plannen over de "
        + "medicatie en de slaap (" + i + ")", "who", "Juf Anneké", "order", order(i),
        "due", "2026-12-10", "status", "open"));
    }
    for (int i = 0; i < 10; i++) {
      entities.put("checkin-" + i, fields("kind", "checkin", "text", "Druk week, maar blij dat we er zijn. "
        .repeat(5), "participantId", "p-" + i, "name", "Deelnemer " + i, "role", "parent"));
    }
    Map<String, Object> board = fields("title", "Zorgoverleg Sam", "goal", text.substring(0, Math.min(2000, notes)),
      "phase", "closed", "language", "nl", "template", "zorgoverleg");
    return BoardState.fromMap(Map.of("board", board, "entities", entities)).toMap();
  }

  /** The i-th of a list, as the board orders it. */
  private static String order(int i) {
    String key = OrderKey.between(null, null);
    for (int k = 0; k < i; k++) {
      key = OrderKey.between(key, null);
    }
    return key;
  }

  private static JsonObject recordOf(Map<String, Object> state) {
    return new JsonObject(MeetingRecord.of(state, ZorgoverlegBoard.PARTICIPANTS, ZorgoverlegBoard.META).toJson());
  }

  private static Map<String, Object> fields(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
