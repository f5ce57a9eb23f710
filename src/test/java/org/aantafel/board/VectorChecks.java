package org.aantafel.board;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Checks every case of ot-vectors.json against the Java implementation, collecting failures instead of stopping. */
final class VectorChecks {

  private final List<String> failures = new ArrayList<>();
  private int total;

  static Map<String, Object> load() throws IOException {
    return plain(new JsonObject(Files.readString(OtVectorGenerator.FILE)));
  }

  List<String> failures() {
    return failures;
  }

  int total() {
    return total;
  }

  @SuppressWarnings("unchecked")
  VectorChecks run(Map<String, Object> vectors) {
    forEach(vectors, "text", this::text);
    forEach(vectors, "normalise", c -> check(c, "output", TextOperation.fromComponents(list(c, "input")).toComponents()));
    for (Object input : (List<Object>) vectors.get("invalidEdits")) {
      total++;
      try {
        TextOperation.fromComponents((List<?>) input);
        failures.add("invalidEdits " + input + ": accepted");
      } catch (BoardRejection expected) {
        // refused, as it should be
      }
    }
    forEach(vectors, "orderKeys", c -> check(c, "key", keyOrNull((String) c.get("a"), (String) c.get("b"))));
    forEach(vectors, "opLists", this::opList);
    forEach(vectors, "tables", c -> {
      check(c, "roles", MeetingVectors.roles());
      check(c, "phases", BoardSchema.PHASES);
      check(c, "topics", MeetingVectors.topics());
    });
    forEach(vectors, "balances", c -> check(c, "balance",
        AgendaBalance.of(BoardState.fromMap((Map<String, Object>) c.get("state"))).toMap()));
    forEach(vectors, "timers", this::timer);
    forEach(vectors, "screenings", this::screening);
    forEach(vectors, "kindRules", c -> check(c, "table", KindRulesVectors.table()));
    forEach(vectors, "personalIds", c -> check(c, "id", BoardSchema.STANDARD.kind((String) c.get("kind")).rules()
        .personal().id((String) c.get("parent"), (String) c.get("participantId"))));
    return this;
  }

  private interface CaseCheck {
    void check(Map<String, Object> c);
  }

  @SuppressWarnings("unchecked")
  private void forEach(Map<String, Object> vectors, String group, CaseCheck check) {
    List<Map<String, Object>> cases = (List<Map<String, Object>>) vectors.get(group);
    for (int i = 0; i < cases.size(); i++) {
      total++;
      int before = failures.size();
      try {
        check.check(cases.get(i));
      } catch (RuntimeException e) {
        failures.add(e.toString());
      }
      for (int f = before; f < failures.size(); f++) {
        failures.set(f, group + "[" + i + "] " + failures.get(f));
      }
    }
  }

  private void text(Map<String, Object> c) {
    String doc = (String) c.get("doc");
    TextOperation a = TextOperation.fromComponents(list(c, "a"));
    TextOperation b = TextOperation.fromComponents(list(c, "b"));
    TextOperation next = TextOperation.fromComponents(list(c, "next"));
    TextOperation[] primes = TextOperation.transform(a, b);
    check(c, "a", a.toComponents());
    check(c, "aPrime", primes[0].toComponents());
    check(c, "bPrime", primes[1].toComponents());
    check(c, "afterA", a.apply(doc));
    check(c, "converged", primes[1].apply(a.apply(doc)));
    check(c, "converged", primes[0].apply(b.apply(doc)));
    check(c, "composed", a.compose(next).toComponents());
    check(c, "afterComposed", a.compose(next).apply(doc));
    for (Object pair : list(c, "indexes")) {
      List<?> indexes = (List<?>) pair;
      int moved = a.transformIndex(((Number) indexes.get(0)).intValue());
      if (moved != ((Number) indexes.get(1)).intValue()) {
        failures.add("transformIndex(" + indexes.get(0) + ") = " + moved + ", expected " + indexes.get(1));
      }
    }
  }

