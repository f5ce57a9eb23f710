package org.aantafel.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.aantafel.store.AccessTokens;
import org.aantafel.store.BoardStore;
import org.aantafel.sync.Addresses;
import org.aantafel.testsupport.BusClient;
import org.aantafel.testsupport.Frames;
import org.aantafel.testsupport.InMemory;
import org.aantafel.testsupport.ServerTest;
import org.aantafel.testsupport.TestServer.CreatedBoard;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.aantafel.testsupport.BusClient.await;
import static org.aantafel.testsupport.BusClient.failureCode;
import static org.aantafel.testsupport.Eventually.eventually;
import static org.aantafel.testsupport.Eventually.throughout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The attacks of the security review, each tried as a hostile browser would with nothing but a link and a socket:
 * every test asserts that the attack now fails and that the legitimate action next to it still works.
 */
@InMemory
class AttackTest extends ServerTest {

  // --- 1. A socket seats itself on another board with the answer to a different join ---

  @Test
  void aRefusedJoinCannotBorrowTheSeatOfAnotherJoinWithTheSameReplyAddress() {
    CreatedBoard mine = server.createBoard("Mine");
    CreatedBoard victim = server.createBoard("Victim");
    BusClient attacker = server.bus();
    String label = UUID.randomUUID().toString();

    // Both in one frame, so the second always arrives while the first still waits for its answer.
    var answer = attacker.requestAllOnLabel(Addresses.JOIN, List.of(join(mine, "facilitator", "att", "Mallory"),
      new JsonObject().put("boardId", victim.id()).put("token", "wrong-token").put("clientId", "att")), label);
    assertEquals(mine.id(), await(answer).getJsonObject("you").getString("boardId"), "only the own join is answered");
    eventually(() -> assertFalse(attacker.refusals.isEmpty(), "the second join on a waiting label is refused"));

    assertVictimUntouched(attacker, victim, "att");
    // The legitimate join on the same socket still works.
    assertEquals(1L, attacker.call(Addresses.SUBMIT, submit(mine.id(), "att", 1, 0, item("own", "mine")))
      .getLong("rev"));
    attacker.close();
  }

  @Test
  void aRefusedJoinSentFirstCannotBeSeatedByALaterSuccessOnTheSameLabel() {
    CreatedBoard mine = server.createBoard("Mine");
    CreatedBoard victim = server.createBoard("Victim");
    BusClient attacker = server.bus();
    String label = UUID.randomUUID().toString();

    // Both in one frame: the server has read the second before it can answer the first (over two frames, a quick
    // refusal could come back first and the second join would then rightly be a join of its own).
    var answer = attacker.requestAllOnLabel(Addresses.JOIN, List.of(new JsonObject().put("boardId", victim.id())
      .put("token", victim.token("viewer") + "x").put("clientId", "att"),
      join(mine, "facilitator", "att", "Mallory")), label);
    assertEquals(403, failureCode(answer), "the refusal of the victim's join is the only answer on the label");
    eventually(() -> assertFalse(attacker.refusals.isEmpty(), "the own join on a waiting label is refused"));

    assertVictimUntouched(attacker, victim, "att");
    attacker.close();
  }

  @Test
  void aViewerLinkOfABoardGivesNoMoreThanViewingEvenWithAFacilitatorSeatElsewhere() {
    CreatedBoard mine = server.createBoard("Mine");
    CreatedBoard victim = server.createBoard("Victim");
    BusClient attacker = server.bus();
    attacker.call(Addresses.JOIN, join(mine, "facilitator", "att", "Mallory"));
    attacker.call(Addresses.JOIN, join(victim, "viewer", "att", null));

    assertEquals(403, failureCode(attacker.request(Addresses.SUBMIT, submit(victim.id(), "att", 1, 0,
      item("x", "written by a viewer")))));
    assertEquals(0L, state(victim).getLong("rev"));
    attacker.close();
  }

