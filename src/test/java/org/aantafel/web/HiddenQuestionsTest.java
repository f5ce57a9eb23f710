package org.aantafel.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.aantafel.sync.Addresses;
import org.aantafel.testsupport.BusClient;
import org.aantafel.testsupport.InMemory;
import org.aantafel.testsupport.ServerTest;
import org.aantafel.testsupport.TestServer.CreatedBoard;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.aantafel.testsupport.BusClient.await;
import static org.aantafel.testsupport.BusClient.failureCode;
import static org.aantafel.testsupport.Eventually.eventually;
import static org.aantafel.testsupport.Frames.join;
import static org.aantafel.testsupport.Frames.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A question that waits for approval, or that the host hid, reaches no listener: not live, not in the board a
 * browser joins with, not in a catch-up (from memory, or from the op log after a restart), not over HTTP. Checked on
 * everything each socket received, byte for byte, whatever it was for. Only its asker and the host are shown it;
 * approving shows it to everyone, hiding takes it away again.
 */
@InMemory
class HiddenQuestionsTest extends ServerTest {
  private static final String SECRET = "GEHEIM-zoon-dossier";
  private static final String TYPED_LATER = "GETYPT-na-de-vraag";

  /** One browser at the board, with everything it was ever sent. */
  private record Seat(BusClient client, StringBuilder received, Map<Long, JsonObject> changes, String secret) {
    boolean heard(String text) {
      synchronized (received) {
        return received.indexOf(text) >= 0;
      }
    }
  }

  private Seat seat(CreatedBoard board, String grant, String clientId, String name) {
    return seat(join(board, grant, clientId, name));
  }

  private Seat seat(JsonObject join) {
    BusClient client = server.bus();
    StringBuilder received = new StringBuilder();
    client.onTextFrames(text -> {
      synchronized (received) {
        received.append(text).append('\n');
      }
    });
    JsonObject reply = client.call(Addresses.JOIN, join);
    Map<Long, JsonObject> changes = new ConcurrentHashMap<>();
    client.register(Addresses.ops(join.getString("boardId")), change -> changes.put(change.getLong("rev"), change));
    return new Seat(client, received, changes, reply.getJsonObject("you").getString("seat"));
  }

  private static JsonObject set(String id, String field, Object value) {
    return new JsonObject().put("type", "set").put("id", id).put("field", field).put("value", value);
  }

  private static long submitted(Seat seat, CreatedBoard board, String clientId, long seq, long baseRev,
                                JsonObject... ops) {
    return seat.client().call(Addresses.SUBMIT, submit(board.id(), clientId, seq, baseRev, ops)).getLong("rev");
  }

  private static void allHeard(long rev, Seat... seats) {
    eventually(() -> {
      for (Seat seat : seats) {
        assertNotNull(seat.changes().get(rev), "revision " + rev + " reached every seat");
      }
    });
  }

  private String stateOverHttp(CreatedBoard board, String grant) {
    return await(server.http().get(server.port(), "localhost", "/api/boards/" + board.id() + "/state")
      .putHeader("Authorization", "Bearer " + board.token(grant)).send()).bodyAsString();
  }

  /** A webinar whose questions wait for approval, with its host seated; the approval setting is revision 1. */
  private Seat hostOfWebinarWithApproval(CreatedBoard board) {
    Seat host = seat(board, "facilitator", "host", "Meneer Jansen");
    assertEquals(1, submitted(host, board, "host", 1, 0, set("board", "questionsNeedApproval", true)));
    return host;
  }

  private static JsonObject question(String id, String text) {
    return new JsonObject().put("type", "create").put("id", id).put("kind", "question")
      .put("fields", new JsonObject().put("text", text).put("order", "a0"));
  }

  private static JsonObject appended(String id, int length, String added) {
    return new JsonObject().put("type", "text").put("id", id).put("field", "text")
      .put("edit", new JsonArray().add(length).add(added));
  }

