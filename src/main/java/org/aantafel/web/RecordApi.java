package org.aantafel.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.aantafel.board.BoardSchema;
import org.aantafel.mail.MeetingMailer;
import org.aantafel.mail.Redacted;
import org.aantafel.record.MeetingRecord;
import org.aantafel.store.BoardStore;
import org.aantafel.record.RecordKeeper;
import org.aantafel.sync.Addresses;
import org.aantafel.sync.WireJson;
import org.aantafel.sync.Refusal;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Closing a meeting and reading its final records: close and reopen go to the board's hub (so they take their turn
 * among the edits), the records are read straight from the store, because a stored version never changes. Every
 * format is rendered through {@link RecordRenders}: off the event loop, queued within bounds, rendered once.
 */
final class RecordApi {
  private static final System.Logger LOG = System.getLogger(RecordApi.class.getName());
  /** A board edited between the check of its record and the close is checked again, this many times in all. */
  private static final int CLOSE_ATTEMPTS = 3;
  /** As the hub's CloseRequest allows; a longer name is the hub's to refuse. */
  private static final int MAX_CLOSED_BY = 60;
  private static final Pattern RECORD_FILE = Pattern.compile("([1-9][0-9]{0,8})\\.(json|html|md|pdf)");

  private final Vertx vertx;
  private final BoardStore store;
  private final BoardApi boards;
  private final Optional<MeetingMailer> mail;
  private final RecordKeeper records;
  private final WorkerExecutor renderPool;

  /** Made while the HTTP verticle starts, so the render pool is released when it stops. */
  RecordApi(Vertx vertx, BoardStore store, BoardApi boards, Optional<MeetingMailer> mail) {
    this.vertx = vertx;
    this.store = store;
    this.renderPool = RecordRenders.pool(vertx);
    this.records = new RecordKeeper(store, renderPool);
    this.boards = boards;
    this.mail = mail;
  }

  /** Expects the /api/* body handler of {@link BoardApi} in front of it. */
  void mount(Router router) {
    router.post("/api/boards/:id/close").handler(this::close);
    router.post("/api/boards/:id/reopen").handler(this::reopen);
    router.get("/api/boards/:id/records").handler(this::list);
    router.get("/api/boards/:id/records/:file").handler(this::read);
  }

  private void close(RoutingContext ctx) {
    JsonObject request;
    try {
      JsonObject body = ctx.body().length() <= 0 ? null : ctx.body().asJsonObject();
      request = body == null ? new JsonObject() : body.copy();
    } catch (RuntimeException e) {
      ApiError.send(ctx, 400, "the request must be empty or a JSON object");
      return;
    }
    String boardId = ctx.pathParam("id");
    // Only closedBy is taken from the body; the board is the one of the path and token.
    JsonObject command = new JsonObject().put("boardId", boardId).put("closedBy", request.getValue("closedBy"));
    // The hub closes the board and answers with the state it closed at; the record is made of that and stored here.
    facilitator(ctx, boardId)
      .compose(v -> closeChecked(command, CLOSE_ATTEMPTS))
      .map(reply -> closeOf(boardId, reply.body()))
      .compose(records::keep)
      .onSuccess(version -> {
        json(ctx, new JsonObject().put("version", version).encode());
        mailRecord(boardId, version);
      })
      .onFailure(e -> RecordRenders.fail(ctx, e));
  }

  /**
   * Closes the board only once the record of the board as it is now was checked against its size limit and the
   * board's quota, and only if the board is still at the revision checked: a record that could not be stored leaves
   * the meeting open, as it was (413 naming what to shorten). A board edited meanwhile is checked again.
   */
  private Future<Message<JsonObject>> closeChecked(JsonObject command, int attemptsLeft) {
    String boardId = command.getString("boardId");
    return vertx.eventBus().<JsonObject>request(Addresses.STATE, new JsonObject().put("boardId", boardId))
      .compose(reply -> {
        long rev = reply.body().getLong("rev");
        Map<String, Object> state = WireJson.map(reply.body().getJsonObject("state"));
        if (closed(state)) {
          return vertx.eventBus().request(Addresses.CLOSE, command);
        }
        Object closedBy = command.getValue("closedBy");
        RecordKeeper.Close asNow = new RecordKeeper.Close(boardId, rev, System.currentTimeMillis(),
          closedBy instanceof String name && name.length() <= MAX_CLOSED_BY ? name : "facilitator", state);
        // Concurrent closes of one revision share one check, and a check waits its turn like any render.
        return RecordRenders.of(vertx).render(renderPool, boardId, boardId + "/close-check/" + rev, false,
            pool -> records.check(asNow).map(v -> new byte[0]))
          .compose(v -> vertx.eventBus().<JsonObject>request(Addresses.CLOSE, command.copy().put("atRev", rev)))
          .recover(e -> Refusal.of(e).code() == Refusal.CONFLICT && attemptsLeft > 1
            ? closeChecked(command, attemptsLeft - 1) : Future.failedFuture(e));
      });
  }

