package org.aantafel;

import org.aantafel.testsupport.MainProcess;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.aantafel.sync.Addresses;
import org.aantafel.testsupport.BusClient;
import org.aantafel.testsupport.TestServer.CreatedBoard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.aantafel.testsupport.BusClient.await;
import static org.aantafel.testsupport.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server as it runs in production, a JVM of its own with the embedded PostgreSQL, stops within seconds of
 * SIGTERM, says nothing alarming while stopping, and finds what was written when it starts again.
 */
class ServerStopTest {
  private static final String GOAL = "Sam feels safe in class again";
  /** The first start unpacks and initialises PostgreSQL; on a busy machine that takes a while. */
  private static final Duration START = Duration.ofMinutes(2);
  private static final Duration STOP = Duration.ofSeconds(5);

  @TempDir
  Path dir;

  private Vertx vertx;
  private WebClient http;
  private MainProcess server;

  @BeforeEach
  void client() {
    vertx = Vertx.vertx();
    http = WebClient.create(vertx);
  }

  @AfterEach
  void cleanUp() throws Exception {
    if (server != null) {
      server.kill();
    }
    await(vertx.close());
  }

  @Test
  void sigtermStopsWithinSecondsAndKeepsTheBoard() throws Exception {
    int port = MainProcess.freePort();
    server = start(port, "first.log");
    CreatedBoard board = new CreatedBoard(await(http.post(port, "127.0.0.1", "/api/boards")
      .sendJsonObject(new JsonObject().put("title", "Zorgoverleg").put("language", "en").put("template", "empty")))
      .bodyAsJsonObject());
    BusClient anna = BusClient.connect(vertx, port);
    anna.call(Addresses.JOIN, new JsonObject().put("boardId", board.id()).put("token", board.token("participant"))
      .put("clientId", "anna").put("name", "Anna").put("role", "parent"));
    // The answer to a submit means the change is committed.
    anna.call(Addresses.SUBMIT, new JsonObject().put("boardId", board.id()).put("clientId", "anna").put("seq", 1)
      .put("baseRev", 0).put("ops", new JsonArray().add(new JsonObject().put("type", "text").put("id", "board")
        .put("field", "goal").put("edit", new JsonArray().add(GOAL)))));

    Duration stopped = server.terminate(Duration.ofSeconds(40));

    List<String> output = server.output();
    assertTrue(stopped.compareTo(STOP) <= 0, "stopped after " + stopped.toMillis() + " ms:\n" + String.join("\n", output));
    for (String line : output) {
      assertTrue(!line.contains("Exception") && !line.contains("ERROR") && !line.contains("FATAL"),
        "alarming output: " + line);
    }
    server = start(port, "second.log");
    HttpResponse<Buffer> state = await(http.get(port, "127.0.0.1", "/api/boards/" + board.id() + "/state")
      .putHeader("Authorization", "Bearer " + board.token("viewer")).send());
    assertEquals(200, state.statusCode(), state.bodyAsString());
    assertTrue(state.bodyAsString().contains(GOAL), state.bodyAsString());
  }

  private MainProcess start(int port, String log) throws Exception {
    MainProcess started = MainProcess.start(dir.resolve("data"), port, dir.resolve(log));
    eventually(START, () -> {
      assertTrue(started.alive(), "the server exited during its start");
      // Refused connections are expected until it listens.
      assertEquals(200, (int) await(http.get(port, "127.0.0.1", "/health").send()
        .map(HttpResponse::statusCode).otherwise(0)));
    });
    return started;
  }
}
