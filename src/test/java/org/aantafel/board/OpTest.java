package org.aantafel.board;

import static org.aantafel.board.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpTest {

  private static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  @Test
  void everyTypeRoundTrips() {
    List<Map<String, Object>> wire = List.of(
        map("type", "create", "id", "a1", "kind", "agendaItem", "fields", map("title", "Hi", "proposedBy", null)),
        map("type", "set", "id", "a1", "field", "status", "value", "done"),
        map("type", "set", "id", "a1", "field", "proposedBy", "value", null),
        map("type", "text", "id", "a1", "field", "title", "edit", List.of(2, "!")),
        map("type", "delete", "id", "a1"));
    List<Op> ops = Op.listFromMaps(wire);
    assertEquals(wire, Op.listToMaps(ops));
    assertEquals(ops, Op.listFromMaps(Op.listToMaps(ops)));
  }

  @Test
  void parsesIntoRecords() {
    Op op = Op.fromMap(map("type", "text", "id", "board", "field", "goal", "edit", List.of("x")));
    assertEquals(new Op.Text("board", "goal", TextOperation.empty().insert("x")), op);
    assertEquals(new Op.Set("x", "n", 5), Op.fromMap(map("type", "set", "id", "x", "field", "n", "value", 5L)));
    assertEquals(new Op.Create("x", "action", Map.of()), Op.fromMap(map("type", "create", "id", "x", "kind", "action")));
  }

  @Test
  void refusesMalformedOps() {
    assertRejected(400, () -> Op.fromMap(null));
    assertRejected(400, () -> Op.fromMap(map("type", "move", "id", "a")));
    assertRejected(400, () -> Op.fromMap(map("id", "a")));
    assertRejected(400, () -> Op.fromMap(map("type", "delete")));
    assertRejected(400, () -> Op.fromMap(map("type", "delete", "id", 7)));
    assertRejected(400, () -> Op.fromMap(map("type", "delete", "id", "a", "extra", 1)));
    assertRejected(400, () -> Op.fromMap(map("type", "set", "id", "a", "field", "f")));
    assertRejected(400, () -> Op.fromMap(map("type", "set", "id", "a", "field", "f", "value", List.of())));
    assertRejected(400, () -> Op.fromMap(map("type", "set", "id", "a", "field", "f", "value", map())));
    assertRejected(400, () -> Op.fromMap(map("type", "set", "id", "a", "field", "f", "value", Double.NaN)));
    assertRejected(400, () -> Op.fromMap(map("type", "set", "id", "a", "field", "f", "value", 1.5f)));
    assertRejected(400, () -> Op.fromMap(map("type", "set", "id", "a", "value", 1)));
    assertRejected(400, () -> Op.fromMap(map("type", "text", "id", "a", "field", "f", "edit", "x")));
    assertRejected(400, () -> Op.fromMap(map("type", "text", "id", "a", "field", "f", "edit", List.of(0))));
    assertRejected(400, () -> Op.fromMap(map("type", "create", "id", "a", "kind", "action", "fields", List.of())));
    assertRejected(400, () -> Op.fromMap(map("type", "create", "id", "a", "kind", "action", "fields", map("w", map()))));
    assertRejected(400, () -> Op.fromMap(map("type", "create", "id", "a")));
  }

  @Test
  void idsAreShortAndSafe() {
    assertEquals("A-z_09", new Op.Delete("A-z_09").id());
    assertEquals(64, new Op.Delete("x".repeat(64)).id().length());
    for (String bad : Arrays.asList("", "x".repeat(65), "a b", "a/b", "é", null)) {
      assertRejected(400, () -> new Op.Delete(bad));
    }
  }

  @Test
  void listParsingSaysWhichOpIsWrong() {
    BoardRejection r = assertRejected(400, () -> Op.listFromMaps(List.of(map("type", "delete", "id", "a"), "x")));
    assertTrue(r.getMessage().startsWith("op 1"), r.getMessage());
    assertRejected(400, () -> Op.listFromMaps(null));
  }

  @Test
  void grantsParseAndOrder() {
    assertEquals(Grant.VIEWER, Grant.parse("projector"));
    assertEquals(Grant.VIEWER, Grant.parse("viewer"));
    assertEquals(Grant.PARTICIPANT, Grant.parse("participant"));
    assertEquals(Grant.FACILITATOR, Grant.parse("facilitator"));
    assertRejected(400, () -> Grant.parse("admin"));
    assertRejected(400, () -> Grant.parse(null));
    assertTrue(Grant.FACILITATOR.atLeast(Grant.PARTICIPANT));
    assertTrue(Grant.PARTICIPANT.atLeast(Grant.PARTICIPANT));
    assertTrue(!Grant.VIEWER.atLeast(Grant.PARTICIPANT));
  }
}
