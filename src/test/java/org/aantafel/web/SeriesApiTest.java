package org.aantafel.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.aantafel.sync.Addresses;
import org.aantafel.testsupport.BusClient;
import org.aantafel.testsupport.InMemory;
import org.aantafel.testsupport.ServerTest;
import org.aantafel.testsupport.TestServer.CreatedBoard;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.aantafel.testsupport.BusClient.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Planning the next meeting from a closed one, and the series page's numbers, against a real server. */
@InMemory
class SeriesApiTest extends ServerTest {

  @Test
  void theNextMeetingPicksUpWhereThisOneEndedAndTheSeriesCountsBoth() {
    CreatedBoard first = server.createBoard("Driehoeksgesprek Sam");
    BusClient anna = server.bus();
    BusClient bob = server.bus();
    String annaId = join(anna, first.id(), first.token("participant"), "anna", "Anna", "parent");
    String bobId = join(bob, first.id(), first.token("participant"), "bob", "Bob", "teacher");
    submit(anna, first.id(), "anna", 1,
      create("x1", "action", new JsonObject().put("what", "Logopedie aanvragen").put("whoParticipantId", bobId)
        .put("due", "2020-01-10").put("order", "a0")),
      create("x2", "action", new JsonObject().put("what", "Rapport delen").put("due", "2999-12-31").put("order", "a1")),
      create("g1", "agreement", new JsonObject().put("text", "Extra tijd bij toetsen").put("stance", "agree")
        .put("order", "a0")),
      create("g2", "agreement", new JsonObject().put("text", "Wel of geen dyslexietest").put("stance", "disagree")
        .put("order", "a1")),
      set("board", "leadParticipantId", bobId), set("board", "evaluationDate", "2027-03-01"),
      set("x2", "status", "done"),
      create("goalCheck." + annaId, "goalCheck", new JsonObject().put("verdict", "not")));
    submit(bob, first.id(), "bob", 1, create("goalCheck." + bobId, "goalCheck", new JsonObject().put("verdict", "met")));
    assertEquals(200, post(first, "facilitator", "close", null).statusCode());

    assertEquals(403, post(first, "participant", "follow-up", null).statusCode());
    assertEquals(400, post(first, "facilitator", "follow-up", new JsonObject().put("scheduledAt", "morgen"))
      .statusCode());
    assertEquals(400, post(first, "facilitator", "follow-up", new JsonObject().put("title", " ")).statusCode());
    HttpResponse<Buffer> made = post(first, "facilitator", "follow-up",
      new JsonObject().put("scheduledAt", "2027-01-15T14:30"));
    assertEquals(201, made.statusCode(), made.bodyAsString());
    JsonObject created = made.bodyAsJsonObject();
    assertEquals(2, created.getInteger("seq"));
    assertEquals(first.id(), created.getString("seriesId"));
    CreatedBoard second = new CreatedBoard(created);

    JsonObject state = get(second, "facilitator", "state").bodyAsJsonObject().getJsonObject("state");
    JsonObject board = state.getJsonObject("board");
    assertEquals("Driehoeksgesprek Sam", board.getString("title"));
    assertEquals("Bob", board.getString("lead"), "the lead is carried as a name: participant ids are per board");
    assertEquals("2027-03-01", board.getString("evaluationDate"));
    assertEquals("2027-01-15T14:30", board.getString("scheduledAt"));
    assertEquals("prepare", board.getString("phase"));
    JsonObject entities = state.getJsonObject("entities");
    JsonObject carried = entities.getJsonObject("carried-1");
    assertEquals("Logopedie aanvragen", carried.getString("what"));
    assertEquals("Bob", carried.getString("who"));
    assertEquals("x1", carried.getString("carriedFrom"));
    assertEquals(null, entities.getJsonObject("carried-2"), "a done action stays behind");
    assertEquals("Review the open actions", entities.getJsonObject("followup-open-actions").getString("title"));
    assertTrue(entities.getJsonObject("followup-open-actions").getString("notes").contains("Logopedie aanvragen"));
    assertEquals("Continue: Wel of geen dyslexietest",
      entities.getJsonObject("followup-continue-1").getString("title"));

    BusClient anna2 = server.bus();
    String annaId2 = join(anna2, second.id(), second.token("participant"), "anna-2", "Anna", "parent");
    submit(anna2, second.id(), "anna-2", 1, set("carried-1", "status", "done"),
      create("goalCheck." + annaId2, "goalCheck", new JsonObject().put("verdict", "met")));
    assertEquals(200, post(second, "facilitator", "close", null).statusCode());

    JsonObject report = get(first, "viewer", "series").bodyAsJsonObject();
    assertEquals(report.copy().put("boardId", second.id()), get(second, "participant", "series").bodyAsJsonObject(),
      "every board of the series reads the same series");
    JsonArray meetings = report.getJsonArray("meetings");
    assertEquals(List.of(first.id(), second.id()),
      List.of(meetings.getJsonObject(0).getString("boardId"), meetings.getJsonObject(1).getString("boardId")));
    JsonObject goal = report.getJsonObject("goalBySide");
    assertEquals(new JsonObject().put("met", 0).put("partly", 0).put("not", 1),
      goal.getJsonObject("1").getJsonObject("family"));
    assertEquals(1, goal.getJsonObject("1").getJsonObject("school").getInteger("met"));
    assertEquals(1, goal.getJsonObject("2").getJsonObject("family").getInteger("met"));
    assertEquals(new JsonObject().put("met", 1).put("partly", 0).put("not", 1),
      report.getJsonObject("goalByRole").getJsonObject("parent"), "the parent: not in meeting 1, met in meeting 2");
    assertEquals(new JsonObject().put("met", 1).put("partly", 0).put("not", 0),
      report.getJsonObject("goalByRole").getJsonObject("teacher"));
    assertEquals(new JsonObject().put("onTime", 1).put("late", 1).put("overdue", 0).put("open", 0),
      report.getJsonObject("actions").getJsonObject("1"),
      "x2 done before its date; x1 done in the next meeting, long after its due date");
    assertEquals(0, report.getJsonObject("actions").getJsonObject("2").getInteger("onTime"),
      "a carried action counts once, where it was first agreed");

    assertEquals(200, get(second, "participant", "records").statusCode());
    HttpResponse<Buffer> firstRecordBySecondsToken = await(server.http()
      .get(server.port(), "localhost", "/api/boards/" + first.id() + "/records/1.json")
      .putHeader("Authorization", "Bearer " + second.token("facilitator")).send());
    assertEquals(200, firstRecordBySecondsToken.statusCode(), "records of a series link to each other");
    assertEquals(403, await(server.http()
      .get(server.port(), "localhost", "/api/boards/" + first.id() + "/records/1.json")
      .putHeader("Authorization", "Bearer " + second.token("viewer")).send()).statusCode(),
      "a viewer's link of one meeting reads no other meeting's record");
    JsonObject secondRecord = get(second, "viewer", "records/1.json").bodyAsJsonObject();
    assertEquals(first.id(), secondRecord.getJsonObject("meta").getString("seriesId"));
    assertEquals(first.id(), secondRecord.getJsonObject("meta").getString("previousBoardId"));
    assertEquals(403, await(server.http().get(server.port(), "localhost", "/api/boards/" + first.id() + "/state")
      .putHeader("Authorization", "Bearer " + second.token("facilitator")).send()).statusCode(),
      "a series token reads records, it does not open another live board");

    CreatedBoard unrelated = server.createBoard("Ander kind");
    assertEquals(403, await(server.http().get(server.port(), "localhost", "/api/boards/" + first.id() + "/series")
      .putHeader("Authorization", "Bearer " + unrelated.token("facilitator")).send()).statusCode());
    assertEquals(1, get(unrelated, "viewer", "series").bodyAsJsonObject().getJsonArray("meetings").size());
    anna.close();
    bob.close();
    anna2.close();
  }

