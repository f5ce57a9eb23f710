package org.aantafel.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aantafel.board.Op;
import org.aantafel.testsupport.BoardSessionTwin;
import org.aantafel.testsupport.ClientSync;
import org.aantafel.testsupport.ConnectionKeeperTwin;
import org.junit.jupiter.api.Test;

/**
 * Replays the board session's traces, recorded from the browser's board-session.js by
 * src/test/js/board-session-traces.test.js, through the Java twin: after every event the same actions and the same
 * state. The simulations drive that twin, so this is what makes their retry, rollback and catch-up the browser's.
 */
class BoardSessionTracesTest {
  private static final Path FILE = Path.of("src/test/resources/vectors/board-session-traces.json");

  @Test
  @SuppressWarnings("unchecked")
  void theTwinDecidesAsTheBrowsersSessionDid() throws IOException {
    JsonObject file = new JsonObject(Files.readString(FILE));
    String clientId = file.getString("clientId");
    int steps = 0;
    for (Object t : file.getJsonArray("traces")) {
      JsonObject trace = (JsonObject) t;
      BoardSessionTwin twin = new BoardSessionTwin(new ClientSync(clientId, 0), trace.getDouble("timeScale"));
      JsonArray recorded = trace.getJsonArray("steps");
      for (int s = 0; s < recorded.size(); s++) {
        JsonObject step = recorded.getJsonObject(s);
        String where = trace.getString("name") + ", step " + s + " (" + step.getString("event") + ")";
        List<Map<String, Object>> decisions = perform(twin, step).stream().map(BoardSessionTwin.Action::decision)
          .toList();
        assertEquals(step.getJsonArray("actions").getList(), plain(decisions), where);
        assertEquals(step.getJsonObject("after").getMap(), plain(after(twin)), where);
        steps++;
      }
    }
    assertTrue(steps > 1000, "steps replayed: " + steps);
  }

  @Test
  void theKeepersWaitsAreTheBrowsers() throws IOException {
    JsonObject keeper = new JsonObject(Files.readString(FILE)).getJsonObject("keeper");
    assertEquals(keeper.getLong("heartbeatMs"), ConnectionKeeperTwin.HEARTBEAT_MILLIS);
    assertEquals(keeper.getLong("heartbeatTimeoutMs"), ConnectionKeeperTwin.HEARTBEAT_TIMEOUT_MILLIS);
    assertEquals(keeper.getInteger("missedBeatsBeforeReconnect"), ConnectionKeeperTwin.MISSED_BEATS_BEFORE_RECONNECT);
    assertEquals(keeper.getInteger("offlineAfterAttempts"), ConnectionKeeperTwin.OFFLINE_AFTER_ATTEMPTS);
    assertEquals(keeper.getLong("requestTimeoutMs"), ConnectionKeeperTwin.REQUEST_TIMEOUT_MILLIS);
    for (Object d : keeper.getJsonArray("reconnectDelays")) {
      JsonObject delay = (JsonObject) d;
      long[] twin = ConnectionKeeperTwin.reconnectDelay(delay.getInteger("attempts"));
      assertEquals(List.of(delay.getLong("minMs"), delay.getLong("maxMs")), List.of(twin[0], twin[1]),
        "after " + delay.getInteger("attempts") + " attempts");
    }
  }

  @SuppressWarnings("unchecked")
  private static List<BoardSessionTwin.Action> perform(BoardSessionTwin twin, JsonObject step) {
    return switch (step.getString("event")) {
      case "opened" -> twin.opened();
      case "rejoin" -> twin.rejoin();
      case "lost" -> twin.lost();
      case "joinAnswered" -> twin.joinAnswered(step.getLong("sinceRev"), copy(step.getJsonObject("reply")));
      case "joinFailed" -> twin.joinFailed(step.getInteger("code"), step.getBoolean("withSeat", false),
        step.getBoolean("withToken", false));
      case "edited" -> twin.edited(Op.listFromMaps(Json.decodeValue(step.getJsonArray("ops").encode(), List.class)));
      case "received" -> twin.received(copy(step.getJsonObject("message")));
      case "acknowledged" -> twin.acknowledged(step.getLong("seq"), step.getJsonObject("reply").getLong("rev"));
      // No code at all is 0, as the browser's !code.
      case "submitFailed" -> twin.submitFailed(step.getInteger("code", 0));
      case "heardOf" -> twin.heardOf(step.getLong("rev"));
      case "timerFired" -> twin.timerFired(step.getString("timer"));
      default -> throw new IllegalArgumentException("unknown event " + step.getString("event"));
    };
  }

  private static Map<String, Object> after(BoardSessionTwin twin) {
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("joined", twin.joined());
    after.put("loaded", twin.loaded());
    after.put("sending", twin.sending());
    after.put("stopped", twin.stopped());
    after.put("rev", twin.sync.rev());
    after.put("unsaved", twin.sync.unsavedCount());
    after.put("status", twin.sync.status());
    after.put("hasGap", twin.sync.hasGap());
    return after;
  }

  /** Plain maps and lists, all the way down, as the twin reads the wire. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> copy(JsonObject json) {
    return (Map<String, Object>) Json.decodeValue(json.encode(), Map.class);
  }

  /** Numbers as JSON reads them back, so that recorded and replayed values compare equal. */
  private static Object plain(Object value) {
    Object decoded = Json.decodeValue(Json.encode(value));
    if (decoded instanceof JsonObject object) {
      return object.getMap();
    }
    return decoded instanceof JsonArray array ? array.getList() : decoded;
  }
}
