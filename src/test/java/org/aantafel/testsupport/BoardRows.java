package org.aantafel.testsupport;

import org.aantafel.store.DatabaseConfig;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts what PostgreSQL holds of one board, straight over JDBC: the board's row in {@code boards} and its rows in
 * every table with a {@code board_id} column. The tables are found in information_schema, so a table added later is
 * counted without anyone remembering to add it here.
 */
public final class BoardRows {

  /** How many boards the database holds. */
  public static long boardCount(String dbUrl) {
    DatabaseConfig db = DatabaseConfig.fromUrl(dbUrl);
    try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
         var result = connection.createStatement().executeQuery("SELECT count(*) FROM boards")) {
      result.next();
      return result.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("could not count the boards", e);
    }
  }

  /** Table name to the number of rows of the board; "boards" is the board's own row. */
  public static Map<String, Long> of(String dbUrl, String boardId) {
    DatabaseConfig db = DatabaseConfig.fromUrl(dbUrl);
    try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
      Map<String, Long> counts = new TreeMap<>();
      counts.put("boards", count(connection, "SELECT count(*) FROM boards WHERE id = ?", boardId));
      for (String table : boardTables(connection)) {
        counts.put(table, count(connection, "SELECT count(*) FROM \"" + table + "\" WHERE board_id = ?", boardId));
      }
      return counts;
    } catch (SQLException e) {
      throw new IllegalStateException("could not count the rows of board " + boardId, e);
    }
  }

  public static long total(String dbUrl, String boardId) {
    return of(dbUrl, boardId).values().stream().mapToLong(Long::longValue).sum();
  }

  /** Runs one statement against the database, for setting up what a test cannot wait for (e.g. an old close). */
  public static void execute(String dbUrl, String sql, String boardId) {
    DatabaseConfig db = DatabaseConfig.fromUrl(dbUrl);
    try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
         PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, boardId);
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private static List<String> boardTables(Connection connection) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(
           "SELECT c.table_name FROM information_schema.columns c JOIN information_schema.tables t"
             + " ON t.table_schema = c.table_schema AND t.table_name = c.table_name"
             + " WHERE c.table_schema = current_schema() AND c.column_name = 'board_id'"
             + " AND t.table_type = 'BASE TABLE' ORDER BY c.table_name");
         ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        tables.add(rows.getString(1));
      }
    }
    if (tables.isEmpty()) {
      throw new IllegalStateException("no table with a board_id column: wrong schema?");
    }
    return tables;
  }

  private static long count(Connection connection, String sql, String boardId) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, boardId);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private BoardRows() {
  }
}
