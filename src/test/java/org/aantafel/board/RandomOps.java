package org.aantafel.board;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Random op lists that are valid, op after op, on a given state: what one client could submit. */
final class RandomOps {

  private final Random random;
  private final String idPrefix;
  private int created;

  RandomOps(Random random, String idPrefix) {
    this.random = random;
    this.idPrefix = idPrefix;
  }

  /** A board with a few entities of each kind, some of them deleted. */
  static BoardState randomBoard(Random random) {
    BoardState state = BoardState.create(RandomEdits.text(random, 10), "nl");
    new RandomOps(random, "s").ops(state, 6 + random.nextInt(10));
    return state;
  }

  /** A random board and two op lists made on it concurrently, "l"-ids local and "r"-ids remote. */
  record Concurrent(BoardState state, List<Op> local, List<Op> remote) {
    static Concurrent random(Random random, int maxOps) {
      BoardState state = randomBoard(random);
      List<Op> local = new RandomOps(random, "l").ops(state, random.nextInt(maxOps + 1));
      return new Concurrent(state, local, new RandomOps(random, "r").ops(state, random.nextInt(maxOps + 1)));
    }
  }

  /** Up to {@code count} ops valid in turn on {@code state}, which is left as it was. */
  List<Op> ops(BoardState state, int count) {
    BoardState working = state.copy();
    List<Op> ops = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Op op = next(working);
      working.applyCommitted(List.of(op));
      ops.add(op);
    }
    return ops;
  }

  private Op next(BoardState state) {
    List<String> live = liveIds(state);
    double r = random.nextDouble();
    if (r < 0.15 || live.isEmpty()) {
      return create();
    }
    String id = live.get(random.nextInt(live.size()));
    if (r < 0.25 && !id.equals("board")) {
      return new Op.Delete(id);
    }
    String kind = kindOf(state, id);
    if (r < 0.5) {
      return set(id, kind);
    }
    String field = pick(textFields(kind));
    String current = state.text(id, field).orElseThrow();
    return new Op.Text(id, field, RandomEdits.edit(random, current));
  }

  private Op create() {
    String id = idPrefix + (++created);
    if (random.nextBoolean()) {
      return new Op.Create(id, "agendaItem", Map.of("title", RandomEdits.text(random, 6), "order", orderKey()));
    }
    return new Op.Create(id, "action", Map.of("what", RandomEdits.text(random, 6), "status", "open"));
  }

  private Op set(String id, String kind) {
    return switch (kind) {
      case "board" -> random.nextBoolean() ? new Op.Set(id, "language", pick(BoardSchema.LANGUAGES))
          : new Op.Set(id, "phase", pick(BoardSchema.PHASES));
      case "agendaItem" -> switch (random.nextInt(3)) {
        case 0 -> new Op.Set(id, "status", pick(List.of("open", "done", "postponed")));
        case 1 -> new Op.Set(id, "timeboxMinutes", random.nextBoolean() ? null : random.nextInt(241));
        default -> new Op.Set(id, "order", orderKey());
      };
      default -> random.nextBoolean() ? new Op.Set(id, "status", pick(List.of("open", "done")))
          : new Op.Set(id, "due", pick(List.of("", "2026-01-31", "2026-12-01")));
    };
  }

  private String orderKey() {
    String key = OrderKey.between(null, null);
    for (int i = random.nextInt(4); i > 0; i--) {
      key = OrderKey.between(key, null);
    }
    return key;
  }

  private static List<String> textFields(String kind) {
    return BoardSchema.STANDARD.kind(kind).fields().values().stream()
        .filter(FieldSpec::isText).map(FieldSpec::name).toList();
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static List<String> liveIds(BoardState state) {
    List<String> ids = new ArrayList<>(List.of("board"));
    entities(state).forEach((id, entity) -> {
      if (!entity.containsKey("deleted")) {
        ids.add(id);
      }
    });
    return ids;
  }

  private static String kindOf(BoardState state, String id) {
    return id.equals("board") ? "board" : (String) entities(state).get(id).get("kind");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> entities(BoardState state) {
    return (Map<String, Map<String, Object>>) state.toMap().get("entities");
  }
}
