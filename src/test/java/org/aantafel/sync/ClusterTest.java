package org.aantafel.sync;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.aantafel.App;
import org.aantafel.AppConfig;
import org.aantafel.testsupport.BusClient;
import org.aantafel.testsupport.TestCluster;
import org.aantafel.testsupport.TestServer;
import org.aantafel.testsupport.TestServer.CreatedBoard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import static org.aantafel.sync.BridgeIntegrationTest.insertGoal;
import static org.aantafel.sync.BridgeIntegrationTest.join;
import static org.aantafel.sync.BridgeIntegrationTest.submit;
import static org.aantafel.testsupport.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three Aan Tafel nodes of one Hazelcast cluster on 127.0.0.1, each with its own Vert.x and Hazelcast, over one
 * PostgreSQL: a board is served by one hub in the whole cluster, whichever node its people connect to.
 */
class ClusterTest {
  private static TestCluster cluster;
  private static List<TestServer> nodes;

  @BeforeAll
  static void startCluster() {
    cluster = TestCluster.of(3);
    nodes = cluster.startNodes(0, 1, 2).stream().map(TestCluster.Node::server).toList();
  }

  @AfterAll
  static void stopCluster() throws InterruptedException {
    cluster.close();
  }

  @Test
  void peopleOnEveryNodeEditOneBoardAndSeeEachOthersChanges() {
    CreatedBoard board = nodes.get(0).createBoard("Across three servers");
    List<BusClient> people = nodes.stream().map(TestServer::bus).toList();
    List<List<JsonObject>> received = IntStream.range(0, 3).mapToObj(i -> (List<JsonObject>)
      new CopyOnWriteArrayList<JsonObject>()).toList();
    for (int i = 0; i < 3; i++) {
      join(people.get(i), board, "participant", "person-" + i);
      people.get(i).register(Addresses.ops(board.id()), received.get(i)::add);
      // The register frame has no reply; a join round trip afterwards proves it was processed.
      join(people.get(i), board, "participant", "person-" + i);
    }
    for (int i = 0; i < 3; i++) {
      JsonObject ack = people.get(i).call(Addresses.SUBMIT,
        submit(board.id(), "person-" + i, 1, i, insertGoal(i, String.valueOf((char) ('a' + i)), 0)));
      assertEquals(i + 1L, ack.getLong("rev"), "one hub numbers the revisions of every node's people");
    }
    eventually(() -> received.forEach(changes -> assertEquals(List.of(1L, 2L, 3L),
      changes.stream().map(c -> c.getLong("rev")).toList(), "every node's sockets hear every change once")));
    for (TestServer node : nodes) {
      BusClient reader = node.bus();
      JsonObject state = join(reader, board, "viewer", "reader");
      assertEquals("abc", state.getJsonObject("state").getJsonObject("board").getString("goal"));
      reader.close();
    }
    people.forEach(BusClient::close);
  }

  @Test
  void aClusterNodeRefusesTheEmbeddedDatabase() {
    Throwable refused = assertThrows(IllegalStateException.class, () -> BusClient.await(App.start(
      nodes.get(0).vertx,
      AppConfig.fromJson(new JsonObject().put("httpHost", "127.0.0.1").put("httpPort", 0)))));
    assertTrue(refused.getMessage().contains("AANTAFEL_DB_URL"), refused.getMessage());
  }

  @Test
  void presenceListsPeopleOnEveryNode() {
    CreatedBoard board = nodes.get(1).createBoard("Who is here");
    List<BusClient> people = nodes.stream().map(TestServer::bus).toList();
    for (int i = 0; i < 3; i++) {
      join(people.get(i), board, "participant", "p-" + i);
    }
    BusClient last = nodes.get(2).bus();
    JsonObject joined = join(last, board, "viewer", "watcher");
    assertEquals(3, joined.getJsonArray("participants").stream()
      .filter(p -> ((JsonObject) p).getBoolean("online")).count(), joined.encodePrettily());
    people.forEach(BusClient::close);
    last.close();
  }
}
