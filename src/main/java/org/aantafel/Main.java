package org.aantafel;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Starts Aan Tafel with config/aantafel.json and AANTAFEL_* environment variables. */
public final class Main {
  private static final System.Logger LOG = System.getLogger(Main.class.getName());
  /** Each stop step takes well under a second; this only bounds a stop that hangs, so SIGTERM always ends. */
  private static final long STOP_STEP_SECONDS = 10;

  public static void main(String[] args) throws InterruptedException {
    AppConfig config = AppConfig.load(System.getenv());
    if (config.cluster().enabled() && config.dbUrl().isBlank()) {
      LOG.log(System.Logger.Level.ERROR, "Aan Tafel could not start: " + App.CLUSTER_NEEDS_EXTERNAL_DATABASE);
      System.exit(1);
      return;
    }
    Vertx vertx;
    App app;
    try {
      vertx = config.cluster().enabled() ? await(ClusterNode.start(config.cluster())) : Vertx.vertx();
    } catch (ExecutionException | TimeoutException e) {
      LOG.log(System.Logger.Level.ERROR, "Aan Tafel could not join its cluster", e);
      System.exit(1);
      return;
    }
    try {
      app = await(App.start(vertx, config));
    } catch (ExecutionException | TimeoutException e) {
      LOG.log(System.Logger.Level.ERROR, "Aan Tafel could not start", e);
      vertx.close();
      System.exit(1);
      return;
    }
    String url = config.publicUrl().isEmpty() ? "http://localhost:" + app.port() : config.publicUrl();
    LOG.log(System.Logger.Level.INFO, "Aan Tafel is running: open {0} ({1} hub instances{2})", url,
      config.hubInstancesOrCores(), config.cluster().enabled() ? ", node " + ClusterNode.nodeId(vertx)
        + " of cluster " + config.cluster().name() : "");
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(app, vertx), "aantafel-stop"));
  }

  /**
   * Runs on the JVM's shutdown thread, which waits for each step in turn: first the server (hubs save, then the
   * embedded PostgreSQL stops), then Vert.x. Vert.x is not closed from a callback of the server's stop, since such a
   * callback runs on an event loop, and the close ends the event loops before its own result could be delivered there.
   */
  private static void stop(App app, Vertx vertx) {
    await(app.stop(), "stopping the server");
    await(vertx.close(), "closing Vert.x");
  }

  private static <T> T await(Future<T> start) throws ExecutionException, TimeoutException, InterruptedException {
    return start.toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES);
  }

  private static void await(Future<Void> step, String what) {
    try {
      step.toCompletionStage().toCompletableFuture().get(STOP_STEP_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      LOG.log(System.Logger.Level.WARNING, "Aan Tafel: {0} failed: {1}", what,
        e instanceof ExecutionException ? e.getCause() : "took longer than " + STOP_STEP_SECONDS + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Main() {
  }
}
