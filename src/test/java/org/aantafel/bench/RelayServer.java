package org.aantafel.bench;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.bridge.PermittedOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.sockjs.SockJSBridgeOptions;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandlerOptions;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The benchmark's baseline ({@code --baseline relay}): a bare relay behind the same SockJS event-bus bridge as Aan
 * Tafel (same permitted addresses, same bridge and HTTP options, one relay verticle and one HTTP verticle per
 * processor as the server deploys its hub and HTTP verticles). {@code board.submit} gets the board's next revision,
 * is answered {@code {rev}} and republished on {@code board.<id>.ops} as {@code {rev, clientId, seq, participantId,
 * ops}}; nothing is transformed, validated or stored. {@code board.join} answers the smallest reply the benchmark's
 * clients read. {@code POST /api/boards} answers {@code {boardId, links}} like the server (random tokens). Not a
 * second implementation of the hub: what the relay costs is the floor under Aan Tafel's latency on this machine.
 *
 * <p>Given a file, it is the <b>durable relay</b>: every change is appended to that file as a line of JSON and
 * flushed with {@code fdatasync} before it is acknowledged and published ({@link GroupCommitLog}: one writer thread,
 * the appends that arrive during a flush share the next one). That is the least a server must do for an ack that
 * means "stored", so Aan Tafel's ratio to it measures what the board adds beyond durability.
 *
 * <pre>  java -cp &lt;test classpath&gt; org.aantafel.bench.RelayServer &lt;port&gt; [&lt;log file&gt;]
 *  (binds 127.0.0.1)</pre>
 */
public final class RelayServer {
  private static final int MAX_SOCKET_MESSAGE = 1024 * 1024;
  private static final SecureRandom RANDOM = new SecureRandom();

  private RelayServer() {
  }

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    GroupCommitLog log = args.length > 1 ? new GroupCommitLog(java.nio.file.Path.of(args[1])) : null;
    Vertx vertx = Vertx.vertx();
    vertx.deployVerticle(new Relay(log))
      .compose(id -> vertx.deployVerticle(() -> new Http(port),
        new DeploymentOptions().setInstances(Math.max(1, Runtime.getRuntime().availableProcessors()))))
      .onSuccess(id -> System.out.println((log == null ? "bare" : "durable") + " relay listening on 127.0.0.1:" + port))
      .onFailure(e -> {
        e.printStackTrace();
        System.exit(1);
      });
  }

  /**
   * The hub's place: a revision counter per board and, when durable, the log. Runs on one event loop, as a board's
   * hub does.
   */
  static final class Relay extends AbstractVerticle {
    private final Map<String, Long> revisions = new HashMap<>();
    private final GroupCommitLog log;

    /** {@code log} null: the bare relay, which stores nothing. */
    Relay(GroupCommitLog log) {
      this.log = log;
    }

    @Override
    public void start() {
      vertx.eventBus().<JsonObject>consumer("board.join", this::join);
      vertx.eventBus().<JsonObject>consumer("board.submit", this::submit);
      vertx.eventBus().<JsonObject>consumer("board.presence", m -> m.reply(new JsonObject()));
      vertx.eventBus().<JsonObject>consumer("board.ping", m -> m.reply(new JsonObject()));
    }

    private void join(Message<JsonObject> message) {
      JsonObject body = message.body();
      String boardId = body.getString("boardId");
      long rev = revisions.getOrDefault(boardId, 0L);
      JsonObject you = new JsonObject().put("participantId", participantId(body.getString("clientId")))
        .put("grant", "participant");
      JsonObject reply = new JsonObject().put("rev", rev).put("you", you)
        .put("participants", new JsonArray()).put("watching", 0).put("serverTime", System.currentTimeMillis());
      if (body.getValue("sinceRev") != null) {
        // A catch-up: the relay keeps no history, so there is nothing to list.
        reply.put("ops", new JsonArray());
      } else {
        reply.put("state", new JsonObject()
          .put("board", new JsonObject().put("title", "Relay").put("goal", "").put("phase", "prepare")
            .put("language", "nl"))
          .put("entities", new JsonObject()));
      }
      message.reply(reply);
    }

    private void submit(Message<JsonObject> message) {
      JsonObject body = message.body();
      String boardId = body.getString("boardId");
      long rev = revisions.merge(boardId, 1L, Long::sum);
      JsonObject change = new JsonObject().put("rev", rev)
        .put("clientId", body.getString("clientId")).put("seq", body.getLong("seq"))
        .put("participantId", participantId(body.getString("clientId"))).put("ops", body.getJsonArray("ops"));
      // Durable: acked and published once on disk; the log completes in the order of the appends, so in rev order.
      Future<Void> stored = log == null ? Future.succeededFuture()
        : log.append(new JsonObject().put("boardId", boardId).put("change", change).encode() + "\n");
      stored.onSuccess(v -> {
        message.reply(new JsonObject().put("rev", rev));
        vertx.eventBus().publish("board." + boardId + ".ops", change);
      }).onFailure(e -> message.fail(503, "not stored: " + e.getMessage()));
    }

    private static String participantId(String clientId) {
      return "p-" + Integer.toHexString(String.valueOf(clientId).hashCode());
    }
  }

  /** The bridge with Aan Tafel's options, the health check and board creation. */
  static final class Http extends AbstractVerticle {
    private final int port;

    Http(int port) {
      this.port = port;
    }

    @Override
    public void start(Promise<Void> started) {
      Router router = Router.router(vertx);
      router.get("/health").handler(ctx -> ctx.json(new JsonObject().put("status", "ok")));
      router.post("/api/boards").handler(ctx -> {
        String boardId = token(12);
        String participant = token(24);
        String base = "http://127.0.0.1:" + port + "/b/" + boardId + "#";
        JsonObject links = new JsonObject()
          .put("facilitator", base + token(24) + "." + participant)
          .put("participant", base + participant)
          .put("viewer", base + token(24))
          .put("projector", base + token(24) + "." + participant);
        ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json")
          .end(new JsonObject().put("boardId", boardId).put("links", links).encode());
      });
      router.route("/eventbus/*").handler(BodyHandler.create().setBodyLimit(MAX_SOCKET_MESSAGE)
        .setHandleFileUploads(false));
      SockJSHandlerOptions options = new SockJSHandlerOptions().setInsertJSESSIONID(false)
        .setRegisterWriteHandler(false);
      SockJSBridgeOptions bridge = new SockJSBridgeOptions()
        .addInboundPermitted(new PermittedOptions().setAddress("board.join"))
        .addInboundPermitted(new PermittedOptions().setAddress("board.submit"))
        .addInboundPermitted(new PermittedOptions().setAddress("board.presence"))
        .addInboundPermitted(new PermittedOptions().setAddress("board.ping"))
        .addOutboundPermitted(new PermittedOptions().setAddressRegex("board\\.[A-Za-z0-9_-]{1,64}\\.(ops|presence)"))
        .setMaxHandlersPerSocket(64)
        .setMaxAddressLength(100)
        .setPingTimeout(30_000)
        .setReplyTimeout(20_000);
      router.route("/eventbus/*").subRouter(SockJSHandler.create(vertx, options).bridge(bridge));
      Future<?> listening = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port)
          .setMaxWebSocketMessageSize(MAX_SOCKET_MESSAGE).setMaxWebSocketFrameSize(MAX_SOCKET_MESSAGE)
          .setCompressionSupported(true))
        .requestHandler(router).listen();
      listening.<Void>mapEmpty().onComplete(started);
    }

    private static String token(int bytes) {
      byte[] b = new byte[bytes];
      RANDOM.nextBytes(b);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
  }
}
