package org.aantafel.board;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random ops over every kind and field of the schema. Committed ops are what a board's op log holds: valid in turn
 * under {@link BoardState#applyCommitted}, stamped fields included, never a control. Submitted ops are what a browser
 * sends: no stamped fields, and timer controls too; whether the meeting's rules accept them depends on the actor.
 */
final class RandomOps {

  private final Random random;
  private final RandomValues values;
  private final String idPrefix;
  private final boolean submitted;
  private int created;

  private RandomOps(Random random, String idPrefix, boolean submitted) {
    this.random = random;
    this.values = new RandomValues(random);
    this.idPrefix = idPrefix;
    this.submitted = submitted;
  }

  RandomOps(Random random, String idPrefix) {
    this(random, idPrefix, false);
  }

  static RandomOps submitted(Random random, String idPrefix) {
    return new RandomOps(random, idPrefix, true);
  }

  /** A board with a few entities of each kind, some of them deleted. */
  static BoardState randomBoard(Random random) {
    BoardState state = BoardState.create(RandomEdits.text(random, 10), "nl");
    state.applyCommitted(new RandomOps(random, "s").ops(state, 6 + random.nextInt(16)));
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

  /** Up to {@code count} committed ops valid in turn on {@code state}, which is left as it was. */
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

  /** One op on a live entity of {@code state}, or a create. */
  Op next(BoardState state) {
    List<String> live = liveIds(state);
    double r = random.nextDouble();
    if (r < 0.15 || live.size() == 1) {
      return create();
    }
    String id = live.get(random.nextInt(live.size()));
    if (r < 0.25 && !id.equals("board")) {
      return new Op.Delete(id);
    }
    String kind = kindOf(state, id);
    if (r < 0.55 && !fields(kind, false).isEmpty()) {
      return set(id, kind);
    }
    String field = values.pick(fields(kind, true));
    String current = state.text(id, field).orElseThrow();
    return new Op.Text(id, field, RandomEdits.edit(random, current));
  }

  private Op create() {
    String kind = values.pick(List.of("agendaItem", "agendaItem", "action", "checkin", "agreement", "goalCheck",
        "evaluation", "question"));
    String id = idPrefix + (++created);
    Map<String, Object> fields = new LinkedHashMap<>();
    for (FieldSpec spec : BoardSchema.STANDARD.kind(kind).fields().values()) {
      if (random.nextInt(3) > 0 || spec.isControl() || submitted && spec.isStamped()) {
        continue;
      }
      fields.put(spec.name(), spec.isText() ? RandomEdits.text(random, 6) : values.valueFor(kind, spec.name()));
    }
    return new Op.Create(id, kind, fields);
  }

  private Op set(String id, String kind) {
    if (submitted && kind.equals("agendaItem") && random.nextInt(3) == 0) {
      return new Op.Set(id, Timers.CONTROL, values.pick(List.of("start", "pause", "reset")));
    }
    String field = values.pick(fields(kind, false));
    return new Op.Set(id, field, values.valueFor(kind, field));
  }

  /** The text fields, or the value fields this generator may set. */
  private List<String> fields(String kind, boolean text) {
    return BoardSchema.STANDARD.kind(kind).fields().values().stream()
        .filter(spec -> spec.isText() == text && !spec.isControl() && !(submitted && spec.isStamped()))
        .map(FieldSpec::name).toList();
  }

  private static List<String> liveIds(BoardState state) {
    List<String> ids = new ArrayList<>(List.of("board"));
    ids.addAll(state.liveEntities().keySet());
    return ids;
  }

  private static String kindOf(BoardState state, String id) {
    return id.equals("board") ? "board" : state.liveEntities().get(id).kind.name();
  }
}
