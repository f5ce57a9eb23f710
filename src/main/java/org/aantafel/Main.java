package org.aantafel;

import io.vertx.core.Vertx;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Starts Aan Tafel with config/aantafel.json and AANTAFEL_* environment variables. */
public final class Main {
  private static final System.Logger LOG = System.getLogger(Main.class.getName());

  public static void main(String[] args) throws InterruptedException {
    AppConfig config = AppConfig.load(System.getenv());
    Vertx vertx = Vertx.vertx();
    App app;
    try {
      app = App.start(vertx, config).toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      LOG.log(System.Logger.Level.ERROR, "Aan Tafel could not start", e);
      vertx.close();
      System.exit(1);
      return;
    }
    String url = config.publicUrl().isEmpty() ? "http://localhost:" + app.port() : config.publicUrl();
    LOG.log(System.Logger.Level.INFO, "Aan Tafel is running: open {0}", url);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      app.stop().compose(v -> vertx.close()).onComplete(r -> stopped.countDown());
      try {
        stopped.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }));
  }

  private Main() {
  }
}
