package org.aantafel.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.aantafel.board.BoardState;
import org.aantafel.board.Grant;
import org.aantafel.board.BoardTemplates;
import org.aantafel.board.PlainText;
import org.aantafel.board.Screening;
import org.aantafel.board.Viewer;
import org.aantafel.mail.MeetingMailer;
import org.aantafel.store.AccessTokens;
import org.aantafel.store.BoardStore;
import org.aantafel.sync.Addresses;
import org.aantafel.sync.Refusal;
import org.aantafel.sync.WireJson;

import java.util.regex.Pattern;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The HTTP API (docs/protocol.md): create a board, read its state, health; closing and records in {@link RecordApi}. */
final class BoardApi {
  /** This machine itself: a link there leads nobody elsewhere, whoever wrote the Host header. */
  private static final Pattern LOOPBACK = Pattern.compile(
    "https?://(localhost|127(\\.[0-9]{1,3}){3}|\\[::1])(:[0-9]{1,5})?");
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
    new LinksApi(vertx, this).mount(router);
    new SeatsApi(vertx, this).mount(router);
    router.get("/api/boards/:id/state").handler(this::state);
    router.get("/api/boards/:id/join-qr.svg").handler(this::joinQr);
    router.get("/api/boards/:id/seat-qr.svg").handler(this::seatQr);
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
    LinkTokens fresh = LinkTokens.fresh(GRANTS);
    Map<String, String> tokens = fresh.tokens();
    BoardStore.NewBoard created = new BoardStore.NewBoard(boardId, (String) board.get("title"),
      (String) board.get("language"), (String) board.get("template"), fresh.access(), new JsonObject(initial.toMap()),
      seriesId, seriesSeq);
    return store.createBoard(created).map(v -> {
      JsonObject links = new JsonObject();
      GRANTS.forEach(grant -> links.put(grant, link(ctx, boardId, tokens.get(grant))
        + (SHOWS_JOIN_LINK.contains(grant) ? JOIN_SEPARATOR + tokens.get("participant") : "")));
      return new JsonObject().put("boardId", boardId).put("links", links);
    });
  }

  private void state(RoutingContext ctx) {
    String boardId = ctx.pathParam("id");
    grantOf(ctx, boardId)
      .compose(grant -> vertx.eventBus().<JsonObject>request(Addresses.STATE, new JsonObject().put("boardId", boardId))
        .map(reply -> shownTo(Grant.parse(grant), reply.body())))
      .onSuccess(state -> ctx.response().putHeader("Content-Type", "application/json").end(state.encode()))
      .onFailure(e -> ApiError.send(ctx, e));
  }

  /** A link without a seat is shown what everyone is shown: no question that waits for approval or was hidden. */
  private static JsonObject shownTo(Grant grant, JsonObject committed) {
    Map<String, Object> state = WireJson.map(committed.getJsonObject("state"));
    return committed.copy().put("state", new JsonObject(Screening.state(state, Viewer.of(null, grant))));
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

  /**
   * The "continue on another device" link of the person whose seat this is, as a QR code: only they hold the seat, so
   * only their own page can ask for it. The link carries their link's token too when it still opens the board.
   */
  private void seatQr(RoutingContext ctx) {
    String boardId = ctx.pathParam("id");
    seatOf(ctx, boardId)
      .compose(seat -> bearerToken(ctx).map(token -> store.findGrant(boardId, AccessTokens.hash(token))
          .map(grant -> grant.isPresent() ? token : ""))
        .orElse(Future.succeededFuture(""))
        .map(token -> JoinQr.svg(link(ctx, boardId, token) + SEAT_SEPARATOR + ctx.request().getHeader(SEAT_HEADER))))
      .onSuccess(svg -> ctx.response().putHeader("Content-Type", "image/svg+xml").putHeader("Cache-Control", "no-store")
        .end(svg))
      .onFailure(e -> ApiError.send(ctx, e));
  }

  /** A person's own link to continue elsewhere: {@code #<token>~<seat>}; '~' never occurs in a token or seat. */
  static final String SEAT_SEPARATOR = "~";
  /** Where a page sends its person's seat to the API; never in a URL, so never in a log. */
  static final String SEAT_HEADER = "X-Seat";

  /** The seated participant whose seat the request carries, or 403 like any link that does not open the board. */
  Future<BoardStore.Participant> seatOf(RoutingContext ctx, String boardId) {
    byte[] seat = seatHash(ctx);
    if (seat == null) {
      return Future.failedFuture(new Refusal(403, "this needs your own seat at the board; join it first"));
    }
    return store.findSeat(boardId, seat).compose(found -> found.map(Future::succeededFuture)
      .orElseGet(() -> Future.failedFuture(new Refusal(403, "this link does not open this board"))));
  }

  private static byte[] seatHash(RoutingContext ctx) {
    String seat = ctx.request().getHeader(SEAT_HEADER);
    return seat == null || !seat.matches("[A-Za-z0-9_-]{1,100}") ? null : AccessTokens.hash(seat);
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
        .orElseGet(() -> Future.failedFuture(Refusal.noAccess())));
  }

  /**
   * Like {@link #grantOf}, but someone of another meeting of the same series also reads (records, the series): their
   * facilitator's link, or their seat ({@value #SEAT_HEADER}); a viewer's or projector's link of another meeting not.
   */
  Future<String> seriesGrantOf(RoutingContext ctx, String boardId) {
    byte[] seat = seatHash(ctx);
    Optional<String> token = bearerToken(ctx);
    if (token.isEmpty() && seat == null) {
      return Future.failedFuture(new Refusal(401, "this needs the link's token as Authorization: Bearer"));
    }
    return store.findSeriesGrant(boardId, token.map(AccessTokens::hash).orElse(null), seat)
      .compose(grant -> grant.map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(Refusal.noAccess())));
  }

  private static Future<byte[]> bearerHash(RoutingContext ctx) {
    return bearerToken(ctx).map(token -> Future.succeededFuture(AccessTokens.hash(token)))
      .orElseGet(() -> Future.failedFuture(new Refusal(401, "this needs the link's token as Authorization: Bearer")));
  }

  private static Optional<String> bearerToken(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null || !header.startsWith("Bearer ") || header.length() > 120) {
      return Optional.empty();
    }
    return Optional.of(header.substring(7).strip());
  }

  /** Succeeds only for the board's facilitator token; any other grant is refused with {@code refusal}. */
  Future<Void> facilitator(RoutingContext ctx, String boardId, String refusal) {
    return grantOf(ctx, boardId).compose(grant -> "facilitator".equals(grant) ? Future.succeededFuture()
      : Future.failedFuture(new Refusal(403, refusal)));
  }

  /**
   * Where the links in a mail may lead: the configured public URL, or else this machine itself. Without a public URL
   * the origin is the request's Host header, which a client talking to the server directly writes itself; the school's
   * sender would then mail a link to any site. Empty when a mail must not be sent from this request.
   */
  Optional<String> mailableOrigin(RoutingContext ctx) {
    String origin = baseUrl(ctx);
    return hasPublicUrl() || LOOPBACK.matcher(origin).matches() ? Optional.of(origin) : Optional.empty();
  }

  /** Whether links are made from the configured public URL, not from what a request says in its Host header. */
  boolean hasPublicUrl() {
    return !publicUrl.isEmpty();
  }

  String baseUrl(RoutingContext ctx) {
    if (!publicUrl.isEmpty()) {
      return publicUrl;
    }
    return ctx.request().scheme() + "://" + ctx.request().getHeader("Host");
  }
}
