package org.aantafel.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.aantafel.board.BoardState;
import org.aantafel.board.BoardTemplates;
import org.aantafel.board.PlainText;
import org.aantafel.mail.MeetingMailer;
import org.aantafel.store.AccessTokens;
import org.aantafel.store.BoardStore;
import org.aantafel.sync.Addresses;
import org.aantafel.sync.SyncFailure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The HTTP API of DESIGN.md: create a board, read its state, health; closing and records in {@link RecordApi}. */
final class BoardApi {
  static final List<String> GRANTS = List.of("facilitator", "participant", "viewer", "projector");
  private static final Set<String> LANGUAGES = Set.of("nl", "en");
  private static final int MAX_TITLE = 200;
  /**
   * The facilitator and the projector show others how to join, so their links also carry the participant token,
   * after a '.', which never occurs in a token.
   */
  static final Set<String> SHOWS_JOIN_LINK = Set.of("facilitator", "projector");
  static final String JOIN_SEPARATOR = ".";

  private final Vertx vertx;
  private final BoardStore store;
  private final String publicUrl;
  private final Optional<MeetingMailer> mail;

  BoardApi(Vertx vertx, BoardStore store, String publicUrl, Optional<MeetingMailer> mail) {
    this.vertx = vertx;
    this.store = store;
    this.publicUrl = publicUrl;
    this.mail = mail;
  }

  void mount(Router router) {
    router.route("/api/*").method(HttpMethod.POST).method(HttpMethod.PUT).method(HttpMethod.PATCH)
      .method(HttpMethod.DELETE).handler(new JsonRequests());
    router.route("/api/*").handler(BodyHandler.create().setBodyLimit(64 * 1024).setHandleFileUploads(false));
    router.post("/api/boards").handler(this::create);
    new DeletionApi(vertx, this).mount(router);
    router.get("/api/boards/:id/state").handler(this::state);
    router.get("/api/boards/:id/join-qr.svg").handler(this::joinQr);
    router.get("/health").handler(this::health);
    new RecordApi(vertx, store, this, mail).mount(router);
    new SeriesApi(vertx, store, this, mail).mount(router);
    new MailApi(store, this, mail).mount(router);
  }

  private void create(RoutingContext ctx) {
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (RuntimeException e) {
      ApiError.send(ctx, 400, "the request must be a JSON object");
      return;
    }
    if (body == null) {
      ApiError.send(ctx, 400, "the request must be a JSON object");
      return;
    }
    String title = title(body.getValue("title"));
    if (title == null) {
      ApiError.send(ctx, 400, TITLE_RULE);
      return;
    }
    String language = body.getString("language", "nl");
    String template = body.getString("template", "empty");
    if (!LANGUAGES.contains(language)) {
      ApiError.send(ctx, 400, "language must be nl or en");
      return;
    }
    if (!BoardTemplates.names().contains(template)) {
      ApiError.send(ctx, 400, "unknown template: " + template);
      return;
    }
    createBoard(ctx, BoardTemplates.create(title, language, template), null, 1)
      .onSuccess(created -> ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json")
        .end(created.encode()))
      .onFailure(e -> ApiError.send(ctx, e));
  }

  static final String TITLE_RULE = "title must be text of 1 to " + MAX_TITLE + " characters";

  /** The title as stored (no direction controls, no surrounding spaces), or null when it breaks {@link #TITLE_RULE}. */
  static String title(Object value) {
    if (!(value instanceof String text)) {
      return null;
    }
    String title = PlainText.withoutDirectionControls(text).strip();
    return title.isEmpty() || title.length() > MAX_TITLE ? null : title;
  }

