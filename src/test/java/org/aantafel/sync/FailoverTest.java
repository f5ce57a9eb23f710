package org.aantafel.sync;

import org.aantafel.testsupport.BusClient;
import org.aantafel.testsupport.MainProcess;
import org.aantafel.testsupport.TestCluster;
import org.aantafel.testsupport.TestServer;
import org.aantafel.testsupport.TestServer.CreatedBoard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import static org.aantafel.sync.BridgeIntegrationTest.join;
import static org.aantafel.testsupport.BusClient.await;
import static org.aantafel.testsupport.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The node that owns a board is killed with SIGKILL while people on three nodes type: another node takes the board
 * over, the people whose socket was on the dead node reconnect to a live one (as a load balancer sends them), everyone
 * resends what was not acknowledged, and afterwards every client holds the stored state and every acknowledged edit
 * is on the board exactly once. The owner runs as Main in a JVM of its own, so the kill is a real one; the two other
 * nodes live in this JVM. Also the cluster variant of {@link ConvergenceSimulationTest}: the same faulty links, with
 * the owner killed halfway instead of a server restart. Replay one seed with {@code -Dsim.seed=N}.
 */
class FailoverTest {
  private static final int SEEDS = 1;

  @TempDir
  static Path dir;
  private static TestCluster cluster;
  private static List<TestServer> live;

  @BeforeAll
  static void startTwoNodes() {
    cluster = TestCluster.of(3);
    live = cluster.startNodes(0, 1).stream().map(TestCluster.Node::server).toList();
  }

  @AfterAll
  static void stopCluster() throws InterruptedException {
    cluster.close();
  }

  static LongStream seeds() {
    String replay = System.getProperty("sim.seed");
    if (replay != null && !replay.isBlank()) {
      return LongStream.of(Long.parseLong(replay.strip()));
    }
    return LongStream.rangeClosed(1, SEEDS).map(i -> i * 104_729);
  }

  @Test
  void theOwnerDiesWhileThreePeopleTypeAndNoAcknowledgedEditIsLost() throws Exception {
    meetingWhoseOwnerGoes(3, 30, 42, Faults.NONE, true);
  }

  /** A rolling restart: the owner is stopped with SIGTERM and hands the board over; nobody is refused meanwhile. */
  @Test
  void aPlannedStopHandsTheBoardOverWithoutRefusingAnyone() throws Exception {
    List<SimClient.Report> reports = meetingWhoseOwnerGoes(3, 30, 43, Faults.NONE, false);
    reports.forEach(r -> assertEquals(0, r.refusedAndRetried(), "refused during the handover: " + r.stats()));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyClientConvergesThroughFaultyLinksWhenTheOwnerIsKilled(long seed) throws Exception {
    meetingWhoseOwnerGoes(ConvergenceSimulationTest.CLIENTS, ConvergenceSimulationTest.EDITS_PER_CLIENT, seed,
      ConvergenceSimulationTest.FAULTS, true);
  }

  /**
   * @param killed SIGKILL, else SIGTERM (a planned stop)
   * @return what the clients report once they have converged
   */
  private static List<SimClient.Report> meetingWhoseOwnerGoes(int people, int edits, long seed, Faults faults,
                                                              boolean killed) throws Exception {
    TestCluster.ProcessNode ownerNode = cluster.startServingProcessNode(2,
      Files.createDirectories(dir.resolve("seed-" + seed)));
    MainProcess owner = ownerNode.process();
    int ownerPort = ownerNode.httpPort();
    TestServer entrance = live.get(0);
    String title = "Failover " + seed;
    CreatedBoard board = entrance.createBoard(title);
    // The first message for the board arrives at the process node, so its hub is the one that is killed.
    BusClient first = BusClient.connect(entrance.vertx, ownerPort);
    join(first, board, "facilitator", "first");
    first.close();
    assertTrue(await(entrance.vertx.sharedData().getLockWithTimeout(Ownership.lockName(board.id()), 100)
      .map(lock -> {
        lock.release();
        return false;
      }).otherwise(true)), "the node that is killed owns the board");

    int[] nodePorts = {live.get(0).port(), live.get(1).port(), ownerPort};
    List<AtomicInteger> ports = new ArrayList<>();
    List<SimClient> clients = new ArrayList<>();
    for (int i = 0; i < people; i++) {
      ports.add(new AtomicInteger(nodePorts[i % 3]));
      clients.add(new SimClient(entrance.vertx, ports.get(i)::get, board.id(), board.token("facilitator"), i + 1,
        seed, edits, faults));
    }
    String run = "seed " + seed + " (replay: -Dsim.seed=" + seed + "; " + people + " clients on 3 nodes x " + edits
      + " edits; " + faults + "; the owner " + (killed ? "killed" : "stopped") + " halfway)";
    try {
      clients.forEach(SimClient::start);
      eventually(Duration.ofSeconds(60), () -> ConvergenceChecks.reports(clients, run).forEach(r ->
        assertTrue(r.editsMade() >= edits / 2, run + ": not halfway yet: " + r.stats())));
      List<Integer> acknowledgedBefore = ConvergenceChecks.reports(clients, run).stream()
        .map(SimClient.Report::acknowledged).toList();
      // The load balancer sends the people of the node that goes to the live ones from now on.
      ports.stream().filter(port -> port.get() == ownerPort).forEach(port -> port.set(live.get(1).port()));
      long goneAt = System.nanoTime();
      if (killed) {
        owner.kill();
      } else {
        owner.terminate(Duration.ofSeconds(30));
      }
      eventually(Duration.ofSeconds(30), () -> {
        List<SimClient.Report> reports = ConvergenceChecks.reports(clients, run);
        for (int i = 0; i < reports.size(); i++) {
          assertTrue(reports.get(i).acknowledged() > acknowledgedBefore.get(i) || reports.get(i).editsDone(),
            run + ": no edit acknowledged since the kill: " + reports.get(i).stats());
        }
      });
      System.out.println(run + ": every client had an edit acknowledged again "
        + Duration.ofNanos(System.nanoTime() - goneAt).toMillis() + " ms after the owner went");
      eventually(Duration.ofSeconds(60), () -> ConvergenceChecks.reports(clients, run).forEach(r ->
        assertTrue(r.editsDone(), run + ": still editing: " + r.stats())));
      clients.forEach(SimClient::heal);
      eventually(Duration.ofSeconds(30), () -> {
        long serverRev = ConvergenceChecks.committedState(entrance, board).getLong("rev");
        ConvergenceChecks.reports(clients, run).forEach(r -> {
          assertTrue(r.settled(), run + ": not settled: " + r.stats());
          assertEquals(serverRev, r.applied(), run + ": not at the server's rev: " + r.stats());
        });
      });
      ConvergenceChecks.converged(entrance, board, title, clients, people * edits / 4, run);
      return ConvergenceChecks.reports(clients, run);
    } finally {
      clients.forEach(c -> await(c.stop()));
      owner.kill();
    }
  }
}
