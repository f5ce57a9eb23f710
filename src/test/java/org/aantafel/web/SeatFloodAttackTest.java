package org.aantafel.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.aantafel.sync.Addresses;
import org.aantafel.testsupport.BusClient;
import org.aantafel.testsupport.Frames;
import org.aantafel.testsupport.TestServer;
import org.aantafel.testsupport.TestServer.CreatedBoard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.aantafel.testsupport.BusClient.await;
import static org.aantafel.testsupport.BusClient.outcome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17, point 5 (the part per client address): whoever holds the shared participant link opened one connection
 * per seat from one address and filled the board (300 seats in seconds), so the mother with the link was refused 409.
 * New seats are now limited per client address at the bridge, counted when a join with a name arrives; shown here at a
 * small scale (a limit of 8 a minute, 24 seats a board). Each test speaks from its own loopback address (Linux answers
 * all of 127.0.0.0/8). The bucket refills one token every 7.5 s, so a slow run may let one or two more through: the
 * counts allow for that, never for a flood.
 */
class SeatFloodAttackTest {
  private static final int LIMIT = 8;
  private static final int SEATS = 3 * LIMIT;
  private static final String REFUSED = "too many people joined from this address";
  private static Vertx vertx;
  private static TestServer server;

  @BeforeAll
  static void startServer() {
    vertx = Vertx.vertx();
    server = TestServer.startInMemory(vertx, new JsonObject().put("newSeatsPerMinutePerClient", LIMIT)
      .put("seatsPerBoard", SEATS));
  }

  @AfterAll
  static void stopServer() {
    server.close();
    await(vertx.close());
  }

  @Test
  void oneAddressCannotFillABoardWithSeatsAndTheMotherStillGetsHers() {
    CreatedBoard board = server.createBoard("Parents' evening");
    List<BusClient> sockets = new ArrayList<>();
    int seated = 0;
    int refused = 0;
    for (int i = 0; i < SEATS; i++) {
      BusClient socket = busFrom("127.0.0.21");
      sockets.add(socket);
      Future<JsonObject> answer = socket.request(Addresses.JOIN, seatJoin(board, "sq" + i, "Squatter " + i));
      int code = outcome(answer);
      if (code == 0) {
        assertNotNull(await(answer).getJsonObject("you").getString("seat"), "a join with a name takes a seat");
        seated++;
      } else {
        assertEquals(429, code);
        BusClient.Failure failure = assertThrows(BusClient.Failure.class, () -> await(answer));
        assertTrue(failure.getMessage().contains(REFUSED), failure.getMessage());
        refused++;
      }
    }
    assertTrue(seated >= LIMIT && seated <= LIMIT + 2, seated + " of " + SEATS + " seats taken from one address");
    assertEquals(SEATS - seated, refused);
    assertEquals(seated, seatCount(board), "a refused join took no seat");

    BusClient mother = busFrom("127.0.0.22");
    JsonObject joined = mother.call(Addresses.JOIN, seatJoin(board, "mum", "Mia"));
    assertNotNull(joined.getJsonObject("you").getString("seat"), "the mother, from another address, takes her seat");
    assertEquals(seated + 1, seatCount(board));
    sockets.forEach(BusClient::close);
    mother.close();
  }

  @Test
  void aBurstWrittenAtOnceIsCountedAsItArrives() {
    CreatedBoard board = server.createBoard("Burst");
    List<BusClient> sockets = new ArrayList<>();
    for (int i = 0; i < 2 * LIMIT; i++) {
      sockets.add(busFrom("127.0.0.23"));
    }
    List<Future<JsonObject>> answers = new ArrayList<>();
    for (int i = 0; i < sockets.size(); i++) {
      answers.add(sockets.get(i).request(Addresses.JOIN, seatJoin(board, "burst" + i, "Burst " + i)));
    }
    List<Integer> codes = answers.stream().map(BusClient::outcome).toList();
    long seated = codes.stream().filter(c -> c == 0).count();
    assertTrue(seated >= LIMIT && seated <= LIMIT + 2, seated + " of " + 2 * LIMIT + " seated: " + codes);
    assertEquals(2 * LIMIT - seated, codes.stream().filter(c -> c == 429).count(), "the rest refused: " + codes);
    assertEquals(seated, seatCount(board));
    sockets.forEach(BusClient::close);
  }

