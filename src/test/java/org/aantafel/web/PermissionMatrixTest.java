package org.aantafel.web;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import org.aantafel.sync.Addresses;
import org.aantafel.testsupport.BusClient;
import org.aantafel.testsupport.Frames;
import org.aantafel.testsupport.TestServer;
import org.aantafel.testsupport.TestServer.CreatedBoard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.aantafel.testsupport.BusClient.await;
import static org.aantafel.testsupport.BusClient.outcome;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Who may do what, as one table: every HTTP endpoint and bus address of a board, tried by every kind of holder —
 * the facilitator, a participant with a seat, the participant link without a seat, the viewer and projector links,
 * the facilitator of another meeting of the same series, the facilitator of another series, and nobody. A cell is
 * either allowed (any answer but 401, 403 or 404) or refused (401 or 403, and the same for a board that exists as
 * for one that does not). A server error (5xx) is neither: it fails the cell whatever the table says.
 */
class PermissionMatrixTest {
  static final List<String> WHO = List.of("facilitator", "participant-seat", "participant-link", "viewer",
    "projector", "other-board-of-series", "other-series", "none");
  private static final Set<String> BOARD_LINKS = Set.of("facilitator", "participant-seat", "participant-link",
    "viewer", "projector");
  private static final Set<String> FACILITATOR = Set.of("facilitator");
  private static final Set<String> SEATED = Set.of("facilitator", "participant-seat");
  private static final Set<String> SERIES_READERS = Set.of("facilitator", "participant-seat", "participant-link",
    "viewer", "projector", "other-board-of-series");

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
    .withPerMethodLifecycle(false);

  private static Vertx vertx;
  private static TestServer server;

