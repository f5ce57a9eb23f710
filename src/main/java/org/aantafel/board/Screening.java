package org.aantafel.board;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a {@link Viewer} is shown of a board, so that a question waiting for approval or hidden by the facilitator
 * reaches nobody but the facilitator and who asked it: neither in the state a browser joins with nor in the changes
 * it is sent. To someone who may not see a question, changes to it are left out; when it becomes visible to them
 * (approved) it appears whole, as a {@code reveal} op, and when it stops being visible (hidden, or sent back for
 * approval, or withdrawn) it disappears, as a {@code conceal} op that leaves no tombstone, so that it can appear
 * again. These two ops exist only in what is sent; nobody can submit them.
 *
 * <p>Made before a change is applied ({@link #before}), since whether someone saw a question depends on how it was.
 */
public final class Screening {
  public static final String REVEAL = "reveal";
  public static final String CONCEAL = "conceal";
  private static final String QUESTION = "question";

  private enum Treatment { PASS, DROP, REVEAL, CONCEAL }

  /** Most changes touch no question: they need no sets of their own. */
  private static final Screening NOTHING = new Screening(Map.of(), Set.of());

  /** The live questions the change touches, as they were before it. */
  private final Map<String, Map<String, Object>> before;
  /** The questions the change creates. */
  private final Set<String> created;
  private final Set<String> touched;

  private Screening(Map<String, Map<String, Object>> before, Set<String> created) {
    this.before = before;
    this.created = created;
    Set<String> all = new HashSet<>(before.keySet());
    all.addAll(created);
    this.touched = Set.copyOf(all);
  }

  /**
   * The state map (as {@link BoardState#toMap}) without the questions the viewer may not see. Withdrawn questions
   * leave no tombstone either, except for the facilitator: to everyone else a withdrawn question is concealed like a
   * hidden one, so that nobody can tell one from the other.
   */
  public static Map<String, Object> state(Map<String, Object> state, Viewer viewer) {
    if (viewer.facilitator()) {
      return state;
    }
    Map<String, Object> entities = new LinkedHashMap<>();
    ((Map<?, ?>) state.get("entities")).forEach((id, value) -> {
      Map<?, ?> entity = (Map<?, ?>) value;
      boolean unseen = QUESTION.equals(entity.get("kind"))
        && (Boolean.TRUE.equals(entity.get("deleted")) || !viewer.sees(entity));
      if (!unseen) {
        entities.put((String) id, entity);
      }
    });
    Map<String, Object> screened = new LinkedHashMap<>(state);
    screened.put("entities", entities);
    return screened;
  }

  /** Notes how the questions that these ops (about to be applied to the state) touch are now. */
  public static Screening before(BoardState state, List<Op> ops) {
    Map<String, Map<String, Object>> questions = new HashMap<>();
    Set<String> created = new HashSet<>();
    for (Op op : ops) {
      if (op instanceof Op.Create create) {
        if (QUESTION.equals(create.kind())) {
          created.add(create.id());
        }
      } else if (!questions.containsKey(op.id()) && state.kindOf(op.id()).filter(QUESTION::equals).isPresent()) {
        state.fields(op.id()).ifPresent(fields -> questions.put(op.id(), fields));
      }
    }
    return questions.isEmpty() && created.isEmpty() ? NOTHING : new Screening(questions, created);
  }

  /** Whether the viewer is shown something else than the applied ops themselves. */
  public boolean hides(Viewer viewer, BoardState after) {
    for (String id : touched) {
      if (treatment(id, viewer, after) != Treatment.PASS) {
        return true;
      }
    }
    return false;
  }

  /** Who asked the questions the change touches: the only ones besides the facilitator who may see more. */
  public Set<String> askers(BoardState after) {
    Set<String> askers = new LinkedHashSet<>();
    for (String id : touched) {
      Optional.ofNullable(before.get(id)).map(f -> f.get("proposedBy")).ifPresent(p -> askers.add((String) p));
      after.fields(id).map(f -> f.get("proposedBy")).ifPresent(p -> askers.add((String) p));
    }
    return askers;
  }

  /** The applied ops as the viewer is shown them, in the wire shape. */
  public List<Map<String, Object>> opsFor(Viewer viewer, List<Op> applied, BoardState after) {
    List<Map<String, Object>> shown = new ArrayList<>(applied.size());
    Set<String> done = new HashSet<>();
    for (Op op : applied) {
      Treatment treatment = touched.contains(op.id()) ? treatment(op.id(), viewer, after) : Treatment.PASS;
      switch (treatment) {
        case PASS -> shown.add(op.toMap());
        case DROP -> { }
        case REVEAL -> {
          if (done.add(op.id())) {
            shown.add(reveal(op.id(), after));
          }
        }
        case CONCEAL -> {
          if (done.add(op.id())) {
            shown.add(conceal(op.id()));
          }
        }
      }
    }
    return shown;
  }

  private Treatment treatment(String id, Viewer viewer, BoardState after) {
    if (viewer.facilitator()) {
      return Treatment.PASS;
    }
    Optional<Map<String, Object>> now = after.fields(id);
    if (created.contains(id)) {
      // Created and deleted within the change leaves nothing a viewer needs to hear of.
      return now.isPresent() && viewer.sees(now.get()) ? Treatment.PASS : Treatment.DROP;
    }
    boolean sawBefore = viewer.sees(before.get(id));
    boolean seesAfter = now.isPresent() && viewer.sees(now.get());
    if (sawBefore == seesAfter) {
      return sawBefore ? Treatment.PASS : Treatment.DROP;
    }
    return seesAfter ? Treatment.REVEAL : Treatment.CONCEAL;
  }

  private static Map<String, Object> reveal(String id, BoardState after) {
    Map<String, Object> op = new LinkedHashMap<>();
    op.put("type", REVEAL);
    op.put("id", id);
    op.put("kind", QUESTION);
    op.put("fields", after.fields(id).orElseThrow());
    return op;
  }

  private static Map<String, Object> conceal(String id) {
    Map<String, Object> op = new LinkedHashMap<>();
    op.put("type", CONCEAL);
    op.put("id", id);
    return op;
  }
}
