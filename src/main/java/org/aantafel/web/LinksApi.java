package org.aantafel.web;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.aantafel.sync.Addresses;

import java.util.HexFormat;
import java.util.List;

/**
 * {@code POST /api/boards/{id}/links}: the facilitator replaces a leaked participant, viewer or projector link. The
 * old tokens open nothing from that moment; people with a seat keep it. The board's hub replaces them in its turn and
 * tells every bridge, whose agents close each socket that holds the board by an old link.
 */
final class LinksApi {
  static final List<String> REPLACEABLE = List.of("participant", "viewer", "projector");

  private final Vertx vertx;
  private final BoardApi boards;

  LinksApi(Vertx vertx, BoardApi boards) {
    this.vertx = vertx;
    this.boards = boards;
  }

  void mount(Router router) {
    router.post("/api/boards/:id/links").handler(this::replace);
  }

  private void replace(RoutingContext ctx) {
    String boardId = ctx.pathParam("id");
    LinkTokens tokens = LinkTokens.fresh(REPLACEABLE);
    boards.facilitator(ctx, boardId, "only the facilitator's link can replace the links")
      .compose(v -> vertx.eventBus().request(Addresses.LINKS, new JsonObject().put("boardId", boardId)
        .put("links", new JsonArray(tokens.access().stream().map(link -> new JsonObject()
          .put("sha256", HexFormat.of().formatHex(link.tokenSha256())).put("grant", link.grant())).toList()))))
      .onSuccess(v -> {
        String facilitatorToken = ctx.request().getHeader("Authorization").substring(7).strip();
        String participant = tokens.token("participant");
        JsonObject links = new JsonObject()
          .put("facilitator", boards.link(ctx, boardId, facilitatorToken) + BoardApi.JOIN_SEPARATOR + participant)
          .put("participant", boards.link(ctx, boardId, participant))
          .put("viewer", boards.link(ctx, boardId, tokens.token("viewer")))
          .put("projector", boards.link(ctx, boardId, tokens.token("projector")) + BoardApi.JOIN_SEPARATOR + participant);
        ctx.response().putHeader("Content-Type", "application/json")
          .end(new JsonObject().put("boardId", boardId).put("links", links).encode());
      })
      .onFailure(e -> ApiError.send(ctx, e));
  }
}
