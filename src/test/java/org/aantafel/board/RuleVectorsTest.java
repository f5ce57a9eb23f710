package org.aantafel.board;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Java side of the shared rule vectors: every case of rule-vectors.json is what the Java rules decide now, so a
 * rule changed on this side without the file (and so without the browser's twin, which
 * src/test/js/rule-vectors.test.js holds to the file) fails here.
 */
class RuleVectorsTest {

  @Test
  void theFileHoldsWhatTheJavaRulesDecideNow() throws IOException {
    Map<String, Object> file = VectorChecks.plain(new JsonObject(Files.readString(RuleVectorGenerator.FILE)));
    // Through JSON and back, so that numbers and lists compare as the file holds them.
    Map<String, Object> now = VectorChecks.plain(new JsonObject(Json.encode(RuleVectorGenerator.generate())));
    assertEquals(now.keySet(), file.keySet(), "the groups");
    now.forEach((group, value) -> {
      if (!(value instanceof List<?> cases)) {
        assertEquals(value, file.get(group), group);
        return;
      }
      List<?> held = (List<?>) file.get(group);
      for (int i = 0; i < Math.max(cases.size(), held.size()); i++) {
        String where = group + "[" + i + "]";
        assertEquals(i < cases.size() ? Json.encode(cases.get(i)) : "no case", i < held.size()
            ? Json.encode(held.get(i)) : "no case", () -> where + " differs from what the Java rules decide: after a "
            + "deliberate change run RuleVectorGenerator, review the diff and change the browser's twin to match");
      }
    });
  }
}
