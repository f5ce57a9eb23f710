package org.aantafel.sync;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.aantafel.store.BoardStore;
import org.aantafel.store.BoardStore.CommittedChange;
import org.aantafel.store.EmbeddedDatabase;
import org.aantafel.store.Stores;
import org.aantafel.testsupport.BusClient;
import org.aantafel.testsupport.TestServer;
import org.aantafel.testsupport.TestServer.CreatedBoard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.aantafel.sync.BridgeIntegrationTest.createItem;
import static org.aantafel.sync.BridgeIntegrationTest.join;
import static org.aantafel.sync.BridgeIntegrationTest.submit;
import static org.aantafel.testsupport.BusClient.await;
import static org.aantafel.testsupport.BusClient.failureCode;
import static org.aantafel.testsupport.Eventually.answers;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * PostgreSQL dies or restarts in the middle of a meeting: meanwhile edits are refused with 503, and afterwards Aan
 * Tafel serves again by itself, with every acknowledged edit stored exactly once.
 */
class DatabaseRecoveryTest {
  /** What issue 12 promises after the embedded PostgreSQL was killed. */
  private static final Duration BACK_WITHIN = Duration.ofSeconds(15);
  private static final Duration RESEND_EVERY = Duration.ofMillis(100);
  private static final String CLIENT = "phone";

  @TempDir
  Path dataDir;

  private Vertx vertx;

  @BeforeEach
  void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stopVertx() {
    await(vertx.close());
  }

  @Test
  void anEmbeddedPostgresKilledMidMeetingIsStartedAgainByTheServer() throws Exception {
    TestServer server = TestServer.start(vertx, new JsonObject().put("dbUrl", "").put("dataDir", dataDir.toString()));
    CreatedBoard board = server.createBoard("Killed");
    BusClient bus = server.bus();
    join(bus, board, "participant", CLIENT);
    assertEquals(1L, acknowledgedRev(bus, submit(board.id(), CLIENT, 1, 0, createItem("a", "before"))));

    ProcessHandle postmaster = ProcessHandle.of(postmasterPid(dataDir.resolve("postgres"))).orElseThrow();
    postmaster.destroyForcibly(); // SIGKILL

    answers(503, 200, () -> health(server));
    assertEquals(2L, acknowledgedOnceBack(bus, submit(board.id(), CLIENT, 2, 1, createItem("b", "during"))));
    answers(200, 503, () -> health(server));
    assertEquals(3L, acknowledgedRev(bus, submit(board.id(), CLIENT, 3, 2, createItem("c", "after"))));
    bus.close();
    server.stop();

    BoardStore store = await(Stores.open(vertx, "", dataDir));
    try {
      assertStoredOnce(store, board.id(), 3);
    } finally {
      await(store.close());
    }
  }

  @Test
  void anExternalPostgresRestartedMidMeetingIsUsedAgainWithoutARestart() {
    EmbeddedDatabase external = EmbeddedDatabase.start(dataDir);
    String url = external.config().url();
    TestServer server = TestServer.start(vertx, new JsonObject().put("dbUrl", url));
    try {
      CreatedBoard board = server.createBoard("Restarted");
      BusClient bus = server.bus();
      join(bus, board, "participant", CLIENT);
      assertEquals(1L, acknowledgedRev(bus, submit(board.id(), CLIENT, 1, 0, createItem("a", "before"))));

      external.close();
      JsonObject during = submit(board.id(), CLIENT, 2, 1, createItem("b", "during"));
      assertEquals(503, failureCode(bus.request(Addresses.SUBMIT, during)));
      assertEquals(503, health(server));
      external = EmbeddedDatabase.start(dataDir, external.config().port());

      assertEquals(2L, acknowledgedOnceBack(bus, during));
      assertEquals(3L, acknowledgedRev(bus, submit(board.id(), CLIENT, 3, 2, createItem("c", "after"))));
      assertEquals(200, health(server));
      bus.close();

      BoardStore store = await(Stores.open(vertx, url, dataDir));
      try {
        assertStoredOnce(store, board.id(), 3);
      } finally {
        await(store.close());
      }
    } finally {
      server.stop();
      external.close();
    }
  }

  /**
   * What the browser does with an edit refused with 503: it keeps it and sends it again, with the same seq, until it
   * is acknowledged; the second ack of the same edit must say it was a duplicate. Ten resends a second at most: the
   * bridge takes 30 messages a second from one socket, so a database slow to come back (a busy machine) must not
   * turn the 503s into 429s.
   */
  static long acknowledgedOnceBack(BusClient bus, JsonObject submit) {
    AtomicReference<Future<JsonObject>> sent = new AtomicReference<>();
    answers(0, Refusal.STORAGE_UNAVAILABLE, BACK_WITHIN, RESEND_EVERY, () -> {
      sent.set(bus.request(Addresses.SUBMIT, submit));
      return BusClient.outcome(sent.get());
    });
    long rev = sent.get().result().getLong("rev");
    JsonObject again = bus.call(Addresses.SUBMIT, submit);
    assertEquals(true, again.getBoolean("duplicate"));
    assertEquals(rev, again.getLong("rev"));
    return rev;
  }

  private static long acknowledgedRev(BusClient bus, JsonObject submit) {
    return bus.call(Addresses.SUBMIT, submit).getLong("rev");
  }

  /** Revisions 1..n, each of them the edit with that seq: nothing lost, nothing twice. */
  private static void assertStoredOnce(BoardStore store, String boardId, long edits) {
    List<CommittedChange> stored = await(store.changesBetween(boardId, 0, Long.MAX_VALUE));
    assertEquals(java.util.stream.LongStream.rangeClosed(1, edits).boxed().toList(),
      stored.stream().map(CommittedChange::rev).toList());
    assertEquals(stored.stream().map(CommittedChange::rev).toList(),
      stored.stream().map(CommittedChange::seq).toList());
    stored.forEach(change -> assertEquals(CLIENT, change.clientId()));
  }

  private static int health(TestServer server) {
    return await(server.http().get(server.port(), "localhost", "/health").send()).statusCode();
  }

  private static long postmasterPid(Path cluster) throws Exception {
    return Long.parseLong(Files.readAllLines(cluster.resolve("postmaster.pid")).get(0).strip());
  }
}
