package org.aantafel.board;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Writes src/test/resources/vectors/rule-vectors.json: the meeting's rules as the Java side decides them, which the
 * browser's twins must reproduce (src/test/js/rule-vectors.test.js) and RuleVectorsTest holds equal to what Java
 * decides now. Nothing here depends on a random board of the schema, so the file changes only when a rule does: run
 * {@link #main} from the project directory after such a deliberate change ({@code mvn -o -q exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=org.aantafel.board.RuleVectorGenerator}), review the diff and change
 * the browser's twin to match.
 */
public final class RuleVectorGenerator {

  static final Path FILE = Path.of("src/test/resources/vectors/rule-vectors.json");
  private static final long SEED = 20261207L;

  private RuleVectorGenerator() {
  }

  public static void main(String[] args) throws IOException {
    Files.writeString(FILE, OtVectorGenerator.asciiJson(generate()), StandardCharsets.US_ASCII);
    System.out.println("wrote " + FILE.toAbsolutePath());
  }

  static Map<String, Object> generate() {
    Map<String, Object> vectors = new LinkedHashMap<>();
    vectors.put("seed", SEED);
    ChoiceVectors.add(vectors);
    RightsVectors.add(vectors);
    QuestionPollVectors.add(vectors, new Random(SEED));
    InputLimitVectors.add(vectors);
    return vectors;
  }
}