  @Test
  void aReplyAddressShapedLikeABoardAddressIsRefused() {
    CreatedBoard board = server.createBoard("Labels");
    BusClient attacker = server.bus();
    attacker.request(Addresses.JOIN, join(board, "participant", "att", "Mallory"), null,
      Addresses.ops(board.id()));
    eventually(() -> assertFalse(attacker.refusals.isEmpty()));
    assertEquals(0L, attacker.call(Addresses.JOIN, join(board, "participant", "att", "Mallory")).getLong("rev"));
    attacker.close();
  }

  @Test
  void aBoardsInboxCannotBeReachedFromABrowser() {
    CreatedBoard board = server.createBoard("Inbox");
    BusClient attacker = server.bus();
    attacker.call(Addresses.JOIN, join(board, "viewer", "att", null));
    int refusedBefore = attacker.refusals.size();
    // Straight to the hub, with the headers the router would set: past the router's and the agent's checks.
    attacker.request(Addresses.hub(board.id()), submit(board.id(), "att", 1, 0, item("evil", "planted")),
      new JsonObject().put("aantafel-kind", "submit").put(Addresses.H_GRANT, "facilitator")
        .put(Addresses.H_PARTICIPANT, "someone"));
    attacker.register(Addresses.hub(board.id()), frame -> { });
    eventually(() -> assertEquals(refusedBefore + 2, attacker.refusals.size(), "both refused by the bridge"));
    assertEquals(0L, state(board).getLong("rev"), "nothing reached the board");
    attacker.close();
  }

  @Test
  void aHeartbeatForABoardTheSocketDoesNotSitAtReachesNoHub() {
    BusClient stranger = server.bus();
    // A hub asked about a board that does not exist would look it up and refuse (403); the router answers itself.
    assertEquals(new JsonObject(), stranger.call(Addresses.PING, new JsonObject().put("boardId", "no-such-board")));
    CreatedBoard board = server.createBoard("Not mine");
    BusClient seated = server.bus();
    seated.call(Addresses.JOIN, join(board, "participant", "anna-tab", "Anna"));
    seated.call(Addresses.SUBMIT, Frames.submit(board.id(), "anna-tab", 1, 0, Frames.createItem("i1", "Lezen")));
    assertEquals(new JsonObject().put("rev", 1),
      seated.call(Addresses.PING, new JsonObject().put("boardId", board.id())), "who sits there learns the revision");
    assertEquals(new JsonObject(), stranger.call(Addresses.PING, new JsonObject().put("boardId", board.id())),
      "a stranger does not even learn that");
    stranger.close();
    seated.close();
  }

  // --- 2. One participant becomes another ---

  @Test
  void joiningWithSomeoneElsesClientIdDoesNotMakeYouThem() {
    CreatedBoard board = server.createBoard("Identity");
    BusClient anna = server.bus();
    JsonObject annaYou = anna.call(Addresses.JOIN, join(board, "participant", "anna-tab", "Anna"))
      .getJsonObject("you");
    String annaCheckin = "checkin." + annaYou.getString("participantId");
    anna.call(Addresses.SUBMIT, submit(board.id(), "anna-tab", 1, 0, checkin(annaCheckin, "Ik ben moe")));

    BusClient mallory = server.bus();
    assertEquals(403, failureCode(mallory.request(Addresses.JOIN,
      join(board, "participant", "anna-tab", "Mallory").putNull("seat"))), "Anna's clientId is Anna's");
    JsonObject malloryYou = mallory.call(Addresses.JOIN, join(board, "participant", "mallory-tab", "Anna")
      .putNull("seat")).getJsonObject("you");
    assertNotEquals(annaYou.getString("participantId"), malloryYou.getString("participantId"),
      "the same name and link make another person, not Anna");
    assertEquals(403, failureCode(mallory.request(Addresses.SUBMIT, submit(board.id(), "mallory-tab", 1, 1,
      new JsonObject().put("type", "set").put("id", annaCheckin).put("field", "text").put("value", "x")))));
    assertEquals(403, failureCode(mallory.request(Addresses.SUBMIT, submit(board.id(), "anna-tab",
      9_007_199_254_740_991L, 1))), "nobody else's submit may poison Anna's sequence");

    JsonObject next = anna.call(Addresses.SUBMIT, submit(board.id(), "anna-tab", 2, 1,
      item("annas-point", "Huiswerk")));
    assertNull(next.getValue("duplicate"), "Anna's next change is applied, not taken for a duplicate");
    assertEquals(2L, next.getLong("rev"));
    anna.close();
    mallory.close();
  }