  @Test
  void aPendingOrHiddenQuestionReachesOnlyItsAskerAndTheHost() {
    CreatedBoard board = server.createBoard("Ouderavond groep 8", "webinar");
    Seat host = hostOfWebinarWithApproval(board);
    long rev = 1;
    Seat asker = seat(board, "participant", "asker", "Fatima");
    Seat listener = seat(board, "participant", "listener", "Sem");
    Seat projector = seat(board, "projector", "beamer", null);

    long asked = submitted(asker, board, "asker", 1, rev, question("q1", SECRET));
    long typed = submitted(asker, board, "asker", 2, asked, appended("q1", SECRET.length(), " " + TYPED_LATER));
    allHeard(typed, host, asker, listener, projector);
    for (Seat someoneElse : List.of(listener, projector)) {
      assertFalse(someoneElse.heard(SECRET) || someoneElse.heard(TYPED_LATER), "a pending question reached a listener");
      assertEquals(new JsonArray(), someoneElse.changes().get(asked).getJsonArray("ops"), "the revision, without it");
    }
    for (Seat allowed : List.of(host, asker)) {
      assertTrue(allowed.heard(SECRET) && allowed.heard(TYPED_LATER), "the asker and the host see it");
    }

    Seat late = seat(board, "participant", "late", "Daan");
    JsonObject catchUp = late.client().call(Addresses.JOIN, join(board, "participant", "late", null)
      .put("seat", (String) null).put("sinceRev", 0));
    assertEquals(typed, catchUp.getLong("rev"));
    assertFalse(late.heard(SECRET) || late.heard(TYPED_LATER), "neither in the board joined with nor in a catch-up");
    assertFalse(stateOverHttp(board, "viewer").contains(SECRET), "nor over HTTP");
    assertFalse(stateOverHttp(board, "participant").contains(SECRET));
    assertTrue(stateOverHttp(board, "facilitator").contains(SECRET), "the host's link is shown everything");

    long approved = submitted(host, board, "host", 2, typed, set("q1", "moderation", "approved"));
    allHeard(approved, listener, projector, asker);
    JsonObject reveal = listener.changes().get(approved).getJsonArray("ops").getJsonObject(0);
    assertEquals("reveal", reveal.getString("type"));
    assertEquals(SECRET + " " + TYPED_LATER, reveal.getJsonObject("fields").getString("text"), "approved: whole");
    assertEquals("set", asker.changes().get(approved).getJsonArray("ops").getJsonObject(0).getString("type"));

    long hidden = submitted(host, board, "host", 3, approved, set("q1", "moderation", "hidden"));
    allHeard(hidden, listener, projector, asker, host);
    assertEquals(new JsonObject().put("type", "conceal").put("id", "q1"),
      projector.changes().get(hidden).getJsonArray("ops").getJsonObject(0));
    assertEquals("set", host.changes().get(hidden).getJsonArray("ops").getJsonObject(0).getString("type"));

    // After a restart the hub reads its changes back from the op log, which does not say what they hid from whom.
    List.of(host, asker, listener, projector, late).forEach(seat -> seat.client().close());
    server.restart();
    Seat returning = seat(board, "participant", "returning", "Sem");
    JsonObject afterRestart = returning.client().call(Addresses.JOIN, join(board, "participant", "returning", null)
      .put("sinceRev", typed));
    assertNotNull(afterRestart.getJsonObject("state"), "the board itself instead of changes that might say too much");
    assertFalse(returning.heard(SECRET), "a hidden question reaches no listener after a restart either");
    returning.client().close();
  }

  @Test
  void theAskerSeesTheirOwnQuestionOnEveryDeviceButNobodyCanForgeWhatOnlyTheServerSends() {
    CreatedBoard board = server.createBoard("Webinar", "webinar");
    Seat host = hostOfWebinarWithApproval(board);
    Seat phone = seat(board, "participant", "phone", "Fatima");
    long asked = submitted(phone, board, "phone", 1, 1, question("q1", SECRET));
    Seat laptop = seat(join(board, "participant", "laptop", null).put("seat", phone.secret()));
    assertTrue(laptop.heard(SECRET), "the asker's own question, in the board their second device joins with");
    Seat listener = seat(board, "participant", "listener", "Sem");
    long typed = submitted(phone, board, "phone", 2, asked, appended("q1", SECRET.length(), " " + TYPED_LATER));
    allHeard(typed, laptop, listener);
    assertTrue(laptop.heard(TYPED_LATER), "and live, as typed on the phone");
    assertFalse(listener.heard(SECRET) || listener.heard(TYPED_LATER));

    List<Integer> refusals = new CopyOnWriteArrayList<>();
    for (JsonObject forged : List.of(
      new JsonObject().put("type", "reveal").put("id", "q2").put("kind", "question")
        .put("fields", new JsonObject().put("text", "nep").put("moderation", "approved")),
      new JsonObject().put("type", "conceal").put("id", "q1"))) {
      refusals.add(failureCode(listener.client().request(Addresses.SUBMIT, submit(board.id(), "listener", 1, typed,
        forged))));
    }
    assertEquals(List.of(400, 400), refusals, "reveal and conceal are only ever sent, never accepted");
    assertFalse(listener.heard(SECRET));
    List.of(host, phone, laptop, listener).forEach(seat -> seat.client().close());
  }
}
