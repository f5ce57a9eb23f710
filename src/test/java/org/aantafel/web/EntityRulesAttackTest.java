package org.aantafel.web;

import static org.aantafel.testsupport.BusClient.await;
import static org.aantafel.testsupport.BusClient.failureCode;
import static org.aantafel.testsupport.Frames.join;
import static org.aantafel.testsupport.Frames.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.aantafel.board.BoardSchema;
import org.aantafel.board.Polls;
import org.aantafel.board.Questions;
import org.aantafel.sync.Addresses;
import org.aantafel.testsupport.BusClient;
import org.aantafel.testsupport.InMemory;
import org.aantafel.testsupport.ServerTest;
import org.aantafel.testsupport.TestServer.CreatedBoard;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, points 14 and 15, over real SockJS: what the screens promise holds for a raw frame too. Nobody can take
 * the id of someone else's goal check, poll answer or vote first, and a shared item is removed with undo, never
 * deleted behind the facilitator's back.
 */
@InMemory
class EntityRulesAttackTest extends ServerTest {

  /** One browser at the board: its socket, its clientId and its next seq, and the revision it builds on. */
  private static final class Browser {
    final BusClient bus;
    final String clientId;
    final String participantId;
    final CreatedBoard board;
    long seq;

    Browser(BusClient bus, String clientId, String participantId, CreatedBoard board) {
      this.bus = bus;
      this.clientId = clientId;
      this.participantId = participantId;
      this.board = board;
    }

    /** Submits on the newest revision (a heartbeat tells it), as a browser that has caught up. */
    io.vertx.core.Future<JsonObject> send(JsonObject... ops) {
      long rev = bus.call(Addresses.PING, new JsonObject().put("boardId", board.id())).getLong("rev");
      return bus.request(Addresses.SUBMIT, submit(board.id(), clientId, ++seq, rev, ops));
    }

    long sent(JsonObject... ops) {
      return await(send(ops)).getLong("rev");
    }
  }

  private Browser seat(CreatedBoard board, String grant, String clientId, String name) {
    BusClient bus = server.bus();
    JsonObject reply = bus.call(Addresses.JOIN, join(board, grant, clientId, name));
    return new Browser(bus, clientId, reply.getJsonObject("you").getString("participantId"), board);
  }

  private static JsonObject create(String id, String kind, JsonObject fields) {
    return new JsonObject().put("type", "create").put("id", id).put("kind", kind).put("fields", fields);
  }

  private static JsonObject set(String id, String field, Object value) {
    return new JsonObject().put("type", "set").put("id", id).put("field", field).put("value", value);
  }

  private static JsonObject delete(String id) {
    return new JsonObject().put("type", "delete").put("id", id);
  }

  private JsonObject entities(CreatedBoard board) {
    return await(server.http().get(server.port(), "localhost", "/api/boards/" + board.id() + "/state")
      .putHeader("Authorization", "Bearer " + board.token("facilitator")).send()).bodyAsJsonObject()
      .getJsonObject("state").getJsonObject("entities");
  }

