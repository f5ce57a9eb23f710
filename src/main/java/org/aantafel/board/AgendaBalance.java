package org.aantafel.board;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The balance strip: how many live agenda items each side of the table proposed. It makes visible whether the
 * agenda was prepared together, and prompts the facilitator to ask the family when they have proposed nothing.
 * Items from a template have no proposer and are not counted: nobody at the table chose them.
 */
public final class AgendaBalance {

  private final Map<Side, Integer> counts;

  private AgendaBalance(Map<Side, Integer> counts) {
    this.counts = counts;
  }

  public static AgendaBalance of(BoardState state) {
    Map<Side, Integer> counts = new EnumMap<>(Side.class);
    for (Side side : Side.values()) {
      counts.put(side, 0);
    }
    state.liveEntities().values().forEach(entity -> {
      if (entity.kind.name().equals("agendaItem") && entity.fields.get("proposedByRole") instanceof String role) {
        // A role the schema accepts is always known; find() only guards a state read from elsewhere.
        Role.find(role).ifPresent(r -> counts.merge(r.side(), 1, Integer::sum));
      }
    });
    return new AgendaBalance(counts);
  }

  public int count(Side side) {
    return counts.get(side);
  }

  public boolean familyHasProposed() {
    return count(Side.FAMILY) > 0;
  }

  /** {family, school, care, other}: the shape the JavaScript twin's agendaBalance returns. */
  public Map<String, Integer> toMap() {
    Map<String, Integer> map = new LinkedHashMap<>();
    counts.forEach((side, count) -> map.put(side.name().toLowerCase(), count));
    return map;
  }
}
