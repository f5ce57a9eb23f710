package org.aantafel.store;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.aantafel.store.BoardStore.Snapshot;
import org.aantafel.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract on PostgreSQL, and what only the database itself guarantees, checked through SQL. */
class PgBoardStoreTest extends BoardStoreContractTest {

  private DatabaseConfig database;

  @Override
  protected BoardStore open(Vertx vertx) throws Exception {
    database = TestDatabase.freshConfig();
    return await(Stores.open(vertx, database.url(), Path.of("target", "unused-data-dir")));
  }

  @Test
  void onlyTheNewestFewSnapshotsAreKept() throws Exception {
    String boardId = newBoard();
    for (long rev = 100; rev <= 500; rev += 100) {
      await(store.saveSnapshot(boardId, new Snapshot(rev, new JsonObject().put("rev", rev))));
    }

    assertEquals(PgBoardStore.SNAPSHOTS_KEPT, snapshotCount(boardId));
  }

  @Test
  void theDatabaseRefusesToChangeAStoredRecordButAllowsDeletingIt() throws Exception {
    String boardId = newBoard();
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
