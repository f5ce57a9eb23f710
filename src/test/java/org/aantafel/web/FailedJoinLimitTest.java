package org.aantafel.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import org.aantafel.AppConfig;
import org.aantafel.sync.Addresses;
import org.aantafel.testsupport.BusClient;
import org.aantafel.testsupport.TestServer;
import org.aantafel.testsupport.TestServer.CreatedBoard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.aantafel.testsupport.BusClient.await;
import static org.aantafel.testsupport.BusClient.outcome;
import static org.aantafel.testsupport.Frames.join;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17, point 9 (the bridge's half): sockets sending joins with a wrong link for a known board stalled its meeting.
 * Failed joins are now limited per client address, with the limit the server ships with; past it the bridge refuses
 * joins from that address itself. Each test speaks from its own loopback address (Linux answers all of 127.0.0.0/8).
 */
class FailedJoinLimitTest {
  private static final int LIMIT = AppConfig.load(Map.of()).limits().failedJoinsPerMinutePerClient();
  private static Vertx vertx;
  private static TestServer server;

  @BeforeAll
  static void startServer() {
    vertx = Vertx.vertx();
    server = TestServer.startInMemory(vertx, new JsonObject().put("failedJoinsPerMinutePerClient", LIMIT));
  }

  @AfterAll
  static void stopServer() {
    server.close();
    await(vertx.close());
  }

  @Test
  void afterItsFailuresAnAddressIsRefusedAtTheBridgeEvenWithTheRightLink() {
    CreatedBoard board = server.createBoard("Known id");
    BusClient attacker = busFrom("127.0.0.5");
    int forbidden = 0;
    int code;
    do {
      code = outcome(attacker.request(Addresses.JOIN, wrongJoin(board)));
      forbidden += code == 403 ? 1 : 0;
    } while (code == 403 && forbidden < 3 * LIMIT);
    assertEquals(429, code);
    assertTrue(forbidden >= LIMIT && forbidden < LIMIT + 5, forbidden + " failed joins before the limit");

    // Now even the right link is refused at the bridge, however it comes; a few wrong ones first use up what refilled.
    List<JsonObject> joins = new ArrayList<>(Collections.nCopies(3, wrongJoin(board)));
    joins.add(viewerJoin(board));
    List<Future<JsonObject>> answers = attacker.requestAll(Addresses.JOIN, joins);
    BusClient.Failure refused = assertThrows(BusClient.Failure.class, () -> await(answers.get(3)));
    assertEquals(429, refused.code);
    assertTrue(refused.getMessage().contains("too many joins with a link that does not work"), refused.getMessage());

    // The meeting's own people, from another address, join as before.
    BusClient parent = busFrom("127.0.0.6");
    assertEquals(0, outcome(parent.request(Addresses.JOIN, viewerJoin(board))));
    attacker.close();
    parent.close();
  }

  @Test
  void aBurstOfWrongJoinsIsCountedAsItArrives() {
    CreatedBoard board = server.createBoard("Burst");
    List<BusClient> sockets = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      sockets.add(busFrom("127.0.0.7"));
    }
    assertEquals(403, outcome(sockets.get(0).request(Addresses.JOIN, wrongJoin(board))), "the address has failed");
    List<Future<JsonObject>> answers = new ArrayList<>();
    sockets.forEach(socket -> answers.addAll(socket.requestAll(Addresses.JOIN,
      Collections.nCopies(14, wrongJoin(board)))));
    List<Integer> codes = answers.stream().map(BusClient::outcome).toList();
    long forbidden = codes.stream().filter(c -> c == 403).count();
    assertTrue(forbidden < LIMIT + 2, forbidden + " of 42 reached the hub: " + codes);
    assertEquals(42 - forbidden, codes.stream().filter(c -> c == 429).count(), "the rest refused: " + codes);
    sockets.forEach(BusClient::close);
  }

  @Test
  void peopleWithLinksThatWorkAreNotHeldBackByTheirNumber() {
    CreatedBoard board = server.createBoard("Parents' evening");
    List<BusClient> room = new ArrayList<>();
    List<Future<JsonObject>> joins = new ArrayList<>();
    for (int i = 0; i < 2 * LIMIT; i++) {
      BusClient parent = busFrom("127.0.0.8");
      room.add(parent);
      joins.add(parent.request(Addresses.JOIN, viewerJoin(board)));
    }
    joins.forEach(answer -> assertEquals(0, outcome(answer)));
    // A few mistyped links at the same address do not lock the others out either.
    for (int i = 0; i < 5; i++) {
      assertEquals(403, outcome(room.get(i).request(Addresses.JOIN, wrongJoin(board))));
    }
    for (BusClient parent : room) {
      assertEquals(0, outcome(parent.request(Addresses.JOIN, viewerJoin(board))));
    }
    room.forEach(BusClient::close);
  }

  private static BusClient busFrom(String localAddress) {
    return await(BusClient.open(vertx, new WebSocketClientOptions().setLocalAddress(localAddress)
      .setMaxFrameSize(1024 * 1024).setMaxMessageSize(1024 * 1024), "127.0.0.1", server.port(), null));
  }

  private static JsonObject viewerJoin(CreatedBoard board) {
    JsonObject body = join(board, "viewer", "v" + System.nanoTime(), null);
    body.remove("seat");
    return body;
  }

  private static JsonObject wrongJoin(CreatedBoard board) {
    return viewerJoin(board).put("token", "not-the-link-of-this-board");
  }
}
