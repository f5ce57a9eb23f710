package org.aantafel.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.aantafel.sync.Addresses;
import org.aantafel.sync.DeleteRequest;
import org.aantafel.sync.HubVerticle;

/**
 * {@code DELETE /api/boards/{id}}: the facilitator deletes a board with all its records. It goes to the board's hub,
 * so it takes its turn among the edits and nothing can be stored after the rows are gone.
 */
final class DeletionApi {
  private final Vertx vertx;
  private final BoardApi boards;

  DeletionApi(Vertx vertx, BoardApi boards) {
    this.vertx = vertx;
    this.boards = boards;
  }

  void mount(Router router) {
    router.delete("/api/boards/:id").handler(this::delete);
  }

  private void delete(RoutingContext ctx) {
    String boardId = ctx.pathParam("id");
    boards.facilitator(ctx, boardId, "only the facilitator's link can delete the board")
      .compose(v -> vertx.eventBus().<JsonObject>request(Addresses.DELETE, DeleteRequest.byFacilitator(boardId)))
      .compose(reply -> reply.body().getBoolean("deleted") ? Future.succeededFuture()
        : Future.failedFuture(HubVerticle.boardDeleted()))
      .onSuccess(v -> {
        // Unreachable already, as the board grants no access any more; this frees their room.
        RecordRenders.of(vertx).forget(boardId);
        ctx.response().setStatusCode(204).end();
      })
      .onFailure(e -> ApiError.send(ctx, e));
  }
}
