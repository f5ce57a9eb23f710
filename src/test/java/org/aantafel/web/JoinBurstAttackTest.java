package org.aantafel.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.aantafel.sync.Addresses;
import org.aantafel.testsupport.BusClient;
import org.aantafel.testsupport.InMemory;
import org.aantafel.testsupport.ServerTest;
import org.aantafel.testsupport.TestServer.CreatedBoard;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.aantafel.testsupport.BusClient.outcome;
import static org.aantafel.testsupport.Frames.join;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 17, point 12: limits are counted when a request arrives, not when it is answered. Joins written in one burst
 * all arrive before the first is answered; before, every one of them was let through, since the socket sat at no
 * board yet when each arrived.
 */
@InMemory
class JoinBurstAttackTest extends ServerTest {

  @Test
  void eightJoinsInOneWriteSeatASocketAtFourBoardsAtMost() {
    List<CreatedBoard> boards = new ArrayList<>();
    List<JsonObject> joins = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      CreatedBoard board = server.createBoard("Burst " + i);
      boards.add(board);
      joins.add(viewerJoin(board, "burst"));
    }
    BusClient crawler = server.bus();
    List<Integer> outcomes = crawler.requestAll(Addresses.JOIN, joins).stream().map(BusClient::outcome).toList();

    assertEquals(4, outcomes.stream().filter(code -> code == 0).count(), "joined: " + outcomes);
    assertEquals(4, outcomes.stream().filter(code -> code == 429).count(), "refused: " + outcomes);
    // The legitimate join beside it: a board of its own on a socket of its own.
    BusClient fresh = server.bus();
    assertEquals(0, outcome(fresh.request(Addresses.JOIN, viewerJoin(boards.get(7), "fresh"))));
    crawler.close();
    fresh.close();
  }

  @Test
  void aJoinThatFailedNoLongerCountsTowardTheBoardsOfItsSocket() {
    BusClient reader = server.bus();
    for (int i = 0; i < 3; i++) {
      assertEquals(0, outcome(reader.request(Addresses.JOIN, viewerJoin(server.createBoard("Own " + i), "r"))));
    }
    CreatedBoard wrong = server.createBoard("Wrong link");
    assertEquals(403, outcome(reader.request(Addresses.JOIN, viewerJoin(wrong, "r").put("token", "not-the-token"))));
    assertEquals(0, outcome(reader.request(Addresses.JOIN, viewerJoin(server.createBoard("Fourth"), "r"))),
      "a refused join holds no place");
    assertEquals(429, outcome(reader.request(Addresses.JOIN, viewerJoin(server.createBoard("Fifth"), "r"))));
    reader.close();
  }

  @Test
  void aJoinAgainOnABoardTheSocketSitsAtOrAsksForIsNotAnotherBoard() {
    List<CreatedBoard> boards = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      boards.add(server.createBoard("Again " + i));
    }
    BusClient reader = server.bus();
    List<JsonObject> joins = new ArrayList<>();
    boards.forEach(board -> joins.add(viewerJoin(board, "again")));
    joins.add(viewerJoin(boards.get(0), "again"));
    List<Future<JsonObject>> answers = reader.requestAll(Addresses.JOIN, joins);
    answers.forEach(answer -> assertEquals(0, outcome(answer)));
    reader.close();
  }

  private static JsonObject viewerJoin(CreatedBoard board, String clientId) {
    JsonObject body = join(board, "viewer", clientId, null);
    body.remove("seat");
    return body;
  }
}
