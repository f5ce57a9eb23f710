package org.aantafel.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.aantafel.store.BoardStore.Access;
import org.aantafel.store.BoardStore.CommittedChange;
import org.aantafel.store.BoardStore.NewBoard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The embedded server keeps its data across restarts, also when the previous run did not end cleanly. */
class EmbeddedDatabaseRestartTest {

  private static final String BOARD = "restart-board";
  private static final byte[] TOKEN_HASH = new byte[32];

  @TempDir
  Path dataDir;

  private Vertx vertx;

  @BeforeEach
  void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stopVertx() throws Exception {
    await(vertx.close());
  }

  @Test
  void dataSurvivesACleanRestart() throws Exception {
    writeOneBoard();

    assertBoardIsThere();
  }

  @Test
  void aPidFileNamingAnUnrelatedLiveProcessDoesNotBlockTheStart() throws Exception {
    writeOneBoard();
    // As after a reboot: the pid in postmaster.pid now belongs to some other process.
    Process unrelated = new ProcessBuilder("sleep", "300").start();
    try {
      Files.writeString(dataDir.resolve("postgres").resolve("postmaster.pid"), unrelated.pid() + "\n");

      assertBoardIsThere();
      assertEquals(true, unrelated.isAlive(), "an unrelated process must never be signalled");
    } finally {
      unrelated.destroy();
    }
  }

  @Test
  void aServerLeftRunningByAKilledRunIsStoppedAndItsDataKept() throws Exception {
    writeOneBoard();
    // Stand-in for a JVM killed with SIGKILL: its postgres keeps running in the data directory.
    EmbeddedDatabase orphan = EmbeddedDatabase.start(dataDir);
    Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
    long orphanPid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());

    LeftoverPostmaster.clear(dataDir.resolve("postgres"));

    assertFalse(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false));
    orphan.close(); // only releases zonky's lock file now; its server is already gone
    assertBoardIsThere();
  }

  private void writeOneBoard() throws Exception {
    BoardStore store = await(Stores.open(vertx, "", dataDir));
    try {
      await(store.createBoard(new NewBoard(BOARD, "Zorgoverleg", "nl", null,
          List.of(new Access(TOKEN_HASH, "facilitator")), new JsonObject().put("board", new JsonObject()))));
      await(store.appendChanges(BOARD, List.of(new CommittedChange(1, "tab", 1, "p1",
          new JsonArray().add(new JsonObject().put("type", "delete").put("id", "x")), 1_790_000_000_000L))));
    } finally {
      await(store.close());
    }
  }

  private void assertBoardIsThere() throws Exception {
    BoardStore store = await(Stores.open(vertx, "", dataDir));
    try {
      assertEquals(Optional.of("facilitator"), await(store.findGrant(BOARD, TOKEN_HASH)));
      assertEquals(List.of(1L), await(store.changesBetween(BOARD, 0, 10)).stream().map(CommittedChange::rev).toList());
    } finally {
      await(store.close());
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