  @Test
  void aFollowUpOfAnOpenMeetingIsAllowedAndTakesTheNextPlace() {
    CreatedBoard first = server.createBoard("Zorgoverleg");
    JsonObject second = post(first, "facilitator", "follow-up", new JsonObject().put("title", "Zorgoverleg 2"))
      .bodyAsJsonObject();
    JsonObject third = post(first, "facilitator", "follow-up", null).bodyAsJsonObject();
    assertEquals(2, second.getInteger("seq"));
    assertEquals(3, third.getInteger("seq"), "a second follow-up of the same board goes after the last one");
    JsonArray meetings = get(first, "viewer", "series").bodyAsJsonObject().getJsonArray("meetings");
    assertEquals("Zorgoverleg 2", meetings.getJsonObject(1).getString("title"));
    assertEquals(0, meetings.getJsonObject(1).getInteger("version"));
  }

  private static String join(BusClient bus, String boardId, String token, String clientId, String name,
                             String role) {
    return bus.call(Addresses.JOIN, new JsonObject().put("boardId", boardId).put("token", token)
      .put("clientId", clientId).put("name", name).put("role", role))
      .getJsonObject("you").getString("participantId");
  }

  /** Creates and sets only: they need no transform, so any earlier revision is a fine base. */
  private static void submit(BusClient bus, String boardId, String clientId, long seq, JsonObject... ops) {
    bus.call(Addresses.SUBMIT, new JsonObject().put("boardId", boardId).put("clientId", clientId).put("seq", seq)
      .put("baseRev", 0).put("ops", new JsonArray(List.of((Object[]) ops))));
  }

  private static JsonObject create(String id, String kind, JsonObject fields) {
    return new JsonObject().put("type", "create").put("id", id).put("kind", kind).put("fields", fields);
  }

  private static JsonObject set(String id, String field, Object value) {
    return new JsonObject().put("type", "set").put("id", id).put("field", field).put("value", value);
  }

  private static HttpResponse<Buffer> post(CreatedBoard board, String grant, String action, JsonObject body) {
    var request = server.http().post(server.port(), "localhost", "/api/boards/" + board.id() + "/" + action)
      .putHeader("Authorization", "Bearer " + board.token(grant));
    return await(body == null ? request.send() : request.sendJsonObject(body));
  }

  private static HttpResponse<Buffer> get(CreatedBoard board, String grant, String path) {
    return await(server.http().get(server.port(), "localhost", "/api/boards/" + board.id() + "/" + path)
      .putHeader("Authorization", "Bearer " + board.token(grant)).send());
  }
}