  @Test
  void aSeatIsThePersonAcrossSocketsAndAGuessedSeatOpensNothing() {
    CreatedBoard board = server.createBoard("Seats");
    BusClient phone = server.bus();
    JsonObject you = phone.call(Addresses.JOIN, join(board, "participant", "phone", "Anna")).getJsonObject("you");
    String seat = you.getString("seat");
    assertEquals(22, seat.length(), "128 random bits");
    String checkinId = "checkin." + you.getString("participantId");
    phone.call(Addresses.SUBMIT, submit(board.id(), "phone", 1, 0, checkin(checkinId, "Hallo")));
    phone.close();

    BusClient laptop = server.bus();
    JsonObject again = laptop.call(Addresses.JOIN, new JsonObject().put("boardId", board.id()).put("seat", seat)
      .put("clientId", "laptop")).getJsonObject("you");
    assertEquals(you.getString("participantId"), again.getString("participantId"), "the seat alone is the person");
    assertEquals("Anna", again.getString("name"));
    assertNull(again.getString("seat"), "a seat is handed out once, when it is made");
    assertEquals(2L, laptop.call(Addresses.SUBMIT, submit(board.id(), "laptop", 1, 1,
      new JsonObject().put("type", "text").put("id", checkinId).put("field", "text")
        .put("edit", new JsonArray().add(5).add(", Anna hier")))).getLong("rev"), "her own check-in, on her laptop");

    BusClient guesser = server.bus();
    assertEquals(403, failureCode(guesser.request(Addresses.JOIN, new JsonObject().put("boardId", board.id())
      .put("seat", AccessTokens.newToken()).put("clientId", "guess"))));
    guesser.close();
    laptop.close();
  }

  @Test
  void aViewerCannotRenameAnyoneNorAppearAsAnAttendee() {
    CreatedBoard board = server.createBoard("Viewers");
    BusClient anna = server.bus();
    String annaId = anna.call(Addresses.JOIN, join(board, "participant", "anna", "Anna")).getJsonObject("you")
      .getString("participantId");

    BusClient viewer = server.bus();
    JsonObject watched = viewer.call(Addresses.JOIN, join(board, "viewer", "anna", "Anna is weg"));
    assertNull(watched.getJsonObject("you").getString("participantId"), "a viewer has no seat");
    BusClient projector = server.bus();
    projector.call(Addresses.JOIN, join(board, "projector", "beamer", "Beamer"));

    JsonObject presence = server.bus().call(Addresses.JOIN, join(board, "viewer", "check", null));
    assertEquals(List.of("Anna"), names(presence.getJsonArray("participants")));
    assertEquals(annaId, presence.getJsonArray("participants").getJsonObject(0).getString("participantId"));
    assertEquals(3, presence.getInteger("watching"), "viewers and the projector are counted, not listed");

    HttpResponse<Buffer> closed = await(server.http().post(server.port(), "localhost",
      "/api/boards/" + board.id() + "/close").putHeader("Authorization", "Bearer " + board.token("facilitator"))
      .send());
    assertEquals(200, closed.statusCode(), closed.bodyAsString());
    JsonObject record = await(server.http().get(server.port(), "localhost",
      "/api/boards/" + board.id() + "/records/1.json").putHeader("Authorization", "Bearer " + board.token("viewer"))
      .send()).bodyAsJsonObject();
    assertEquals(List.of("Anna"), names(record.getJsonArray("participants")), "the record names who sat at the table");
    anna.close();
    viewer.close();
    projector.close();
  }

