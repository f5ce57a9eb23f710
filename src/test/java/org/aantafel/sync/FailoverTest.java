package org.aantafel.sync;

import io.vertx.core.json.JsonObject;
import org.aantafel.testsupport.BusClient;
import org.aantafel.testsupport.MainProcess;
import org.aantafel.testsupport.TestCluster;
import org.aantafel.testsupport.TestServer;
import org.aantafel.testsupport.TestServer.CreatedBoard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.aantafel.sync.BridgeIntegrationTest.join;
import static org.aantafel.testsupport.BusClient.await;
import static org.aantafel.testsupport.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The node that owns a board is killed with SIGKILL while three people on three nodes type: another node takes the
 * board over, the people whose socket was on the dead node reconnect to a live one (as a load balancer sends them),
 * everyone resends what was not acknowledged, and afterwards every acknowledged edit is on the board exactly once.
 */
class FailoverTest {
  private static final int EDITS = 30;

  @TempDir
  Path dir;
  private TestCluster cluster;

  @AfterEach
  void stop() throws InterruptedException {
    cluster.close();
  }

  @Test
  void theOwnerDiesMidMeetingAndNoAcknowledgedEditIsLost() throws Exception {
    cluster = TestCluster.of(3);
    int ownerPort = MainProcess.freePort();
    MainProcess owner = cluster.startProcessNode(2, ownerPort, dir);
    List<TestServer> live = cluster.startNodes(0, 1).stream().map(TestCluster.Node::server).toList();
    TestServer entrance = live.get(0);
    eventually(Duration.ofSeconds(60), () -> assertEquals(200, await(entrance.http()
      .get(ownerPort, "127.0.0.1", "/health").send().map(r -> r.statusCode()).otherwise(-1)),
      "the process node serves"));
    String title = "Failover";
    CreatedBoard board = entrance.createBoard(title);
    // The first message for the board arrives at the process node, so its hub is the one that is killed.
    BusClient first = BusClient.connect(entrance.vertx, ownerPort);
    join(first, board, "facilitator", "first");
    first.close();

    List<AtomicInteger> ports = List.of(new AtomicInteger(live.get(0).port()), new AtomicInteger(live.get(1).port()),
      new AtomicInteger(ownerPort));
    List<SimClient> clients = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      clients.add(new SimClient(entrance.vertx, ports.get(i)::get, board.id(), board.token("facilitator"), i + 1, 42,
        EDITS, Faults.NONE));
    }
    String run = "failover (3 clients x " + EDITS + " edits, owner killed)";
    try {
      clients.forEach(SimClient::start);
      eventually(Duration.ofSeconds(60), () -> ConvergenceChecks.reports(clients, run).forEach(r ->
        assertTrue(r.acknowledged() >= EDITS / 3, run + ": not typing yet: " + r.stats())));
      List<Integer> acknowledgedBefore = ConvergenceChecks.reports(clients, run).stream()
        .map(SimClient.Report::acknowledged).toList();
      long killedAt = System.nanoTime();
      owner.kill();
      // The load balancer sends the dead node's people to a live one.
      ports.get(2).set(live.get(1).port());
      eventually(Duration.ofSeconds(30), () -> {
        List<SimClient.Report> reports = ConvergenceChecks.reports(clients, run);
        for (int i = 0; i < reports.size(); i++) {
          assertTrue(reports.get(i).acknowledged() > acknowledgedBefore.get(i) || reports.get(i).editsDone(),
            run + ": no edit acknowledged since the kill: " + reports.get(i).stats());
        }
      });
      Duration failover = Duration.ofNanos(System.nanoTime() - killedAt);
      System.out.println(run + ": every client had an edit acknowledged again " + failover.toMillis()
        + " ms after the owner was killed");
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
      ConvergenceChecks.converged(entrance, board, title, clients, EDITS / 4, run);
    } finally {
      clients.forEach(c -> await(c.stop()));
    }
  }
}
