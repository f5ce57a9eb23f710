package org.aantafel.board;

import static org.aantafel.board.Table.CHAIR;
import static org.aantafel.board.Table.PARENT;
import static org.aantafel.board.Table.TEACHER;
import static org.aantafel.board.Table.create;
import static org.aantafel.board.Table.set;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The "screenings" group of ot-vectors.json: random webinars of asking, typing, moderating, voting and withdrawing,
 * with what each viewer is shown of every change ({@link Screening}). The browser's applyOps must take each viewer
 * from the board they were shown at the start, through what they were shown, to the board they are shown at the end.
 */
final class ScreeningVectors {
  private static final List<Actor> ACTORS = List.of(PARENT, TEACHER, CHAIR);
  static final List<Viewer> VIEWERS = List.of(Viewer.PUBLIC, Viewer.of(PARENT.participantId(), Grant.PARTICIPANT),
    Viewer.of(TEACHER.participantId(), Grant.PARTICIPANT), Viewer.of(CHAIR.participantId(), Grant.FACILITATOR));

  private ScreeningVectors() {
  }

  static void add(Map<String, Object> vectors, Random random) {
    List<Map<String, Object>> cases = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      cases.add(webinar(random));
    }
    vectors.put("screenings", cases);
  }

  private static Map<String, Object> webinar(Random random) {
    Table table = new Table();
    if (random.nextBoolean()) {
      table.apply(CHAIR, set("board", "questionsNeedApproval", true));
    }
    Map<String, Object> start = table.state.toMap();
    List<List<Map<String, Object>>> steps = new ArrayList<>();
    List<List<List<Map<String, Object>>>> shown = new ArrayList<>();
    VIEWERS.forEach(v -> shown.add(new ArrayList<>()));
    for (int step = 0; step < 40; step++) {
      Actor actor = ACTORS.get(random.nextInt(ACTORS.size()));
      List<Op> ops = List.of(randomOp(random, actor, table.state));
      Screening screening = Screening.before(table.state, ops);
      List<Op> applied;
      try {
        applied = table.apply(actor, ops.toArray(Op[]::new));
      } catch (BoardRejection refused) {
        continue;
      }
      steps.add(Op.listToMaps(applied));
      for (int v = 0; v < VIEWERS.size(); v++) {
        shown.get(v).add(screening.opsFor(VIEWERS.get(v), applied, table.state));
      }
    }
    List<Map<String, Object>> views = new ArrayList<>();
    for (int v = 0; v < VIEWERS.size(); v++) {
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("participantId", VIEWERS.get(v).participantId());
      view.put("facilitator", VIEWERS.get(v).facilitator());
      view.put("start", Screening.state(start, VIEWERS.get(v)));
      view.put("shown", shown.get(v));
      view.put("end", Screening.state(table.state.toMap(), VIEWERS.get(v)));
      views.add(view);
    }
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("start", start);
    c.put("steps", steps);
    c.put("views", views);
    return c;
  }

  /** Something a listener or the host might do to questions q0..q3; the board refuses what they may not. */
  private static Op randomOp(Random random, Actor actor, BoardState state) {
    String question = "q" + random.nextInt(4);
    return switch (random.nextInt(7)) {
      case 0 -> create(question, "question", Map.of("text", "vraag " + question + " van " + actor.name()));
      case 1 -> {
        int length = state.text(question, "text").orElse("").length();
        yield length == 0 ? Table.text(question, "text", "nu ") : Table.text(question, "text", "nu ", length);
      }
      case 2 -> set(question, Questions.MODERATION, List.of("pending", "approved", "hidden").get(random.nextInt(3)));
      case 3 -> set(question, "answered", random.nextBoolean());
      case 4 -> new Op.Delete(question);
      case 5 -> create(Questions.voteId(question, actor.participantId()), "vote", Map.of("question", question));
      default -> set(Questions.voteId(question, actor.participantId()), Questions.WITHDRAWN, random.nextBoolean());
    };
  }
}