  // --- 6. Limits on work a stranger can cause ---

  @Test
  void oneSocketCannotJoinAnyNumberOfBoards() {
    BusClient crawler = server.bus();
    for (int i = 0; i < 4; i++) {
      CreatedBoard board = server.createBoard("Board " + i);
      crawler.call(Addresses.JOIN, join(board, "viewer", "crawler", null));
    }
    CreatedBoard fifth = server.createBoard("Board 5");
    assertEquals(429, failureCode(crawler.request(Addresses.JOIN, join(fifth, "viewer", "crawler", null))));
    BusClient fresh = server.bus();
    assertEquals(0L, fresh.call(Addresses.JOIN, join(fifth, "viewer", "fresh", null)).getLong("rev"),
      "the same board on a socket of its own opens");
    crawler.close();
    fresh.close();
  }

  @Test
  void presenceToEveryoneDoesNotGrowWithEveryListenerWhoJoins() {
    CreatedBoard board = server.createBoard("Webinar");
    BusClient host = server.bus();
    host.call(Addresses.JOIN, join(board, "facilitator", "host", "Host"));
    List<JsonObject> presence = new CopyOnWriteArrayList<>();
    host.register(Addresses.presence(board.id()), presence::add);
    int listeners = 40;
    List<BusClient> room = new java.util.ArrayList<>();
    for (int i = 0; i < listeners; i++) {
      BusClient listener = server.bus();
      room.add(listener);
      listener.call(Addresses.JOIN, join(board, "viewer", "l" + i, "Listener " + i));
    }
    eventually(() -> assertEquals(listeners, presence.isEmpty() ? -1 : presence.get(presence.size() - 1)
      .getInteger("watching")));
    assertTrue(presence.size() < listeners, "presence is gathered, not sent for every arrival: " + presence.size());
    presence.forEach(p -> assertEquals(1, p.getJsonArray("participants").size(), "only the host is listed"));
    room.forEach(BusClient::close);
    host.close();
  }

  @Test
  void aFloodOfPresenceMessagesIsNotPassedOn() {
    CreatedBoard board = server.createBoard("Focus flood");
    BusClient flooder = server.bus();
    flooder.call(Addresses.JOIN, join(board, "participant", "flood", "Flo"));
    for (int i = 0; i < 200; i++) {
      flooder.sendRaw(new JsonObject().put("type", "send").put("address", Addresses.PRESENCE)
        .put("body", new JsonObject().put("boardId", board.id())
          .put("focus", new JsonObject().put("id", "board").put("field", "goal").put("n", i))).encode());
    }
    eventually(() -> assertFalse(flooder.refusals.isEmpty(), "past the rate limit, presence frames are refused"));
    // The connection itself stays usable once its budget refills.
    eventually(() -> assertEquals(0, BusClient.outcome(flooder.request(Addresses.SUBMIT, submit(board.id(), "flood", 1,
      0, item("calm", "after the flood"))))));
    flooder.close();
  }

  @Test
  void aBoardsOpLogHasAQuota() {
    CreatedBoard board = server.createBoard("Quota");
    // One stored change at the quota's revision stands for a board that has already taken its whole quota.
    server.onStore(store -> store.appendChanges(board.id(), List.of(new BoardStore.CommittedChange(100_000, "filler",
      1, "pFiller", new JsonArray(), System.currentTimeMillis()))));
    BusClient writer = server.bus();
    writer.call(Addresses.JOIN, join(board, "participant", "writer", "Wim"));
    assertEquals(413, failureCode(writer.request(Addresses.SUBMIT, submit(board.id(), "writer", 1, 100_000,
      item("more", "one more")))));
    assertEquals(100_000L, state(board).getLong("rev"));
    writer.close();

    CreatedBoard fresh = server.createBoard("Under quota");
    BusClient ok = server.bus();
    ok.call(Addresses.JOIN, join(fresh, "participant", "ok", "Olga"));
    assertEquals(1L, ok.call(Addresses.SUBMIT, submit(fresh.id(), "ok", 1, 0, item("a", "fine"))).getLong("rev"));
    ok.close();
  }