  @Test
  void watchersAndPeopleComingBackWithTheirSeatAreNeverHeldBack() {
    CreatedBoard board = server.createBoard("Full address");
    List<BusClient> sockets = new ArrayList<>();
    List<String> seatsHeld = new ArrayList<>();
    List<String> people = new ArrayList<>();
    int code;
    do {
      BusClient socket = busFrom("127.0.0.24");
      sockets.add(socket);
      Future<JsonObject> answer = socket.request(Addresses.JOIN, seatJoin(board, "p" + sockets.size(), "Parent"));
      code = outcome(answer);
      if (code == 0) {
        seatsHeld.add(await(answer).getJsonObject("you").getString("seat"));
        people.add(await(answer).getJsonObject("you").getString("participantId"));
      }
    } while (code == 0 && sockets.size() < SEATS);
    assertEquals(429, code, "the address has taken its new seats");

    for (int i = 0; i < 3; i++) {
      BusClient watcher = busFrom("127.0.0.24");
      sockets.add(watcher);
      JsonObject watching = watcher.call(Addresses.JOIN, Frames.join(board, "participant", "w" + i, null));
      assertNull(watching.getJsonObject("you").getString("participantId"), "a join without a name watches");
      BusClient viewer = busFrom("127.0.0.24");
      sockets.add(viewer);
      assertEquals(0, outcome(viewer.request(Addresses.JOIN, Frames.join(board, "viewer", "v" + i, null))));
    }
    for (int i = 0; i < 3; i++) {
      BusClient back = busFrom("127.0.0.24");
      sockets.add(back);
      JsonObject returned = back.call(Addresses.JOIN, Frames.join(board, "participant", "back" + i, "Parent")
        .put("seat", seatsHeld.get(i)));
      assertEquals(people.get(i), returned.getJsonObject("you").getString("participantId"), "the same person again");
    }
    JsonObject renamed = sockets.get(0).call(Addresses.JOIN, seatJoin(board, "p1", "Another name"));
    assertEquals(people.get(0), renamed.getJsonObject("you").getString("participantId"), "a rename takes no seat");
    assertEquals(people.size(), seatCount(board));
    sockets.forEach(BusClient::close);
  }

  @Test
  void joinsWithANameThatTakeNoSeatGiveTheirCountBack() {
    CreatedBoard board = server.createBoard("Given back");
    List<BusClient> sockets = new ArrayList<>();
    for (int i = 0; i < 2 * LIMIT; i++) {
      BusClient listener = busFrom("127.0.0.25");
      sockets.add(listener);
      JsonObject watching = listener.call(Addresses.JOIN, Frames.join(board, "viewer", "l" + i, "Listener " + i));
      assertNull(watching.getJsonObject("you").getString("seat"), "a viewer's link seats nobody, name or not");
      BusClient mistyped = busFrom("127.0.0.25");
      sockets.add(mistyped);
      assertEquals(403, outcome(mistyped.request(Addresses.JOIN, seatJoin(board, "m" + i, "Mistyped")
        .put("token", "not-the-link-of-this-board"))));
    }
    // One socket writes several joins with a name at once: each is counted as it arrives, the renames give it back.
    BusClient eager = busFrom("127.0.0.25");
    sockets.add(eager);
    List<Future<JsonObject>> eagerJoins = eager.requestAll(Addresses.JOIN,
      Collections.nCopies(LIMIT / 2, seatJoin(board, "eager", "Eager")));
    eagerJoins.forEach(answer -> assertEquals(0, outcome(answer)));
    assertEquals(1, seatCount(board), "one socket, one seat");

    int seated = 1;
    int code;
    do {
      BusClient parent = busFrom("127.0.0.25");
      sockets.add(parent);
      code = outcome(parent.request(Addresses.JOIN, seatJoin(board, "n" + seated, "Parent " + seated)));
      seated += code == 0 ? 1 : 0;
    } while (code == 0 && seated < SEATS);
    assertEquals(429, code);
    assertTrue(seated >= LIMIT && seated <= LIMIT + 2, seated + " seats: the joins that took none gave back");
    assertEquals(seated, seatCount(board));
    sockets.forEach(BusClient::close);
  }

  private static JsonObject seatJoin(CreatedBoard board, String clientId, String name) {
    return Frames.join(board, "participant", clientId, name);
  }

  private static int seatCount(CreatedBoard board) {
    HttpResponse<Buffer> listed = await(server.http().get(server.port(), "localhost",
      "/api/boards/" + board.id() + "/seats").putHeader("Authorization", "Bearer " + board.token("facilitator")).send());
    assertEquals(200, listed.statusCode());
    return listed.bodyAsJsonObject().getJsonArray("seats").size();
  }

  private static BusClient busFrom(String localAddress) {
    return await(BusClient.open(vertx, new WebSocketClientOptions().setLocalAddress(localAddress)
      .setMaxFrameSize(1024 * 1024).setMaxMessageSize(1024 * 1024), "127.0.0.1", server.port(), null));
  }
}
