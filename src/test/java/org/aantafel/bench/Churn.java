package org.aantafel.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * People leaving and coming back during a soak ({@code --leave-every}, {@code --away}): each client leaves at random
 * moments (exponentially distributed, on average once per {@code leaveEverySeconds}), stays away for half to one and
 * a half times {@code awaySeconds}, and comes back with a catch-up ({@link BenchClient#comeBack}). At the end of the
 * window everyone comes back and stays, so that the drain and the checks see every client.
 */
final class Churn {
  private final Vertx vertx;
  private final SoakOptions options;
  private final List<BenchClient> clients;
  private final AtomicLong failures = new AtomicLong();
  private volatile boolean running;

  Churn(Vertx vertx, SoakOptions options, List<BenchClient> clients) {
    this.vertx = vertx;
    this.options = options;
    this.clients = List.copyOf(clients);
  }

  void start() {
    if (!options.leaving()) {
      return;
    }
    running = true;
    clients.forEach(this::leaveLater);
  }

  /** Everyone back, and nobody leaves any more. */
  Future<Void> stop() {
    running = false;
    return Future.join(clients.stream().map(BenchClient::stay).toList()).mapEmpty();
  }

  private void leaveLater(BenchClient client) {
    double mean = options.leaveEverySeconds() * 1000.0;
    long delay = Math.max(1, Math.round(-mean * Math.log(1 - ThreadLocalRandom.current().nextDouble())));
    vertx.setTimer(delay, id -> {
      if (!running) {
        return;
      }
      long away = Math.max(1, Math.round(options.awaySeconds() * 1000.0
        * (0.5 + ThreadLocalRandom.current().nextDouble())));
      client.leave()
        .compose(v -> vertx.timer(away))
        .compose(v -> client.comeBack())
        .onComplete(done -> {
          if (done.failed()) {
            failures.incrementAndGet();
          }
          if (running) {
            leaveLater(client);
          }
        });
    });
  }

  /** Leaves or returns that failed outright (a client that could not come back is also counted as lost). */
  long failures() {
    return failures.get();
  }
}
