package org.aantafel.sync;

import org.aantafel.board.BoardState;
import org.aantafel.board.Op;
import org.aantafel.board.OrderKey;
import org.aantafel.board.Removal;
import org.aantafel.board.TextOperation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * Makes one random edit at a time that is valid on the client's local state: text inserts and deletes on the board's
 * goal and on agenda item titles, creates of agenda items, status and order sets, and removals of items (an agenda
 * item is removed with undo, never deleted: KindRules).
 *
 * <p>Every insert carries a unique marker such as {@code [c3-17]} and only ever lands between markers, never inside
 * one; text deletes remove only filler ({@code _}). So whatever the server does, an acknowledged insert must survive
 * exactly once, unless its whole entity was deleted (a removed item keeps its text).
 */
final class RandomEdits {
  /** An insert's marker and where it was typed. */
  record Marker(String text, String entityId, String field) {}

  record Edit(List<Op> ops, Marker marker) {}

  static final String FILLER = "_";
  /** Per client and item: with five clients the longest title stays under the schema's 300. */
  private static final int MAX_TITLE_INSERTS_PER_ITEM = 4;
  private static final int MAX_INSERT = 7 + 3;

  private final String tag;
  private final Random random;
  private final Map<String, Integer> titleInserts = new HashMap<>();
  private int made;

  RandomEdits(String tag, Random random) {
    this.tag = tag;
    this.random = random;
  }

  /** The longest text one client's {@code edits} inserts, to keep the board within the schema's limits. */
  static int maxInsertedChars(int edits) {
    return edits * MAX_INSERT;
  }

  Edit next(BoardState state) {
    made++;
    List<Map.Entry<String, Map<String, Object>>> items = liveItems(state);
    int roll = random.nextInt(100);
    if (items.isEmpty() || roll < 15) {
      return create(items);
    }
    Map.Entry<String, Map<String, Object>> item = items.get(random.nextInt(items.size()));
    if (roll < 45) {
      return insert(state, "board", "goal");
    }
    if (roll < 65 && titleInserts.getOrDefault(item.getKey(), 0) < MAX_TITLE_INSERTS_PER_ITEM) {
      titleInserts.merge(item.getKey(), 1, Integer::sum);
      return insert(state, item.getKey(), "title");
    }
    if (roll < 80) {
      Edit delete = random.nextBoolean() ? deleteFiller(state, "board", "goal")
        : deleteFiller(state, item.getKey(), "title");
      return delete != null ? delete : insert(state, "board", "goal");
    }
    if (roll < 88) {
      String status = List.of("open", "done", "postponed").get(random.nextInt(3));
      return new Edit(List.of(new Op.Set(item.getKey(), "status", status)), null);
    }
    if (roll < 93) {
      return new Edit(List.of(new Op.Set(item.getKey(), "order", freeKey(items))), null);
    }
    if (items.size() >= 3) {
      return new Edit(List.of(new Op.Set(item.getKey(), "removed", true)), null);
    }
    return create(items);
  }

  private Edit create(List<Map.Entry<String, Map<String, Object>>> items) {
    String marker = marker();
    String id = "item-" + tag + "-" + made;
    Map<String, Object> fields = new HashMap<>();
    fields.put("title", marker);
    fields.put("order", freeKey(items));
    fields.put("status", "open");
    return new Edit(List.of(new Op.Create(id, "agendaItem", fields)), new Marker(marker, id, "title"));
  }

  private Edit insert(BoardState state, String id, String field) {
    String text = state.text(id, field).orElseThrow();
    List<Integer> positions = new ArrayList<>();
    int depth = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (depth == 0) {
        positions.add(i);
      }
      if (i < text.length()) {
        depth += text.charAt(i) == '[' ? 1 : text.charAt(i) == ']' ? -1 : 0;
      }
    }
    int at = positions.get(random.nextInt(positions.size()));
    String marker = marker();
    String inserted = marker + FILLER.repeat(random.nextInt(4));
    TextOperation edit = TextOperation.empty().retain(at).insert(inserted).retain(text.length() - at);
    return new Edit(List.of(new Op.Text(id, field, edit)), new Marker(marker, id, field));
  }

  /** Deletes part of one run of filler, or returns null when the text has none. */
  private Edit deleteFiller(BoardState state, String id, String field) {
    String text = state.text(id, field).orElseThrow();
    List<int[]> runs = new ArrayList<>();
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == FILLER.charAt(0)) {
        int start = i;
        while (i < text.length() && text.charAt(i) == FILLER.charAt(0)) {
          i++;
        }
        runs.add(new int[] {start, i});
      }
    }
    if (runs.isEmpty()) {
      return null;
    }
    int[] run = runs.get(random.nextInt(runs.size()));
    int length = 1 + random.nextInt(run[1] - run[0]);
    int from = run[0] + random.nextInt(run[1] - run[0] - length + 1);
    TextOperation edit = TextOperation.empty().retain(from).delete(length).retain(text.length() - from - length);
    return new Edit(List.of(new Op.Text(id, field, edit)), null);
  }

  /** A key in a random gap between the distinct keys of the list (equal keys are allowed; they tie by id). */
  private String freeKey(List<Map.Entry<String, Map<String, Object>>> items) {
    List<String> keys = new ArrayList<>(new TreeSet<>(
      items.stream().map(e -> (String) e.getValue().get("order")).toList()));
    int gap = random.nextInt(keys.size() + 1);
    return OrderKey.between(gap == 0 ? null : keys.get(gap - 1), gap == keys.size() ? null : keys.get(gap));
  }

  private String marker() {
    return "[" + tag + "-" + made + "]";
  }

  @SuppressWarnings("unchecked")
  private static List<Map.Entry<String, Map<String, Object>>> liveItems(BoardState state) {
    Map<String, Object> entities = (Map<String, Object>) state.toMap().get("entities");
    List<Map.Entry<String, Map<String, Object>>> live = new ArrayList<>();
    entities.forEach((id, value) -> {
      Map<String, Object> entity = (Map<String, Object>) value;
      if ("agendaItem".equals(entity.get("kind")) && !Removal.gone(entity)) {
        live.add(Map.entry(id, entity));
      }
    });
    return live;
  }
}