  /** One row of the table: what is asked, of a board closed beforehand or not, and who may ask it. */
  record Row(String name, HttpMethod method, String path, JsonObject body, boolean closed, Set<String> allowed) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Row> rows() {
    JsonObject none = null;
    return List.of(
      new Row("GET state", HttpMethod.GET, "state", none, false, BOARD_LINKS),
      new Row("GET join-qr.svg", HttpMethod.GET, "join-qr.svg", none, false, BOARD_LINKS),
      new Row("GET seat-qr.svg", HttpMethod.GET, "seat-qr.svg", none, false, SEATED),
      new Row("POST close", HttpMethod.POST, "close", none, false, FACILITATOR),
      new Row("POST reopen", HttpMethod.POST, "reopen", none, true, FACILITATOR),
      new Row("GET records", HttpMethod.GET, "records", none, true, SERIES_READERS),
      new Row("GET records/1.json", HttpMethod.GET, "records/1.json", none, true, SERIES_READERS),
      new Row("GET records/1.pdf", HttpMethod.GET, "records/1.pdf", none, true, SERIES_READERS),
      new Row("GET series", HttpMethod.GET, "series", none, false, SERIES_READERS),
      new Row("POST follow-up", HttpMethod.POST, "follow-up", new JsonObject(), false, FACILITATOR),
      new Row("POST links", HttpMethod.POST, "links", new JsonObject(), false, FACILITATOR),
      new Row("DELETE board", HttpMethod.DELETE, "", none, false, FACILITATOR),
      new Row("PUT contact", HttpMethod.PUT, "contact", new JsonObject().put("email", "a@b.test"), false, SEATED),
      new Row("DELETE contact", HttpMethod.DELETE, "contact", none, false, SEATED),
      new Row("GET mail/recipients", HttpMethod.GET, "mail/recipients", none, false, FACILITATOR),
      new Row("POST mail/agenda", HttpMethod.POST, "mail/agenda", new JsonObject(), false, FACILITATOR),
      new Row("POST mail/invitation", HttpMethod.POST, "mail/invitation", new JsonObject(), false, FACILITATOR));
  }

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    server = TestServer.startInMemoryWithSmtp(vertx, SMTP.getSmtp().getPort());
  }

  @AfterAll
  static void stop() {
    server.close();
    await(vertx.close());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void everyoneGetsWhatTheTableSays(Row row) {
    List<String> wrong = new ArrayList<>();
    // Refused holders first, then the allowed ones: an allowed action (a delete, new links) may change the board.
    List<String> order = new ArrayList<>(WHO.stream().filter(w -> !row.allowed().contains(w)).toList());
    order.addAll(WHO.stream().filter(row.allowed()::contains).toList());
    World world = World.make(row.closed());
    for (String who : order) {
      int status = call(row, world.board().id(), world.credentials().get(who), world);
      boolean allowed = status != 401 && status != 403 && status != 404;
      if (status >= 500) {
        wrong.add(who + " got a server error, " + status);
      } else if (allowed != row.allowed().contains(who)) {
        wrong.add(who + " got " + status);
      }
      if (!row.allowed().contains(who)) {
        // A board that does not exist answers a stranger exactly as one that does.
        int unknown = call(row, "no-such-board", world.credentials().get(who), world);
        if (unknown >= 500) {
          wrong.add(who + " got a server error, " + unknown + ", for a board that does not exist");
        } else if (unknown != status) {
          wrong.add(who + " got " + status + " here but " + unknown + " for a board that does not exist");
        }
      }
    }
    assertEquals(List.of(), wrong, row.name());
  }

  @ParameterizedTest(name = "board.join and board.submit as {0}")
  @MethodSource("who")
  void theBusLetsInAndWritesOnlyWhomTheTableSays(String who) {
    World world = World.make(false);
    Credentials as = world.credentials().get(who);
    BusClient bus = server.bus();
    JsonObject join = new JsonObject().put("boardId", world.board().id()).put("clientId", "matrix-" + who)
      .putNull("seat");
    if (as.token() != null) {
      join.put("token", as.token());
    }
    if (as.seat() != null) {
      join.put("seat", as.seat());
    }
    // Allowed is answered, refused is 403: any other failure (a 5xx, a 429) is neither.
    int joined = outcome(bus.request(Addresses.JOIN, join));
    assertEquals(BOARD_LINKS.contains(who) ? 0 : 403, joined, "join as " + who);
    int submitted = outcome(bus.request(Addresses.SUBMIT, Frames.submit(world.board().id(), "matrix-" + who, 1,
      0, Frames.createItem("item-" + who, "by " + who))));
    assertEquals(SEATED.contains(who) ? 0 : 403, submitted, "submit as " + who);
    bus.close();
  }

  static List<String> who() {
    return WHO;
  }

  private static int call(Row row, String boardId, Credentials as, World world) {
    String path = "/api/boards/" + boardId + (row.path().isEmpty() ? "" : "/" + row.path());
    HttpRequest<Buffer> request = server.http().request(row.method(), server.port(), "localhost", path);
    if (as.token() != null) {
      request.putHeader("Authorization", "Bearer " + as.token());
    }
    if (as.seat() != null) {
      request.putHeader("X-Seat", as.seat());
    }
    if (row.path().equals("join-qr.svg")) {
      request.putHeader("X-Join-Token", world.board().token("participant"));
    }
    JsonObject body = row.body();
    if (row.path().startsWith("mail/") && body != null) {
      body = body.copy().put("joinToken", world.board().token("participant"));
    }
    return (body == null ? await(request.send()) : await(request.sendJsonObject(body))).statusCode();
  }

  record Credentials(String token, String seat) {}

  /** A board with a seated facilitator and parent, a follow-up meeting in its series, and an unrelated board. */
  record World(CreatedBoard board, Map<String, Credentials> credentials) {
    static World make(boolean closed) {
      CreatedBoard board = server.createBoard("Matrix");
      String facilitatorSeat = seat(board, "facilitator", "Fenna");
      String parentSeat = seat(board, "participant", "Pam");
      JsonObject followUp = await(server.http().post(server.port(), "localhost",
        "/api/boards/" + board.id() + "/follow-up").putHeader("Authorization", "Bearer " + board.token("facilitator"))
        .sendJsonObject(new JsonObject())).bodyAsJsonObject();
      CreatedBoard unrelated = server.createBoard("Unrelated");
      if (closed) {
        assertEquals(200, await(server.http().post(server.port(), "localhost", "/api/boards/" + board.id() + "/close")
          .putHeader("Authorization", "Bearer " + board.token("facilitator")).send()).statusCode());
      }
      Map<String, Credentials> credentials = new LinkedHashMap<>();
      credentials.put("facilitator", new Credentials(board.token("facilitator"), facilitatorSeat));
      credentials.put("participant-seat", new Credentials(board.token("participant"), parentSeat));
      credentials.put("participant-link", new Credentials(board.token("participant"), null));
      credentials.put("viewer", new Credentials(board.token("viewer"), null));
      credentials.put("projector", new Credentials(board.token("projector"), null));
      credentials.put("other-board-of-series",
        new Credentials(new CreatedBoard(followUp).token("facilitator"), null));
      credentials.put("other-series", new Credentials(unrelated.token("facilitator"), null));
      credentials.put("none", new Credentials(null, null));
      return new World(board, credentials);
    }

    /** Each person on a connection of their own: a second name on one connection renames its seat. */
    private static String seat(CreatedBoard board, String grant, String name) {
      BusClient bus = server.bus();
      try {
        return bus.call(Addresses.JOIN, new JsonObject().put("boardId", board.id()).put("token", board.token(grant))
          .put("clientId", grant + "-" + name).put("name", name).put("role", "parent").putNull("seat"))
          .getJsonObject("you").getString("seat");
      } finally {
        bus.close();
      }
    }
  }
}
