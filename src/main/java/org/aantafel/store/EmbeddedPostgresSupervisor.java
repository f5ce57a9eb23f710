package org.aantafel.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.nio.file.Path;

/**
 * Keeps the embedded PostgreSQL running. A postmaster that died (killed, or ended by the kernel when memory ran out)
 * is noticed within a second and started again on the same data directory and port; PostgreSQL's own crash
 * recovery then replays its WAL, so every commit it acknowledged is there again. The pool needs nothing from here:
 * it drops the connections the dead server closed and makes new ones to the same address.
 *
 * <p>Checking and starting block, so both run on worker threads, one at a time: each check schedules the next.
 */
final class EmbeddedPostgresSupervisor {

  private static final System.Logger LOG = System.getLogger(EmbeddedPostgresSupervisor.class.getName());
  private static final long CHECK_MILLIS = 1_000;
  /** A start that keeps failing (disk full, port taken) is retried ever less often, up to this. */
  private static final long MAX_RETRY_MILLIS = 30_000;

  private final Vertx vertx;
  private final Path dataDir;
  private final DatabaseConfig config;
  private volatile EmbeddedDatabase database;

  private boolean stopped;
  private long timer = -1;
  private long retryMillis = CHECK_MILLIS;
  private Future<Void> checking = Future.succeededFuture();

  private EmbeddedPostgresSupervisor(Vertx vertx, Path dataDir, EmbeddedDatabase database) {
    this.vertx = vertx;
    this.dataDir = dataDir;
    this.database = database;
    this.config = database.config();
  }

  /** Starts the embedded server under {@code dataDir/postgres} and watches it until {@link #stop}. */
  static Future<EmbeddedPostgresSupervisor> start(Vertx vertx, Path dataDir) {
    return vertx.executeBlocking(() -> EmbeddedDatabase.start(dataDir), false).map(database -> {
      EmbeddedPostgresSupervisor supervisor = new EmbeddedPostgresSupervisor(vertx, dataDir, database);
      supervisor.schedule(CHECK_MILLIS);
      return supervisor;
    });
  }

  /** The same for every server it starts: same port, same password. */
  DatabaseConfig config() {
    return config;
  }

  /** Stops watching first, so that a deliberate stop is never "repaired", then stops the server. */
  Future<Void> stop() {
    Future<Void> lastCheck;
    synchronized (this) {
      stopped = true;
      vertx.cancelTimer(timer);
      lastCheck = checking;
    }
    return lastCheck.transform(checked -> vertx.executeBlocking(() -> {
      database.close();
      return null;
    }, false));
  }

  private synchronized void schedule(long delayMillis) {
    if (!stopped) {
      timer = vertx.setTimer(delayMillis, id -> check());
    }
  }

  private synchronized void check() {
    if (stopped) {
      return;
    }
    // unordered: an ordered task would queue behind (and hold up) other blocking work of the same context
    checking = vertx.executeBlocking(() -> {
      keepRunning();
      return null;
    }, false).<Void>mapEmpty().onComplete(checked -> {
      if (checked.succeeded()) {
        retryMillis = CHECK_MILLIS;
        schedule(CHECK_MILLIS);
      } else {
        LOG.log(System.Logger.Level.ERROR, "embedded PostgreSQL did not start again, next try in {0} ms: {1}",
            retryMillis, checked.cause().toString());
        schedule(retryMillis);
        retryMillis = Math.min(retryMillis * 2, MAX_RETRY_MILLIS);
      }
    });
  }

  /** Blocking. */
  private void keepRunning() {
    if (database.isRunning()) {
      return;
    }
    LOG.log(System.Logger.Level.WARNING, "embedded PostgreSQL has died; starting it again on port {0,number,#}"
        + " (crash recovery); until then storing is refused with 503", config.port());
    // Not closed: that runs pg_ctl stop, which waits seconds for a postmaster that is gone and logs an error. The
    // start clears what the dead one left, zonky's lock on the directory included (LeftoverPostmaster).
    database = EmbeddedDatabase.start(dataDir, config.port());
    LOG.log(System.Logger.Level.INFO, "embedded PostgreSQL runs again");
  }
}
