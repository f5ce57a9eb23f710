package org.aantafel.board;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes src/test/resources/vectors/ot-vectors.json: cases computed by the Java implementation that the Java
 * tests re-check and the JavaScript twin must reproduce. The seed is fixed, so the file only changes when the
 * behaviour (or this generator) does: run {@link #main} from the project directory after such a deliberate change,
 * with the test class path, and review the diff.
 */
public final class OtVectorGenerator {

  static final Path FILE = Path.of("src/test/resources/vectors/ot-vectors.json");
  private static final long SEED = 20261125L;

  private OtVectorGenerator() {
  }

  public static void main(String[] args) throws IOException {
    Files.writeString(FILE, asciiJson(generate(new Random(SEED))), StandardCharsets.US_ASCII);
    System.out.println("wrote " + FILE.toAbsolutePath());
  }

  static Map<String, Object> generate(Random random) {
    Map<String, Object> vectors = new LinkedHashMap<>();
    vectors.put("seed", SEED);
    vectors.put("text", repeat(300, () -> textCase(random)));
    vectors.put("normalise", repeat(60, () -> normaliseCase(random)));
    vectors.put("invalidEdits", Arrays.asList(List.of(0), List.of(""), List.of(1.5), List.of(true),
        Arrays.asList((Object) null), List.of(List.of(1)), List.of(Map.of()), List.of(3_000_000_000L)));
    vectors.put("orderKeys", orderKeyCases(random));
    vectors.put("opLists", repeat(40, () -> opListCase(random)));
    MeetingVectors.add(vectors, random);
    ScreeningVectors.add(vectors, random);
    KindRulesVectors.add(vectors, random);
    return vectors;
  }

  private interface CaseMaker {
    Map<String, Object> make();
  }

  private static List<Map<String, Object>> repeat(int count, CaseMaker maker) {
    List<Map<String, Object>> cases = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      cases.add(maker.make());
    }
    return cases;
  }

  private static Map<String, Object> textCase(Random random) {
    String doc = RandomEdits.text(random, 30);
    TextOperation a = RandomEdits.edit(random, doc);
    TextOperation b = RandomEdits.edit(random, doc);
    TextOperation[] primes = TextOperation.transform(a, b);
    String afterA = a.apply(doc);
    TextOperation next = RandomEdits.edit(random, afterA);
    List<List<Integer>> indexes = new ArrayList<>();
    for (int i = 0; i <= doc.length(); i++) {
      indexes.add(List.of(i, a.transformIndex(i)));
    }
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("doc", doc);
    c.put("a", a.toComponents());
    c.put("b", b.toComponents());
    c.put("aPrime", primes[0].toComponents());
    c.put("bPrime", primes[1].toComponents());
    c.put("afterA", afterA);
    c.put("converged", primes[1].apply(afterA));
    c.put("next", next.toComponents());
    c.put("composed", a.compose(next).toComponents());
    c.put("afterComposed", next.apply(afterA));
    c.put("indexes", indexes);
    return c;
  }

  /** The same edit spelled badly: split components, deletes before inserts. */
  private static Map<String, Object> normaliseCase(Random random) {
    TextOperation op = RandomEdits.edit(random, RandomEdits.text(random, 20));
    List<Object> input = new ArrayList<>();
    for (Object c : op.toComponents()) {
      if (c instanceof String s && s.length() > 1) {
        int cut = 1 + random.nextInt(s.length() - 1);
        input.add(s.substring(0, cut));
        input.add(s.substring(cut));
      } else if (c instanceof Integer n && Math.abs(n) > 1) {
        input.add(Integer.signum(n));
        input.add(n - Integer.signum(n));
      } else {
        input.add(c);
      }
    }
    for (int i = 1; i < input.size(); i++) {
      if (input.get(i - 1) instanceof String && TextOperation.isDelete(input.get(i)) && random.nextBoolean()) {
        input.add(i - 1, input.remove(i));
      }
    }
    return Map.of("input", input, "output", TextOperation.fromComponents(input).toComponents());
  }

  private static List<Map<String, Object>> orderKeyCases(Random random) {
    List<Map<String, Object>> cases = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      // Mostly random places, sometimes a run at one end, as lists grow in practice.
      int at = i % 5 == 4 ? keys.size() : random.nextInt(keys.size() + 1);
      String a = at == 0 ? null : keys.get(at - 1);
      String b = at == keys.size() ? null : keys.get(at);
      String key = OrderKey.between(a, b);
      keys.add(at, key);
      cases.add(keyCase(a, b, key));
    }
    for (String[] bad : new String[][] {{"a1", "a0"}, {"a1", "a1"}, {"a10", null}, {"", null}, {null, "a"}}) {
      cases.add(keyCase(bad[0], bad[1], null));
    }
    return cases;
  }

  private static Map<String, Object> keyCase(String a, String b, String key) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("a", a);
    c.put("b", b);
    c.put("key", key);
    return c;
  }

  private static Map<String, Object> opListCase(Random random) {
    RandomOps.Concurrent concurrent = RandomOps.Concurrent.random(random, 5);
    BoardState state = concurrent.state();
    List<Op> local = concurrent.local();
    List<Op> remote = concurrent.remote();
    List<List<Op>> primes = OpTransform.transformClient(local, remote);
    BoardState end = state.copy();
    end.applyCommitted(remote);
    end.applyCommitted(primes.get(0));
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("state", state.toMap());
    c.put("local", Op.listToMaps(local));
    c.put("remote", Op.listToMaps(remote));
    c.put("localPrime", Op.listToMaps(primes.get(0)));
    c.put("remotePrime", Op.listToMaps(primes.get(1)));
    c.put("incomingPrime", Op.listToMaps(OpTransform.transformIncoming(local, remote)));
    c.put("final", end.toMap());
    return c;
  }

  /** JSON with every non-ASCII character escaped, so that split surrogate pairs survive any file encoding. */
  static String asciiJson(Map<String, Object> vectors) {
    String json = new JsonObject(vectors).encodePrettily();
    StringBuilder out = new StringBuilder(json.length());
    for (char ch : json.toCharArray()) {
      out.append(ch < 0x7f ? String.valueOf(ch) : String.format("\\u%04x", (int) ch));
    }
    return out.append('\n').toString();
  }
}
