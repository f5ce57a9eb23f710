package org.aantafel.web;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.aantafel.store.BoardStore;
import org.aantafel.sync.Addresses;
import org.aantafel.sync.BoardPublications;

import java.util.List;

/**
 * {@code POST /api/boards/{id}/links}: the facilitator replaces a leaked participant, viewer or projector link. The
 * old tokens open nothing from that moment; people with a seat keep it, and sockets that only watched through an old
 * link are closed by their agents when the board announces it.
 */
final class LinksApi {
  static final List<String> REPLACEABLE = List.of("participant", "viewer", "projector");
  /** Told on a board's ops address; agents act on it and never pass it to a browser. */
  static final String LINKS_REPLACED = "linksReplaced";

  private final Vertx vertx;
  private final BoardStore store;
  private final BoardApi boards;

  LinksApi(Vertx vertx, BoardStore store, BoardApi boards) {
    this.vertx = vertx;
    this.store = store;
    this.boards = boards;
  }

  void mount(Router router) {
    router.post("/api/boards/:id/links").handler(this::replace);
  }

  private void replace(RoutingContext ctx) {
    String boardId = ctx.pathParam("id");
    LinkTokens tokens = LinkTokens.fresh(REPLACEABLE);
    boards.facilitator(ctx, boardId, "only the facilitator's link can replace the links")
      .compose(v -> store.replaceLinks(boardId, tokens.access()))
      .onSuccess(v -> {
        BoardPublications.notice(vertx.eventBus(), Addresses.ops(boardId), LINKS_REPLACED);
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
