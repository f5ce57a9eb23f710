package org.aantafel.web;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import org.aantafel.testsupport.ServerTest;
import org.aantafel.testsupport.TestServer;
import org.aantafel.testsupport.TestServer.CreatedBoard;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.aantafel.testsupport.BusClient.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The headers that keep pages from being framed, injected into or cached, on a real server. */
class SecurityHeadersTest extends ServerTest {

  private HttpResponse<Buffer> get(String path, String token) {
    HttpRequest<Buffer> request = server.http().get(server.port(), "localhost", path);
    if (token != null) {
      request.putHeader("Authorization", "Bearer " + token);
    }
    return await(request.send());
  }

  @Test
  void everyPageAndFileHasTheContentSecurityPolicyAndCannotBeFramed() {
    CreatedBoard board = server.createBoard("Headers");
    for (String path : List.of("/", "/index.html", "/b/" + board.id(), "/b/" + board.id() + "/record/1",
        "/b/" + board.id() + "/series", "/js/board-main.js", "/css/app.css", "/webjars/lit/3.3.2/index.js",
        "/no-such-file", "/api/boards/" + board.id() + "/state", "/health")) {
      HttpResponse<Buffer> response = get(path, board.token("viewer"));
      String csp = response.getHeader("Content-Security-Policy");
      assertTrue(csp != null && csp.startsWith("default-src 'self'; script-src 'self'"), path + ": " + csp);
      for (String directive : List.of("object-src 'none'", "base-uri 'none'", "form-action 'self'",
          "frame-ancestors 'none'", "connect-src 'self'", "img-src 'self' data: blob:")) {
        assertTrue(csp.contains(directive), path + " lacks " + directive + ": " + csp);
      }
      assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval"), csp);
      assertEquals("DENY", response.getHeader("X-Frame-Options"), path);
      assertEquals("nosniff", response.getHeader("X-Content-Type-Options"), path);
      assertNull(response.getHeader("Strict-Transport-Security"), "not on a server that is not https");
    }
  }

  /** An import map cannot be a file; its inline script is allowed by exactly its hash, and no other inline script. */
  @Test
  void theImportMapIsAllowedByItsHash() throws Exception {
    HttpResponse<Buffer> page = get("/b/x", null);
    Matcher map = Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL)
      .matcher(page.bodyAsString());
    assertTrue(map.find(), page.bodyAsString());
    String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
      .digest(map.group(1).getBytes(StandardCharsets.UTF_8)));
    String scriptSrc = page.getHeader("Content-Security-Policy").split(";")[1].strip();
    assertEquals("script-src 'self' 'sha256-" + hash + "'", scriptSrc, "every page has the same import map");
  }

  @Test
  void apiAnswersAreNeverStoredErrorsIncluded() {
    CreatedBoard board = server.createBoard("No store");
    String id = board.id();
    for (HttpResponse<Buffer> response : List.of(
        get("/api/boards/" + id + "/state", board.token("viewer")),
        get("/api/boards/" + id + "/state", null),
        get("/api/boards/" + id + "/state", "wrong"),
        get("/api/boards/" + id + "/records", board.token("viewer")),
        get("/api/boards/" + id + "/records/1.html", board.token("viewer")),
        get("/api/no-such-endpoint", null),
        get("/api/features", null),
        await(server.http().post(server.port(), "localhost", "/api/boards")
          .sendJsonObject(new JsonObject().put("title", "Created"))),
        await(server.http().post(server.port(), "localhost", "/api/boards")
          .putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer("x".repeat(65 * 1024)))))) {
      assertEquals("no-store", response.getHeader("Cache-Control"), response.statusCode() + " " + response.bodyAsString());
    }
    assertNull(get("/css/app.css", null).getHeader("Cache-Control"), "static files are as before");
  }

  @Test
  void httpsServersTellBrowsersToStayOnHttps() {
    Vertx other = Vertx.vertx();
    try (TestServer https = TestServer.start(other, new JsonObject().put("publicUrl", "https://aantafel.school.test"))) {
      for (String path : List.of("/", "/api/features", "/no-such-file")) {
        HttpResponse<Buffer> response = await(https.http().get(https.port(), "localhost", path).send());
        assertEquals("max-age=31536000; includeSubDomains", response.getHeader("Strict-Transport-Security"), path);
      }
    } finally {
      await(other.close());
    }
  }
}
