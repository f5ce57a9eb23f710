package org.aantafel.store;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.aantafel.sync.Addresses;
import org.aantafel.testsupport.BusClient;
import org.aantafel.testsupport.TestServer;
import org.aantafel.testsupport.TestServer.CreatedBoard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.aantafel.testsupport.BusClient.await;
import static org.aantafel.testsupport.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Attack 17 of the second review: a deleted meeting's text stayed readable in PostgreSQL's files, in the pages of its
 * tables and in the write-ahead log. On the embedded database a deletion now reaches the disk: no file of the
 * database cluster holds the text afterwards, while another meeting's text is still there.
 */
class DeletionReachesDiskTest {
  private Vertx vertx;
  private TestServer server;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    // An empty dbUrl: the server runs its own embedded PostgreSQL under its data directory, as by default.
    server = TestServer.start(vertx, new JsonObject().put("dbUrl", ""));
  }

  @AfterEach
  void stop() {
    server.close();
    await(vertx.close());
  }

  @Test
  void aDeletedMeetingsTitleNamesGoalAndRecordLeaveEveryFileOfTheDatabase() throws IOException {
    String title = marker("title");
    String name = marker("name");
    String goal = marker("goal");
    String otherTitle = marker("kept");
    CreatedBoard board = server.createBoard(title);
    CreatedBoard other = server.createBoard(otherTitle);
    BusClient anna = server.bus();
    anna.call(Addresses.JOIN, new JsonObject().put("boardId", board.id()).put("token", board.token("participant"))
      .put("clientId", "anna").put("name", name).put("role", "parent"));
    anna.call(Addresses.SUBMIT, new JsonObject().put("boardId", board.id()).put("clientId", "anna").put("seq", 1)
      .put("baseRev", 0).put("ops", new JsonArray().add(new JsonObject().put("type", "text").put("id", "board")
        .put("field", "goal").put("edit", new JsonArray().add(goal)))));
    assertEquals(200, await(server.http().post(server.port(), "localhost", "/api/boards/" + board.id() + "/close")
      .putHeader("Authorization", "Bearer " + board.token("facilitator")).send()).statusCode());
    anna.close();
    for (String text : List.of(title, name, goal)) {
      assertTrue(onDisk(text), "before the deletion the database's files hold " + text);
    }

    assertEquals(204, await(server.http().delete(server.port(), "localhost", "/api/boards/" + board.id())
      .putHeader("Authorization", "Bearer " + board.token("facilitator")).send()).statusCode());

    eventually(() -> {
      for (String text : List.of(title, name, goal)) {
        assertTrue(!onDisk(text), "no file of the database holds the deleted meeting's " + text);
      }
    });
    assertTrue(onDisk(otherTitle), "the meeting that was not deleted is still stored");
    assertEquals(200, await(server.http().get(server.port(), "localhost", "/api/boards/" + other.id() + "/state")
      .putHeader("Authorization", "Bearer " + other.token("viewer")).send()).statusCode());
  }

  private static String marker(String what) {
    return what + "-" + UUID.randomUUID().toString().replace("-", "");
  }

  /** Whether any file of the cluster holds the text; a walk that meets a file being removed is walked again. */
  private boolean onDisk(String text) {
    byte[] needle = text.getBytes(StandardCharsets.UTF_8);
    for (int attempt = 1; ; attempt++) {
      try (Stream<Path> files = Files.walk(server.dataDir().resolve("postgres"))) {
        return files.filter(Files::isRegularFile).anyMatch(file -> contains(file, needle));
      } catch (IOException | java.io.UncheckedIOException e) {
        if (attempt == 10) {
          throw new IllegalStateException("the data directory kept changing while it was read", e);
        }
      }
    }
  }

  private static boolean contains(Path file, byte[] needle) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      return false; // a file removed or locked while the directory was read
    }
    outer:
    for (int i = 0; i + needle.length <= bytes.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (bytes[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