  // --- 7. Links can be replaced, and a series is read only by its people ---

  @Test
  void aReplacedLinkStopsWorkingAtOnceAndSeatedPeopleStay() {
    CreatedBoard board = server.createBoard("Leaked");
    BusClient anna = server.bus();
    anna.call(Addresses.JOIN, join(board, "participant", "anna", "Anna"));
    BusClient leakedViewer = server.bus();
    leakedViewer.call(Addresses.JOIN, join(board, "viewer", "leak", null));
    leakedViewer.register(Addresses.ops(board.id()), message -> { });
    List<Throwable> closed = new CopyOnWriteArrayList<>();
    leakedViewer.onClosed(e -> closed.add(e == null ? new RuntimeException("closed") : e));

    assertEquals(403, replaceLinks(board, board.token("participant")).statusCode(), "only the facilitator");
    HttpResponse<Buffer> replaced = replaceLinks(board, board.token("facilitator"));
    assertEquals(200, replaced.statusCode(), replaced.bodyAsString());
    JsonObject links = replaced.bodyAsJsonObject().getJsonObject("links");

    eventually(() -> assertFalse(closed.isEmpty(), "the socket watching through the old link is closed"));
    for (String grant : List.of("participant", "viewer", "projector")) {
      assertEquals(403, failureCode(server.bus().request(Addresses.JOIN, join(board, grant, "late-" + grant, null))),
        "the old " + grant + " link opens nothing");
      String fresh = tokenOf(links.getString(grant));
      assertEquals(403, await(server.http().get(server.port(), "localhost", "/api/boards/" + board.id() + "/state")
        .putHeader("Authorization", "Bearer " + board.token(grant)).send()).statusCode());
      assertEquals(200, await(server.http().get(server.port(), "localhost", "/api/boards/" + board.id() + "/state")
        .putHeader("Authorization", "Bearer " + fresh).send()).statusCode());
    }
    assertEquals(1L, anna.call(Addresses.SUBMIT, submit(board.id(), "anna", 1, 0, item("still", "here")))
      .getLong("rev"), "a seated person keeps their seat, and their socket");
    assertTrue(links.getString("facilitator").contains("#" + board.token("facilitator") + "."),
      "the facilitator keeps their own link, with the new participant link after it");
    anna.close();
  }

  @Test
  void aViewerOrProjectorLinkOfOneMeetingReadsNoOtherMeetingsRecords() {
    CreatedBoard first = server.createBoard("Series 1");
    BusClient parent = server.bus();
    String seat = parent.call(Addresses.JOIN, join(first, "participant", "parent", "Pam")).getJsonObject("you")
      .getString("seat");
    parent.close();
    assertEquals(200, await(server.http().post(server.port(), "localhost", "/api/boards/" + first.id() + "/close")
      .putHeader("Authorization", "Bearer " + first.token("facilitator")).send()).statusCode());
    JsonObject followUp = await(server.http().post(server.port(), "localhost",
      "/api/boards/" + first.id() + "/follow-up").putHeader("Authorization", "Bearer " + first.token("facilitator"))
      .send()).bodyAsJsonObject();
    String secondId = followUp.getString("boardId");
    String secondViewer = tokenOf(followUp.getJsonObject("links").getString("viewer"));
    String secondProjector = tokenOf(followUp.getJsonObject("links").getString("projector"));
    String secondFacilitator = tokenOf(followUp.getJsonObject("links").getString("facilitator"));
    String path = "/api/boards/" + first.id() + "/records/1.json";

    assertEquals(403, read(path, secondViewer, null));
    assertEquals(403, read(path, secondProjector, null));
    assertEquals(200, read(path, secondFacilitator, null), "the facilitator of the series reads it");
    assertEquals(200, read(path, first.token("viewer"), null), "a meeting's own links read its own record");
    assertEquals(200, read("/api/boards/" + secondId + "/series", secondViewer, seat),
      "a person with a seat in the series reads it, whichever link they came with");
    assertEquals(200, read(path, null, seat));
    assertEquals(403, read(path, null, AccessTokens.newToken()));
  }

