package org.aantafel.board;

import static org.aantafel.board.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoleTest {

  @Test
  void theSevenRolesAndTheirSides() {
    Map<String, Side> sides = new LinkedHashMap<>();
    for (Role role : Role.values()) {
      sides.put(role.wire(), role.side());
      assertEquals(role, Role.parse(role.wire()));
    }
    assertEquals(Map.of("parent", Side.FAMILY, "student", Side.FAMILY, "teacher", Side.SCHOOL,
        "care-coordinator", Side.SCHOOL, "youth-care", Side.CARE, "parent-supporter", Side.CARE,
        "other", Side.OTHER), sides);
  }

  @Test
  void parsingIsStrict() {
    for (String bad : new String[] {"Parent", "parent ", "", "facilitator", "ouder", null}) {
      assertRejected(400, () -> Role.parse(bad));
      assertEquals(Optional.empty(), Role.find(bad));
    }
  }
}
