package org.aantafel.sync;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.aantafel.store.AccessTokens;
import org.aantafel.store.BoardStore;
import org.aantafel.store.memory.InMemoryStore;
import org.aantafel.testsupport.BusClient;
import org.aantafel.testsupport.Frames;
import org.aantafel.testsupport.TestServer;
import org.aantafel.testsupport.TestServer.CreatedBoard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.aantafel.testsupport.BusClient.await;
import static org.aantafel.testsupport.Eventually.eventually;
import static org.aantafel.testsupport.Invocations.invoke;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17 point 9 (the hub's half): joins with a wrong link or a wrong seat never hold up a board's edits. The store's
 * look-ups of links and seats are held back; a seated person's submit must still be answered while the wrong joins
 * are all outstanding, which it cannot be if a join's check takes the board's one-at-a-time turn.
 */
class AdmissionOutsideTurnTest {
  private static final int SOCKETS = 3;
  private static final int JOINS_PER_SOCKET = 8;

  private final Promise<Void> release = Promise.promise();
  private final AtomicInteger heldBack = new AtomicInteger();
  private volatile boolean holding;
  private Vertx vertx;
  private TestServer server;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    server = TestServer.startOn(vertx, holdingBackLookUps(new InMemoryStore()));
  }

  @AfterEach
  void stop() {
    release.tryComplete();
    server.close();
    await(vertx.close());
  }

  @Test
  void aFloodOfWrongLinksAndSeatsDoesNotDelayASeatedPersonsEdit() {
    CreatedBoard board = server.createBoard("Meeting");
    BusClient mother = server.bus();
    mother.call(Addresses.JOIN, Frames.join(board, "participant", "mum", "Mia"));
    holding = true;

    List<BusClient> attackers = new ArrayList<>();
    List<Future<JsonObject>> wrongJoins = new ArrayList<>();
    for (int s = 0; s < SOCKETS; s++) {
      BusClient attacker = server.bus();
      attackers.add(attacker);
      for (int i = 0; i < JOINS_PER_SOCKET; i++) {
        JsonObject join = i % 2 == 0
          ? Frames.join(board, "viewer", "att" + s, null).put("token", AccessTokens.newToken())
          : Frames.join(board, "viewer", "att" + s, null).put("seat", AccessTokens.newToken());
        wrongJoins.add(attacker.request(Addresses.JOIN, join));
      }
    }
    eventually(() -> assertTrue(heldBack.get() > 0, "the wrong seats are being looked up"));

    JsonObject answer = await(mother.request(Addresses.SUBMIT, Frames.submit(board.id(), "mum", 1, 0,
      Frames.createItem("a", "the mother's point"))));
    assertEquals(1L, answer.getLong("rev"), "the edit is answered");
    assertTrue(wrongJoins.stream().anyMatch(join -> !join.isComplete()),
      "while wrong joins are still outstanding: they did not stand in the board's way");

    release.complete();
    for (Future<JsonObject> join : wrongJoins) {
      assertEquals(403, BusClient.failureCode(join), "a wrong link or seat opens nothing");
    }
    assertEquals(2L, await(mother.request(Addresses.SUBMIT, Frames.submit(board.id(), "mum", 2, 1,
      Frames.createItem("b", "and another")))).getLong("rev"));
    attackers.forEach(BusClient::close);
    mother.close();
  }

  /** The store, with every look-up of a link or a seat held back (once holding) until the test releases them. */
  private BoardStore holdingBackLookUps(BoardStore store) {
    Set<String> held = Set.of("findGrant", "findSeat");
    return (BoardStore) Proxy.newProxyInstance(BoardStore.class.getClassLoader(), new Class<?>[] {BoardStore.class},
      (proxy, method, args) -> {
        if (!holding || !held.contains(method.getName())) {
          return invoke(method, store, args);
        }
        heldBack.incrementAndGet();
        Context caller = Vertx.currentContext();
        Promise<Object> answer = Promise.promise();
        release.future().onComplete(v -> caller.runOnContext(x ->
          ((Future<?>) invoke(method, store, args)).onComplete(done -> answer.handle(done.map(r -> (Object) r)))));
        return answer.future();
      });
  }
}