  @SuppressWarnings("unchecked")
  private void timer(Map<String, Object> c) {
    Map<String, Object> item = (Map<String, Object>) c.get("item");
    long now = ((Number) c.get("now")).longValue();
    // JSON reads small numbers as Integer, so compare numbers by value.
    if (((Number) c.get("elapsed")).longValue() != Timers.elapsedMs(item, now)) {
      failures.add("elapsed: expected " + c.get("elapsed") + " but was " + Timers.elapsedMs(item, now));
    }
    check(c, "running", Timers.isRunning(item));
  }

  private static String keyOrNull(String a, String b) {
    try {
      return OrderKey.between(a, b);
    } catch (BoardRejection e) {
      return null;
    }
  }

  @SuppressWarnings("unchecked")
  private void opList(Map<String, Object> c) {
    Map<String, Object> state = (Map<String, Object>) c.get("state");
    List<Op> local = Op.listFromMaps(list(c, "local"));
    List<Op> remote = Op.listFromMaps(list(c, "remote"));
    List<List<Op>> primes = OpTransform.transformClient(local, remote);
    List<Op> incomingPrime = OpTransform.transformIncoming(local, remote);
    check(c, "localPrime", Op.listToMaps(primes.get(0)));
    check(c, "remotePrime", Op.listToMaps(primes.get(1)));
    check(c, "incomingPrime", Op.listToMaps(incomingPrime));
    check(c, "final", applied(state, remote, primes.get(0)));
    check(c, "final", applied(state, local, primes.get(1)));
    check(c, "final", applied(state, remote, incomingPrime));
  }

  private static Map<String, Object> applied(Map<String, Object> state, List<Op> first, List<Op> second) {
    BoardState board = BoardState.fromMap(state);
    board.applyCommitted(first);
    board.applyCommitted(second);
    return board.toMap();
  }

  /** Replays the steps, re-screening each one for every viewer the case holds. */
  @SuppressWarnings("unchecked")
  private void screening(Map<String, Object> c) {
    BoardState state = BoardState.fromMap((Map<String, Object>) c.get("start"));
    List<Map<String, Object>> views = (List<Map<String, Object>>) c.get("views");
    List<Viewer> viewers = views.stream()
        .map(v -> new Viewer((String) v.get("participantId"), (Boolean) v.get("facilitator"))).toList();
    for (int v = 0; v < views.size(); v++) {
      check(views.get(v), "start", Screening.state(state.toMap(), viewers.get(v)));
    }
    List<Object> steps = list(c, "steps");
    for (int i = 0; i < steps.size(); i++) {
      List<Op> ops = Op.listFromMaps((List<?>) steps.get(i));
      Screening screening = Screening.before(state, ops);
      List<Op> applied = state.applyCommitted(ops);
      for (int v = 0; v < views.size(); v++) {
        Object expected = list(views.get(v), "shown").get(i);
        List<Map<String, Object>> actual = screening.opsFor(viewers.get(v), applied, state);
        if (!expected.equals(actual)) {
          failures.add("step " + i + " shown to " + viewers.get(v) + ": expected " + expected + " but was " + actual);
        }
      }
    }
    for (int v = 0; v < views.size(); v++) {
      check(views.get(v), "end", Screening.state(state.toMap(), viewers.get(v)));
    }
  }

  private void check(Map<String, Object> c, String key, Object actual) {
    if (!Objects.equals(c.get(key), actual)) {
      failures.add(key + ": expected " + c.get(key) + " but was " + actual);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Map<String, Object> c, String key) {
    return (List<Object>) c.get(key);
  }

  /** Vert.x JSON as plain Map/List, the shapes the domain reads. */
  @SuppressWarnings("unchecked")
  static <T> T plain(Object json) {
    if (json instanceof JsonObject o) {
      json = o.getMap();
    } else if (json instanceof JsonArray a) {
      json = a.getList();
    }
    if (json instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put((String) k, plain(v)));
      return (T) copy;
    }
    if (json instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(v -> copy.add(plain(v)));
      return (T) copy;
    }
    return (T) json;
  }
}