  /**
   * Stores a new board with fresh tokens for every grant and answers {@code {boardId, links}}: the only moment the
   * tokens exist outside the browsers, as only their hashes are stored.
   *
   * @param seriesId the series it joins, or null to start its own
   */
  Future<JsonObject> createBoard(RoutingContext ctx, BoardState initial, String seriesId, int seriesSeq) {
    Map<String, Object> board = initial.fields("board").orElseThrow();
    String boardId = AccessTokens.newToken();
    Map<String, String> tokens = new LinkedHashMap<>();
    List<BoardStore.Access> access = new ArrayList<>();
    for (String grant : GRANTS) {
      String token = AccessTokens.newToken();
      tokens.put(grant, token);
      access.add(new BoardStore.Access(AccessTokens.hash(token), grant));
    }
    BoardStore.NewBoard created = new BoardStore.NewBoard(boardId, (String) board.get("title"),
      (String) board.get("language"), (String) board.get("template"), access, new JsonObject(initial.toMap()),
      seriesId, seriesSeq);
    return store.createBoard(created).map(v -> {
      JsonObject links = new JsonObject();
      tokens.forEach((grant, token) -> links.put(grant, link(ctx, boardId, token)
        + (SHOWS_JOIN_LINK.contains(grant) ? JOIN_SEPARATOR + tokens.get("participant") : "")));
      return new JsonObject().put("boardId", boardId).put("links", links);
    });
  }

  private void state(RoutingContext ctx) {
    String boardId = ctx.pathParam("id");
    grantOf(ctx, boardId)
      .compose(grant -> vertx.eventBus().<JsonObject>request(Addresses.STATE, new JsonObject().put("boardId", boardId)))
      .onSuccess(reply -> ctx.response().putHeader("Content-Type", "application/json").end(reply.body().encode()))
      .onFailure(e -> ApiError.send(ctx, e));
  }

  /** The participant link as a QR code, for a page that holds both its own token and the participant token. */
  private void joinQr(RoutingContext ctx) {
    String boardId = ctx.pathParam("id");
    String joinToken = ctx.request().getHeader("X-Join-Token");
    grantOf(ctx, boardId)
      .compose(grant -> joinToken == null ? Future.succeededFuture(java.util.Optional.<String>empty())
        : store.findGrant(boardId, AccessTokens.hash(joinToken)))
      .onSuccess(joinGrant -> {
        if (!joinGrant.filter("participant"::equals).isPresent()) {
          ApiError.send(ctx, 400, "X-Join-Token must be this board's participant token");
          return;
        }
        ctx.response().putHeader("Content-Type", "image/svg+xml").putHeader("Cache-Control", "no-store")
          .end(JoinQr.svg(link(ctx, boardId, joinToken)));
      })
      .onFailure(e -> ApiError.send(ctx, e));
  }

  String link(RoutingContext ctx, String boardId, String token) {
    return baseUrl(ctx) + "/b/" + boardId + "#" + token;
  }

  private void health(RoutingContext ctx) {
    store.ping()
      .onSuccess(v -> ctx.response().putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("status", "ok").put("db", "ok").encode()))
      .onFailure(e -> ctx.response().setStatusCode(503).putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("status", "degraded").put("db", "unavailable").encode()));
  }

  /** The grant of the Bearer token on this board; unknown boards and wrong tokens look the same from outside. */
  Future<String> grantOf(RoutingContext ctx, String boardId) {
    return bearerHash(ctx).compose(hash -> store.findGrant(boardId, hash))
      .compose(grant -> grant.map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(SyncFailure.noAccess())));
  }

  /** Like {@link #grantOf}, but a token of another board of the same series also reads (records, the series). */
  Future<String> seriesGrantOf(RoutingContext ctx, String boardId) {
    return bearerHash(ctx).compose(hash -> store.findSeriesGrant(boardId, hash))
      .compose(grant -> grant.map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(SyncFailure.noAccess())));
  }

  private static Future<byte[]> bearerHash(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null || !header.startsWith("Bearer ") || header.length() > 120) {
      return Future.failedFuture(new SyncFailure(401, "this needs the link's token as Authorization: Bearer"));
    }
    return Future.succeededFuture(AccessTokens.hash(header.substring(7).strip()));
  }

  /** Succeeds only for the board's facilitator token; any other grant is refused with {@code refusal}. */
  Future<Void> facilitator(RoutingContext ctx, String boardId, String refusal) {
    return grantOf(ctx, boardId).compose(grant -> "facilitator".equals(grant) ? Future.succeededFuture()
      : Future.failedFuture(new SyncFailure(403, refusal)));
  }

  private String baseUrl(RoutingContext ctx) {
    if (!publicUrl.isEmpty()) {
      return publicUrl;
    }
    return ctx.request().scheme() + "://" + ctx.request().getHeader("Host");
  }
}