  @Test
  void nobodyCanTakeTheIdOfSomeoneElsesGoalCheckAnswerOrVoteFirst() {
    CreatedBoard board = server.createBoard("Ouderavond groep 8", "webinar");
    Browser host = seat(board, "facilitator", "host", "Meneer Jansen");
    Browser mother = seat(board, "participant", "mother", "Fatima");
    Browser attacker = seat(board, "participant", "attacker", "Onbekend");
    host.sent(create("q1", "question", new JsonObject().put("text", "Hoe laat?").put("order", "a0")),
        create("poll1", "poll", new JsonObject().put("question", "Komt u?").put("options", "Ja\nNee")
          .put("open", true)));

    List<String> herIds = List.of(goalCheckId(mother), answerId("poll1", mother), voteId("q1", mother),
        checkinId(mother));
    List<JsonObject> herEntries = List.of(new JsonObject().put("verdict", "not"),
        new JsonObject().put("poll", "poll1").put("choice", 0), new JsonObject().put("question", "q1"),
        new JsonObject().put("text", "Ik ben boos"));
    List<String> herKinds = List.of("goalCheck", "pollAnswer", "vote", "checkin");
    for (int i = 0; i < herIds.size(); i++) {
      String id = herIds.get(i);
      // Claimed first as a shared item and deleted at once, which would leave its tombstone holding the id ...
      assertEquals(400, failureCode(attacker.send(
          create(id, "agreement", new JsonObject().put("text", "bezet").put("order", "a0")), delete(id))), id);
      // ... or as the entry itself, in her name.
      assertEquals(400, failureCode(attacker.send(create(id, herKinds.get(i), herEntries.get(i)))), id);
    }
    // The attacker's own entries still work beside it.
    attacker.sent(create(goalCheckId(attacker), "goalCheck", new JsonObject().put("verdict", "partly")));
    attacker.sent(create(voteId("q1", attacker), "vote", new JsonObject().put("question", "q1")));
    JsonObject before = entities(board);
    herIds.forEach(id -> assertFalse(before.containsKey(id), id + " was not made"));

    mother.sent(create(goalCheckId(mother), "goalCheck", new JsonObject().put("verdict", "met")));
    mother.sent(create(answerId("poll1", mother), "pollAnswer",
        new JsonObject().put("poll", "poll1").put("choice", 1)));
    mother.sent(create(voteId("q1", mother), "vote", new JsonObject().put("question", "q1")));
    mother.sent(create(checkinId(mother), "checkin", new JsonObject().put("text", "Goed")));
    JsonObject entities = entities(board);
    assertEquals("met", entities.getJsonObject(goalCheckId(mother)).getString("verdict"));
    assertEquals(mother.participantId, entities.getJsonObject(goalCheckId(mother)).getString("participantId"));
    assertEquals(1, entities.getJsonObject(answerId("poll1", mother)).getInteger("choice"));
    assertEquals("q1", entities.getJsonObject(voteId("q1", mother)).getString("question"));
    assertEquals("Goed", entities.getJsonObject(checkinId(mother)).getString("text"));

    // Her entries stay hers: the attacker can neither delete nor change them.
    for (String id : herIds) {
      assertEquals(403, failureCode(attacker.send(delete(id))), "deleting " + id);
    }
    assertEquals(403, failureCode(attacker.send(set(goalCheckId(mother), "verdict", "not"))));
    assertEquals(403, failureCode(attacker.send(set(voteId("q1", mother), "withdrawn", true))));
    assertEquals(403, failureCode(attacker.send(set(answerId("poll1", mother), "choice", 0))));
    assertEquals(403, failureCode(attacker.send(set(checkinId(mother), "text", "Ik ben boos"))));
    JsonObject after = entities(board);
    for (String id : herIds) {
      assertEquals(entities.getJsonObject(id), after.getJsonObject(id), id + " is as she left it");
    }
  }

  @Test
  void aRawDeleteOfSomeoneElsesAgreementOrActionIsRefusedAndRemovalStaysUndoable() {
    CreatedBoard board = server.createBoard("Zorgoverleg Sam");
    Browser host = seat(board, "facilitator", "host", "Meneer Jansen");
    Browser mother = seat(board, "participant", "mother", "Fatima");
    Browser attacker = seat(board, "participant", "attacker", "Onbekend");
    mother.sent(create("agr1", "agreement", new JsonObject().put("text", "Sam krijgt extra tijd").put("order", "a0")),
        create("act1", "action", new JsonObject().put("what", "Gesprek plannen").put("order", "a0")),
        create("item1", "agendaItem", new JsonObject().put("title", "Huiswerk").put("order", "a0")));

    for (String id : List.of("agr1", "act1", "item1")) {
      assertEquals(403, failureCode(attacker.send(delete(id))), "a raw delete of " + id);
      assertEquals(403, failureCode(host.send(delete(id))), "not even the facilitator deletes " + id);
      assertFalse(entities(board).getJsonObject(id).containsKey("deleted"), id + " is still there");
    }
    // The agenda item is its proposer's to remove: the attacker is refused, the mother is not.
    assertEquals(403, failureCode(attacker.send(set("item1", "removed", true))));
    mother.sent(set("item1", "removed", true));
    assertEquals(mother.participantId, entities(board).getJsonObject("item1").getString("removedBy"));

    // What the screen offers still works: anyone at the table removes it, with their name on it ...
    attacker.sent(set("agr1", "removed", true));
    JsonObject removed = entities(board).getJsonObject("agr1");
    assertEquals(true, removed.getBoolean("removed"));
    assertEquals(attacker.participantId, removed.getString("removedBy"));
    // ... and the facilitator's undo brings it back whole.
    host.sent(set("agr1", "removed", false));
    JsonObject restored = entities(board).getJsonObject("agr1");
    assertEquals(false, restored.getBoolean("removed"));
    assertNull(restored.getValue("removedBy"));
    assertEquals("Sam krijgt extra tijd", restored.getString("text"));
    assertTrue(entities(board).getJsonObject("act1").getString("what").startsWith("Gesprek"));
  }

  // The ids the browser derives for its own per-person entities (webroot/js/board/entity-rules.js).
  private static String goalCheckId(Browser b) {
    return BoardSchema.STANDARD.kind("goalCheck").rules().personal().id(null, b.participantId);
  }

  private static String checkinId(Browser b) {
    return BoardSchema.STANDARD.kind("checkin").rules().personal().id(null, b.participantId);
  }

  private static String answerId(String pollId, Browser b) {
    return Polls.answerId(pollId, b.participantId);
  }

  private static String voteId(String questionId, Browser b) {
    return Questions.voteId(questionId, b.participantId);
  }
}
