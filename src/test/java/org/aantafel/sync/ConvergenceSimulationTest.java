package org.aantafel.sync;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.aantafel.board.BoardState;
import org.aantafel.board.BoardTemplates;
import org.aantafel.testsupport.BusClient;
import org.aantafel.testsupport.ServerTest;
import org.aantafel.testsupport.TestServer;
import org.aantafel.testsupport.TestServer.CreatedBoard;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import static org.aantafel.testsupport.BusClient.await;
import static org.aantafel.testsupport.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seeded convergence simulation: five clients edit one board of a real server over real SockJS websockets, through
 * links that delay, duplicate and drop frames in both directions and cut the connection now and then; halfway the
 * server restarts, so that hubs reload from PostgreSQL and everyone reconnects. Once the faults
 * stop, every client must hold exactly the server's state, every acknowledged insert must be there exactly once
 * (unless its item was deleted), and the op log must hold every submit of every client exactly once, without gaps.
 *
 * <p>Replay one seed with {@code -Dsim.seed=N}. The seed fixes each client's edits and fault decisions; the
 * interleaving of threads still varies from run to run.
 */
class ConvergenceSimulationTest extends ServerTest {
  static final int CLIENTS = 5;
  static final int EDITS_PER_CLIENT = 40;
  static final int SEEDS = 12;
  static final Faults FAULTS = new Faults(0.03, 0.03, 0.08, 0.05, 25, 0.04);


  static LongStream seeds() {
    String replay = System.getProperty("sim.seed");
    if (replay != null && !replay.isBlank()) {
      return LongStream.of(Long.parseLong(replay.strip()));
    }
    return LongStream.rangeClosed(1, SEEDS).map(i -> i * 7919);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyClientConvergesOnTheServersState(long seed) {
    assertTrue(CLIENTS * RandomEdits.maxInsertedChars(EDITS_PER_CLIENT) < 4000, "the goal would outgrow its limit");
    String run = "seed " + seed + " (replay: -Dsim.seed=" + seed + "; " + CLIENTS + " clients x " + EDITS_PER_CLIENT
      + " edits; " + FAULTS + ")";
    String title = "Simulation " + seed;
    CreatedBoard board = server.createBoard(title);
    AtomicInteger port = new AtomicInteger(server.port());
    List<SimClient> clients = new ArrayList<>();
    for (int i = 1; i <= CLIENTS; i++) {
      // Facilitators: the simulation renames and removes any item, which is the chair's (or the proposer's) to do.
      clients.add(new SimClient(vertx, port::get, board.id(), board.token("facilitator"), i, seed,
        EDITS_PER_CLIENT, FAULTS));
    }
    try {
      clients.forEach(SimClient::start);
      // Halfway, the server restarts under load: hubs reload from the store, clients reconnect to its new port.
      eventually(Duration.ofSeconds(60), () -> ConvergenceChecks.reports(clients, run).forEach(r ->
        assertTrue(r.editsMade() >= EDITS_PER_CLIENT / 2, run + ": not halfway yet: " + r.stats())));
      server.restart();
      port.set(server.port());
      eventually(Duration.ofSeconds(60), () -> ConvergenceChecks.reports(clients, run).forEach(r ->
        assertTrue(r.editsDone(), run + ": still editing: " + r.stats())));
      clients.forEach(SimClient::heal);
      eventually(Duration.ofSeconds(30), () -> {
        long serverRev = ConvergenceChecks.committedState(server, board).getLong("rev");
        ConvergenceChecks.reports(clients, run).forEach(r -> {
          assertTrue(r.settled(), run + ": not settled: " + r.stats());
          assertEquals(serverRev, r.applied(), run + ": not at the server's rev: " + r.stats());
        });
      });
      JsonObject committed = ConvergenceChecks.converged(server, board, title, clients, CLIENTS * EDITS_PER_CLIENT / 4,
        run);
      System.out.println(run + ": " + committed.getLong("rev") + " revisions; "
        + ConvergenceChecks.reports(clients, run).stream().map(SimClient.Report::stats).toList());
    } finally {
      clients.forEach(c -> await(c.stop()));
    }
  }
}
