package org.aantafel.web;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.aantafel.store.AccessTokens;
import org.aantafel.sync.Addresses;
import org.aantafel.testsupport.BusClient;
import org.aantafel.testsupport.Frames;
import org.aantafel.testsupport.InMemory;
import org.aantafel.testsupport.ServerTest;
import org.aantafel.testsupport.TestServer.CreatedBoard;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.aantafel.testsupport.BusClient.await;
import static org.aantafel.testsupport.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17 point 2: "Make new links" ends every socket that holds the board by an old link at once, whether it
 * registered for the board's changes or not, and whether its join was answered yet or not; seated people stay.
 */
@InMemory
class RevocationAttackTest extends ServerTest {

  @Test
  void aViewerThatNeverRegisteredCannotListenOrBeatAfterTheLinksWereReplaced() {
    CreatedBoard board = server.createBoard("Leaked");
    BusClient facilitator = server.bus();
    facilitator.call(Addresses.JOIN, Frames.join(board, "facilitator", "fac", "Fenna"));
    BusClient mother = server.bus();
    mother.call(Addresses.JOIN, Frames.join(board, "participant", "mum", "Mia"));
    BusClient leaked = server.bus();
    leaked.call(Addresses.JOIN, Frames.join(board, "viewer", "leak", null));
    List<Throwable> closed = new CopyOnWriteArrayList<>();
    leaked.onClosed(e -> closed.add(e == null ? new RuntimeException("closed") : e));

    HttpResponse<Buffer> replaced = replaceLinks(board);
    assertEquals(200, replaced.statusCode(), replaced.bodyAsString());

    // The leaked viewer registers only now, and asks the hub whether it is still there.
    List<JsonObject> leakedChanges = new CopyOnWriteArrayList<>();
    leaked.register(Addresses.ops(board.id()), leakedChanges::add);
    Future<JsonObject> beat = leaked.request(Addresses.PING, new JsonObject().put("boardId", board.id()));
    assertEquals(1L, facilitator.call(Addresses.SUBMIT, Frames.submit(board.id(), "fac", 1, 0,
      Frames.createItem("plan", "the new plan"))).getLong("rev"));

    eventually(() -> assertTrue(!closed.isEmpty(), "the socket of the old link is closed"));
    assertNotEquals(0, BusClient.outcome(beat), "its heartbeat is not answered as if it still sat there");
    assertTrue(leakedChanges.isEmpty(), "it heard nothing of the board after the links were replaced");
    assertEquals(2L, mother.call(Addresses.SUBMIT, Frames.submit(board.id(), "mum", 1, 1,
      Frames.createItem("mine", "still here"))).getLong("rev"), "a seated person keeps their seat and socket");
    mother.close();
    facilitator.close();
  }

  @Test
  void aJoinStillOnItsWayWhenTheLinksAreReplacedSeatsNobody() {
    CreatedBoard board = server.createBoard("Racing");
    BusClient racer = server.bus();
    List<Throwable> closed = new CopyOnWriteArrayList<>();
    racer.onClosed(e -> closed.add(e == null ? new RuntimeException("closed") : e));
    Future<JsonObject> join = racer.request(Addresses.JOIN, Frames.join(board, "viewer", "race", null));
    HttpResponse<Buffer> replaced = replaceLinks(board);
    assertEquals(200, replaced.statusCode());
    String newViewer = tokenOf(replaced.bodyAsJsonObject().getJsonObject("links").getString("viewer"));

    // Either the join was refused (it came after) or the socket is closed (it came before): never both alive.
    eventually(() -> assertTrue(BusClient.outcome(join) != 0 || !closed.isEmpty(), "no seat by the old link"));

    BusClient fresh = server.bus();
    JsonObject joined = fresh.call(Addresses.JOIN, Frames.join(board, "viewer", "fresh", null).put("token", newViewer));
    assertEquals(board.id(), joined.getJsonObject("you").getString("boardId"), "the new link opens the board");
    fresh.close();
  }

  /**
   * The hub does not rely on the bridge having closed the socket: a bridge that missed the revocation (a node cut off
   * for a moment) still stamps the old link, and the hub refuses it on every message.
   */
  @Test
  void theHubRefusesEveryMessageStampedWithAReplacedLinkEvenIfNoBridgeClosedTheSocket() {
    CreatedBoard board = server.createBoard("Missed");
    BusClient viewer = server.bus();
    viewer.call(Addresses.JOIN, Frames.join(board, "viewer", "v", null));
    HttpResponse<Buffer> replaced = replaceLinks(board);
    String newViewer = tokenOf(replaced.bodyAsJsonObject().getJsonObject("links").getString("viewer"));

    JsonObject ping = new JsonObject().put("boardId", board.id());
    Throwable refused = await(server.vertx.eventBus().request(Addresses.PING, ping,
      asBridge("viewer", AccessTokens.hashHex(board.token("viewer")))).map(m -> (Throwable) null).otherwise(e -> e));
    assertEquals(403, refused instanceof ReplyException r ? r.failureCode() : 0, "the old link is refused");
    assertNotEquals(null, await(server.vertx.eventBus().<JsonObject>request(Addresses.PING, ping,
      asBridge("viewer", AccessTokens.hashHex(newViewer)))).body().getLong("rev"), "the new one is answered");
    viewer.close();
  }

  private static DeliveryOptions asBridge(String grant, String linkHash) {
    return new DeliveryOptions().addHeader(Addresses.H_SOCKET, "socket-of-another-node")
      .addHeader(Addresses.H_GRANT, grant).addHeader(Addresses.H_LINK, linkHash);
  }

  @Test
  void aDeletedBoardCanNoLongerBeListenedToBySocketsThatJoinedIt() {
    CreatedBoard board = server.createBoard("Deleted");
    BusClient late = server.bus();
    late.call(Addresses.JOIN, Frames.join(board, "viewer", "late", null));
    BusClient registered = server.bus();
    registered.call(Addresses.JOIN, Frames.join(board, "viewer", "reg", null));
    List<JsonObject> told = new CopyOnWriteArrayList<>();
    registered.register(Addresses.ops(board.id()), told::add);
    // The registration has arrived once a later message on the same socket is answered.
    registered.call(Addresses.PING, new JsonObject().put("boardId", board.id()));

    assertEquals(204, await(server.http().request(io.vertx.core.http.HttpMethod.DELETE, server.port(), "localhost",
      "/api/boards/" + board.id()).putHeader("Authorization", "Bearer " + board.token("facilitator")).send())
      .statusCode());
    eventually(() -> assertTrue(told.stream().anyMatch(m -> Boolean.TRUE.equals(m.getBoolean("deleted"))),
      "a registered socket still hears that the board is gone"));

    int refusedBefore = late.refusals.size();
    late.register(Addresses.ops(board.id()), message -> { });
    eventually(() -> assertEquals(refusedBefore + 1, late.refusals.size(), "the grant went with the board"));
    late.close();
    registered.close();
  }

  private HttpResponse<Buffer> replaceLinks(CreatedBoard board) {
    return await(server.http().post(server.port(), "localhost", "/api/boards/" + board.id() + "/links")
      .putHeader("Authorization", "Bearer " + board.token("facilitator")).sendJsonObject(new JsonObject()));
  }

  private static String tokenOf(String link) {
    String fragment = link.substring(link.indexOf('#') + 1);
    int dot = fragment.indexOf('.');
    return dot < 0 ? fragment : fragment.substring(0, dot);
  }
}
