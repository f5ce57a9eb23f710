package org.aantafel.store.pg;

import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Reading rows and writing parameters the same way in every part of the PostgreSQL driver. */
final class PgRows {

  private PgRows() {
  }

  static <T> List<T> allRows(RowSet<Row> rows, Function<Row, T> read) {
    List<T> all = new ArrayList<>(rows.size());
    for (Row row : rows) {
      all.add(read.apply(row));
    }
    return all;
  }

  static <T> Optional<T> firstRow(RowSet<Row> rows, Function<Row, T> read) {
    var iterator = rows.iterator();
    return iterator.hasNext() ? Optional.of(read.apply(iterator.next())) : Optional.empty();
  }

  static OffsetDateTime utc(long epochMillis) {
    return utc(Instant.ofEpochMilli(epochMillis));
  }

  static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  static long millis(OffsetDateTime time) {
    return time.toInstant().toEpochMilli();
  }

  /** Null stays null: a missing token or seat matches nothing. */
  static Buffer nullableBytes(byte[] bytes) {
    return bytes == null ? null : Buffer.buffer(bytes);
  }
}
