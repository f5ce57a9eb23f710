package org.aantafel.web;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.aantafel.sync.Addresses;

/**
 * Who holds a seat, and taking one back, for the facilitator only: {@code GET /api/boards/{id}/seats} lists name,
 * role, whether online and the participant id (never a secret); {@code DELETE /api/boards/{id}/seats/{participantId}}
 * removes the seat in the board's turn: it opens nothing any more, the person's sockets are closed, their room is
 * free, and what they wrote stays on the board under their name.
 */
final class SeatsApi {
  private final Vertx vertx;
  private final BoardApi boards;

  SeatsApi(Vertx vertx, BoardApi boards) {
    this.vertx = vertx;
    this.boards = boards;
  }

  void mount(Router router) {
    router.get("/api/boards/:id/seats").handler(ctx -> ask(ctx, Addresses.SEATS, new JsonObject()));
    router.delete("/api/boards/:id/seats/:participantId").handler(ctx -> ask(ctx, Addresses.REMOVE_SEAT,
      new JsonObject().put("participantId", ctx.pathParam("participantId"))));
  }

  private void ask(RoutingContext ctx, String address, JsonObject body) {
    String boardId = ctx.pathParam("id");
    boards.facilitator(ctx, boardId, "only the facilitator's link can see or remove seats")
      .compose(v -> vertx.eventBus().<JsonObject>request(address, body.put("boardId", boardId)))
      .map(Message::body)
      .onSuccess(answer -> ctx.response().putHeader("Content-Type", "application/json").end(answer.encode()))
      .onFailure(e -> ApiError.send(ctx, e));
  }
}