  private int read(String path, String token, String seat) {
    var request = server.http().get(server.port(), "localhost", path);
    if (token != null) {
      request.putHeader("Authorization", "Bearer " + token);
    }
    if (seat != null) {
      request.putHeader("X-Seat", seat);
    }
    return await(request.send()).statusCode();
  }

  private HttpResponse<Buffer> replaceLinks(CreatedBoard board, String token) {
    return await(server.http().post(server.port(), "localhost", "/api/boards/" + board.id() + "/links")
      .putHeader("Authorization", "Bearer " + token).sendJsonObject(new JsonObject()));
  }

  // --- helpers ---

  /** Nothing of the victim's board reached the attacker, and nothing the attacker sent changed it. */
  private void assertVictimUntouched(BusClient attacker, CreatedBoard victim, String clientId) {
    assertEquals(403, failureCode(attacker.request(Addresses.SUBMIT, submit(victim.id(), clientId, 1, 0,
      item("evil", "planted")))), "no seat on the victim's board");
    int refusedBefore = attacker.refusals.size();
    List<JsonObject> leaked = new CopyOnWriteArrayList<>();
    attacker.register(Addresses.ops(victim.id()), leaked::add);
    eventually(() -> assertEquals(refusedBefore + 1, attacker.refusals.size(), "listening to the victim is refused"));
    BusClient owner = server.bus();
    owner.call(Addresses.JOIN, join(victim, "facilitator", "owner", "Olga"));
    owner.call(Addresses.SUBMIT, submit(victim.id(), "owner", 1, 0, item("real", "the owner's point")));
    owner.close();
    assertEquals(1L, state(victim).getLong("rev"), "only the owner's change is on the victim's board");
    throughout(() -> assertEquals(List.of(), leaked, "the owner's change reached the attacker"));
  }

  private JsonObject state(CreatedBoard board) {
    HttpResponse<Buffer> response = await(server.http().get(server.port(), "localhost",
      "/api/boards/" + board.id() + "/state").putHeader("Authorization", "Bearer " + board.token("facilitator")).send());
    assertEquals(200, response.statusCode());
    return response.bodyAsJsonObject();
  }

  static JsonObject join(CreatedBoard board, String grant, String clientId, String name) {
    return Frames.join(board, grant, clientId, name);
  }

  static JsonObject submit(String boardId, String clientId, long seq, long baseRev, JsonObject... ops) {
    return Frames.submit(boardId, clientId, seq, baseRev, ops);
  }

  static JsonObject item(String id, String title) {
    return Frames.createItem(id, title);
  }

  private static JsonObject checkin(String id, String text) {
    return new JsonObject().put("type", "create").put("id", id).put("kind", "checkin")
      .put("fields", new JsonObject().put("text", text));
  }

  private static List<String> names(JsonArray people) {
    return people.stream().map(p -> ((JsonObject) p).getString("name")).toList();
  }

  private static String tokenOf(String link) {
    String fragment = link.substring(link.indexOf('#') + 1);
    int dot = fragment.indexOf('.');
    return dot < 0 ? fragment : fragment.substring(0, dot);
  }
}
