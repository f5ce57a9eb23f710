package org.aantafel.store;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DatabaseConfigTest {

  private static final DatabaseConfig EXPECTED = new DatabaseConfig("db.school.nl", 5433, "aantafel", "tafel", "s3cret");

  @Test
  void readsThePostgresqlForm() {
    assertEquals(EXPECTED, DatabaseConfig.fromUrl("postgresql://tafel:s3cret@db.school.nl:5433/aantafel"));
  }

  @Test
  void readsTheJdbcForm() {
    assertEquals(EXPECTED, DatabaseConfig.fromUrl("jdbc:postgresql://db.school.nl:5433/aantafel?user=tafel&password=s3cret"));
    assertEquals(EXPECTED, DatabaseConfig.fromUrl("jdbc:postgresql://tafel:s3cret@db.school.nl:5433/aantafel"));
  }

  @Test
  void itsOwnUrlReadsBackTheSameEvenWithAwkwardPasswords() {
    DatabaseConfig awkward = new DatabaseConfig("localhost", 5432, "board db", "user", "p@ss:w/rd %20");

    assertEquals(awkward, DatabaseConfig.fromUrl(awkward.url()));
  }

  @Test
  void neverPrintsThePassword() {
    assertFalse(EXPECTED.toString().contains("s3cret"));
  }

  @Test
  void refusesTlsSettingsItWouldOtherwiseIgnore() {
    assertThrows(IllegalArgumentException.class,
        () -> DatabaseConfig.fromUrl("postgresql://tafel:s3cret@db.school.nl:5433/aantafel?sslmode=require"));
  }

  @Test
  void rejectsWhatIsNotAPostgresUrl() {
    assertThrows(IllegalArgumentException.class, () -> DatabaseConfig.fromUrl("mysql://x@y/z"));
  }
}
