package org.aantafel.store.pg;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.aantafel.store.BoardStore;
import org.aantafel.store.BoardStore.Snapshot;
import org.aantafel.store.DatabaseConfig;
import org.aantafel.store.Stores;
import org.aantafel.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import static org.aantafel.store.StoreFixtures.await;
import static org.aantafel.store.StoreFixtures.newBoard;
import static org.aantafel.store.StoreFixtures.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What only PostgreSQL itself guarantees, checked through SQL. The contract both drivers keep is the contract tests'
 * ({@code OpLogContractTest}, {@code BoardsContractTest}, ...).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PgBoardStoreTest {

  private final Vertx vertx = Vertx.vertx();
  private DatabaseConfig database;
  private BoardStore store;

  @BeforeAll
  void open() throws Exception {
    database = TestDatabase.freshConfig();
    store = await(Stores.open(vertx, database.url(), Path.of("target", "unused-data-dir")));
  }

  @AfterAll
  void close() throws Exception {
    await(store.close());
    await(vertx.close());
  }

  @Test
  void onlyTheNewestFewSnapshotsAreKept() throws Exception {
    String boardId = newBoard(store);
    for (long rev = 100; rev <= 500; rev += 100) {
      await(store.saveSnapshot(boardId, new Snapshot(rev, new JsonObject().put("rev", rev))));
    }

    assertEquals(PgOpLog.SNAPSHOTS_KEPT, snapshotCount(boardId));
  }

  @Test
  void theDatabaseRefusesToChangeAStoredRecordButAllowsDeletingIt() throws Exception {
    String boardId = newBoard(store);
    await(store.saveRecord(boardId, 1, 1_790_000_000_000L, "facilitator", record("first")));

    // Through SQL directly: the trigger must hold against any writer, not just against this store's methods.
    try (Connection connection = connect()) {
      SQLException refused = assertThrows(SQLException.class, () -> {
        try (PreparedStatement update = connection.prepareStatement(
            "UPDATE board_records SET closed_by = 'someone else' WHERE board_id = ?")) {
          update.setString(1, boardId);
          update.executeUpdate();
        }
      });
      assertTrue(refused.getMessage().contains("immutable"), refused.getMessage());
      assertEquals(Optional.of(record("first")), await(store.record(boardId, 1)));

      try (PreparedStatement delete = connection.prepareStatement("DELETE FROM board_records WHERE board_id = ?")) {
        delete.setString(1, boardId);
        assertEquals(1, delete.executeUpdate());
      }
    }
    assertEquals(0, await(store.lastRecordVersion(boardId)));
  }

  private int snapshotCount(String boardId) throws Exception {
    // The interface exposes only the newest snapshot; look at the table itself.
    try (Connection connection = connect();
         PreparedStatement count = connection.prepareStatement(
             "SELECT count(*) FROM board_snapshots WHERE board_id = ?")) {
      count.setString(1, boardId);
      try (ResultSet result = count.executeQuery()) {
        result.next();
        return result.getInt(1);
      }
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
  }
}
