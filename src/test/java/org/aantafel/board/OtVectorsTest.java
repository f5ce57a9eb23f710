package org.aantafel.board;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The Java side of the shared test vectors; src/test/js/ot-vectors.test.js runs the same file against the browser's
 * modules under node.
 */
class OtVectorsTest {

  @Test
  void javaReproducesEveryVector() throws IOException {
    VectorChecks checks = new VectorChecks().run(VectorChecks.load());
    assertTrue(checks.total() > 500, "vectors present: " + checks.total());
    assertTrue(checks.failures().isEmpty(),
        () -> checks.failures().size() + " of " + checks.total() + " cases failed:\n"
            + String.join("\n", checks.failures()));
  }
}
