package org.aantafel.store.pg;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.aantafel.store.SendQuotas;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import static org.aantafel.store.pg.PgRows.utc;
import static org.aantafel.store.pg.StoreFailures.guard;

/** {@link SendQuotas} on PostgreSQL: the table {@code mail_quota}. */
final class PgSendQuotas implements SendQuotas {

  /** Held to the end of the transaction: the next request for the key reads its count only after this one's commit. */
  private static final String LOCK_KEY = "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))";
  /** A statement of its own after the lock, so that its snapshot sees what the request before it committed. */
  private static final String TAKE_QUOTA =
      "INSERT INTO mail_quota (key, period_start, used) SELECT $1, $3, $5::int"
          + " WHERE (SELECT coalesce(sum(used), 0) FROM mail_quota WHERE key = $1 AND period_start > $2)"
          + " + $5::int <= $4::int"
          + " ON CONFLICT (key, period_start) DO UPDATE SET used = mail_quota.used + EXCLUDED.used";
  private static final String FORGET_QUOTAS = "DELETE FROM mail_quota WHERE period_start < $1";

  private final Pool pool;

  PgSendQuotas(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<Integer> takeQuotas(List<Quota> quotas, Instant forgetBefore) {
    // Taken in the order of their keys, so that two transactions never wait for each other's rows in a circle.
    List<Integer> order = IntStream.range(0, quotas.size()).boxed()
        .sorted(Comparator.comparing(i -> quotas.get(i).key())).toList();
    return guard("takeQuotas", () -> pool.withTransaction(connection -> {
      Future<Void> taken = connection.preparedQuery(FORGET_QUOTAS).execute(Tuple.of(utc(forgetBefore))).mapEmpty();
      for (int index : order) {
        Quota quota = quotas.get(index);
        taken = taken.compose(v -> connection.preparedQuery(LOCK_KEY).execute(Tuple.of(quota.key())))
            .compose(locked -> connection.preparedQuery(TAKE_QUOTA).execute(Tuple.of(quota.key(),
                utc(quota.countedSince()), utc(quota.at()), quota.limit(), quota.amount())))
            .compose(rows -> rows.rowCount() > 0 ? Future.<Void>succeededFuture()
                : Future.failedFuture(new QuotaFull(index)));
      }
      return taken.map(-1);
    }).recover(failure -> failure instanceof QuotaFull full ? Future.succeededFuture(full.index)
        : Future.failedFuture(failure)));
  }

  /** Ends the transaction of {@link #takeQuotas} with a rollback, naming the quota that was full. */
  private static final class QuotaFull extends RuntimeException {
    final int index;

    QuotaFull(int index) {
      super(null, null, false, false);
      this.index = index;
    }
  }
}
