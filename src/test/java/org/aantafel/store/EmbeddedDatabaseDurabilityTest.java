package org.aantafel.store;

import org.aantafel.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * zonky tunes PostgreSQL for throwaway test data (it passes -F and synchronous_commit=off). The hub acknowledges a
 * submit once its commit returns, so the embedded server must really be durable.
 */
class EmbeddedDatabaseDurabilityTest {

  @Test
  void aReturnedCommitIsOnDisk() throws Exception {
    DatabaseConfig database = TestDatabase.freshConfig();
    try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
         Statement statement = connection.createStatement()) {
      assertEquals("on", setting(statement, "fsync"));
      assertEquals("on", setting(statement, "synchronous_commit"));
      assertEquals("on", setting(statement, "full_page_writes"));
    }
  }

  private static String setting(Statement statement, String name) throws Exception {
    try (ResultSet result = statement.executeQuery("SHOW " + name)) {
      result.next();
      return result.getString(1);
    }
  }
}