  private static boolean closed(Map<String, Object> state) {
    return state.get("board") instanceof Map<?, ?> board && BoardSchema.CLOSED.equals(board.get("phase"));
  }

  private static RecordKeeper.Close closeOf(String boardId, JsonObject closed) {
    return new RecordKeeper.Close(boardId, closed.getLong("rev"), closed.getLong("closedAtMillis"),
      closed.getString("closedBy"), WireJson.map(closed.getJsonObject("state")));
  }

  /** The meeting is closed and its record stored whatever happens to the mail: a failure is only logged. */
  private void mailRecord(String boardId, int version) {
    mail.ifPresent(mailer -> mailer.sendRecord(boardId, version).onFailure(e -> LOG.log(
      System.Logger.Level.WARNING, "board {0}: mailing record version {1} failed: {2}", boardId, version, Redacted.failure(e))));
  }

  private void reopen(RoutingContext ctx) {
    String boardId = ctx.pathParam("id");
    facilitator(ctx, boardId)
      .compose(v -> vertx.eventBus().<JsonObject>request(Addresses.REOPEN, new JsonObject().put("boardId", boardId)))
      .onSuccess(reply -> json(ctx, reply.body().encode()))
      .onFailure(e -> ApiError.send(ctx, e));
  }

  private void list(RoutingContext ctx) {
    String boardId = ctx.pathParam("id");
    boards.seriesGrantOf(ctx, boardId)
      .compose(grant -> store.records(boardId))
      .onSuccess(versions -> {
        JsonArray list = new JsonArray();
        versions.forEach(v -> list.add(new JsonObject().put("version", v.version())
          .put("closedAt", Instant.ofEpochMilli(v.closedAtMillis()).toString()).put("closedBy", v.closedBy())));
        json(ctx, list.encode());
      })
      .onFailure(e -> ApiError.send(ctx, e));
  }

  /** Access is checked first, on every read: that is what keeps a deleted board's cached record from being served. */
  private void read(RoutingContext ctx) {
    String boardId = ctx.pathParam("id");
    Matcher file = RECORD_FILE.matcher(ctx.pathParam("file"));
    boards.seriesGrantOf(ctx, boardId)
      .compose(grant -> file.matches() ? render(boardId, Integer.parseInt(file.group(1)), file.group(2))
        : Future.failedFuture(new Refusal(404, "a record is read as {version}.json, .html, .md or .pdf")))
      .onSuccess(bytes -> send(ctx, Integer.parseInt(file.group(1)), file.group(2), bytes))
      .onFailure(e -> RecordRenders.fail(ctx, e));
  }

  /** The stored version is read only once the render has its turn, so a queue of requests holds no records. */
  private Future<Buffer> render(String boardId, int version, String format) {
    RecordRenders renders = RecordRenders.of(vertx);
    return renders.render(renderPool, boardId, boardId + "/" + version + "." + format, true,
      pool -> store.record(boardId, version).compose(stored -> stored.isEmpty()
        ? Future.failedFuture(new Refusal(404, "this board has no record version " + version))
        : pool.executeBlocking(() -> renders.render(format, recordOf(stored.get())), false)));
  }

  /**
   * Every format is rendered from the record read back from the stored JSON, so all of them say the same; reading
   * drops what must never be shown (see {@link MeetingRecord#fromJson}).
   */
  private static MeetingRecord recordOf(JsonObject stored) {
    return MeetingRecord.fromJson(new JsonObject(stored.encode()).getMap());
  }

  private static void send(RoutingContext ctx, int version, String format, Buffer body) {
    switch (format) {
      case "json" -> ctx.response().putHeader("Content-Type", "application/json");
      case "html" -> ctx.response().putHeader("Content-Type", "text/html; charset=utf-8");
      case "md" -> ctx.response().putHeader("Content-Type", "text/markdown; charset=utf-8");
      default -> ctx.response().putHeader("Content-Type", "application/pdf")
        .putHeader("Content-Disposition", "attachment; filename=\"record-" + version + ".pdf\"");
    }
    ctx.response().end(body);
  }

  private Future<Void> facilitator(RoutingContext ctx, String boardId) {
    return boards.facilitator(ctx, boardId, "only the facilitator's link can close or reopen the meeting");
  }

  private static void json(RoutingContext ctx, String body) {
    ctx.response().putHeader("Content-Type", "application/json").end(body);
  }
}
