package org.aantafel.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.aantafel.testsupport.Browsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the shared vectors against the browser modules in webroot/js/board/ inside headless Chromium. */
class OtVectorsBrowserTest {

  private static Vertx vertx;
  private static HttpServer server;

  @BeforeAll
  static void serve() {
    vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    // The harness and the vectors come from the test resources; everything else is the real webroot.
    router.get("/blank").handler(ctx -> ctx.response().putHeader("content-type", "text/html").end("<!doctype html>"));
    router.route("/test-support/*").handler(static_("src/test/resources"));
    router.route("/*").handler(static_("webroot"));
    server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
  }

  private static StaticHandler static_(String directory) {
    return StaticHandler.create(FileSystemAccess.ROOT, Path.of(directory).toAbsolutePath().toString())
        .setCachingEnabled(false);
  }

  @AfterAll
  static void stop() {
    if (vertx != null) {
      vertx.close().await();
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void javascriptReproducesEveryVector() {
    try (Browsers browsers = Browsers.launch()) {
      Page page = browsers.newPage();
      String origin = "http://127.0.0.1:" + server.actualPort();
      // Module imports need a page of the http origin, not about:blank.
      page.navigate(origin + "/blank");
      Map<String, Object> result = (Map<String, Object>) page.evaluate(
          "async () => (await import('/test-support/js/ot-vector-harness.js'))"
              + ".runVectors('/test-support/vectors/ot-vectors.json')");
      List<String> failures = (List<String>) result.get("failures");
      int total = ((Number) result.get("total")).intValue();
      assertEquals(new VectorChecks().run(loadVectors()).total(), total, "every vector was run");
      assertTrue(failures.isEmpty(),
          () -> failures.size() + " of " + total + " cases failed in the browser:\n" + String.join("\n", failures));
    }
  }

  private static Map<String, Object> loadVectors() {
    try {
      return VectorChecks.load();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
