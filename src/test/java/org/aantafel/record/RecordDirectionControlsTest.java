package org.aantafel.record;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.aantafel.board.PlainText;
import org.junit.jupiter.api.Test;

/** A record stored before names and titles refused direction controls still shows them in no format. */
class RecordDirectionControlsTest {

  @Test
  void everyFormatDropsThem() {
    JsonObject stored = new JsonObject(ZorgoverlegBoard.record().toJson());
    stored.put("title", "Zorg\u202Eoverleg");
    JsonArray participants = stored.getJsonArray("participants");
    participants.getJsonObject(0).put("name", "Anna\u2067 \u200Fvan Dijk");
    MeetingRecord record = MeetingRecord.fromJson(new JsonObject(stored.encode()).getMap());

    Map<String, String> formats = Map.of(
        "json", new JsonObject(record.toJson()).encode(),
        "html", RecordHtml.render(record),
        "markdown", RecordMarkdown.render(record),
        "pdf", PdfText.text(RecordPdf.render(record)));
    formats.forEach((format, text) -> {
      assertFalse(PlainText.hasDirectionControls(text), format);
      assertTrue(text.contains("Zorgoverleg"), format + ": " + text);
      assertTrue(text.contains("Anna van Dijk"), format + ": " + text);
    });
  }
}
