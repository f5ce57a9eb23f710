package org.aantafel.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.aantafel.mail.MeetingMailer;
import org.aantafel.mail.Redacted;
import org.aantafel.record.MeetingRecord;
import org.aantafel.record.RecordHtml;
import org.aantafel.record.RecordMarkdown;
import org.aantafel.store.BoardStore;
import org.aantafel.record.RecordKeeper;
import org.aantafel.sync.Addresses;
import org.aantafel.sync.WireJson;
import org.aantafel.sync.Refusal;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Closing a meeting and reading its final records: close and reopen go to the board's hub (so they take their turn
 * among the edits), the records are read straight from the store, because a stored version never changes.
 */
final class RecordApi {
  private static final System.Logger LOG = System.getLogger(RecordApi.class.getName());
  private static final Pattern RECORD_FILE = Pattern.compile("([1-9][0-9]{0,8})\\.(json|html|md|pdf)");

  private final Vertx vertx;
  private final BoardStore store;
  private final BoardApi boards;
  private final Optional<MeetingMailer> mail;
  private final RecordKeeper records;
  private final RecordPdfs pdfs;
  private final WorkerExecutor pdfPool;

  /** Made while the HTTP verticle starts, so the PDF pool is released when it stops. */
  RecordApi(Vertx vertx, BoardStore store, BoardApi boards, Optional<MeetingMailer> mail) {
    this.vertx = vertx;
    this.store = store;
    this.records = new RecordKeeper(store);
    this.boards = boards;
    this.mail = mail;
    this.pdfs = RecordPdfs.of(vertx);
    this.pdfPool = RecordPdfs.pool(vertx);
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
      .compose(v -> vertx.eventBus().<JsonObject>request(Addresses.CLOSE, command))
      .map(reply -> closeOf(boardId, reply.body()))
      .compose(records::keep)
      .onSuccess(version -> {
        json(ctx, new JsonObject().put("version", version).encode());
        mailRecord(boardId, version);
      })
      .onFailure(e -> ApiError.send(ctx, e));
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

  /** Access is checked first, on every read: that is what keeps a deleted board's cached PDF from being served. */
  private void read(RoutingContext ctx) {
    String boardId = ctx.pathParam("id");
    Matcher file = RECORD_FILE.matcher(ctx.pathParam("file"));
    boards.seriesGrantOf(ctx, boardId)
      .compose(grant -> file.matches() ? store.record(boardId, Integer.parseInt(file.group(1)))
        : Future.failedFuture(new Refusal(404, "a record is read as {version}.json, .html, .md or .pdf")))
      .onSuccess(stored -> {
        if (stored.isEmpty()) {
          ApiError.send(ctx, 404, "this board has no record version " + file.group(1));
          return;
        }
        if (file.group(2).equals("pdf")) {
          sendPdf(ctx, boardId, Integer.parseInt(file.group(1)), stored.get());
        } else {
          send(ctx, recordOf(stored.get()), file.group(2));
        }
      })
      .onFailure(e -> ApiError.send(ctx, e));
  }

  /**
   * Every format is rendered from the record read back from the stored JSON, so all of them say the same; reading
   * drops what must never be shown (see {@link MeetingRecord#fromJson}).
   */
  private static MeetingRecord recordOf(JsonObject stored) {
    return MeetingRecord.fromJson(new JsonObject(stored.encode()).getMap());
  }

  /** JSON, HTML and Markdown take about a millisecond: they are written on the event loop. */
  private static void send(RoutingContext ctx, MeetingRecord record, String format) {
    switch (format) {
      case "json" -> json(ctx, new JsonObject(record.toJson()).encode());
      case "html" -> ctx.response().putHeader("Content-Type", "text/html; charset=utf-8")
        .end(RecordHtml.render(record));
      default -> ctx.response().putHeader("Content-Type", "text/markdown; charset=utf-8")
        .end(RecordMarkdown.render(record));
    }
  }

  private void sendPdf(RoutingContext ctx, String boardId, int version, JsonObject stored) {
    pdfs.pdf(pdfPool, boardId, version, () -> recordOf(stored))
      .onSuccess(pdf -> ctx.response().putHeader("Content-Type", "application/pdf")
        .putHeader("Content-Disposition", "attachment; filename=\"record-" + version + ".pdf\"")
        .end(pdf))
      .onFailure(e -> ApiError.send(ctx, e));
  }

  private Future<Void> facilitator(RoutingContext ctx, String boardId) {
    return boards.facilitator(ctx, boardId, "only the facilitator's link can close or reopen the meeting");
  }

  private static void json(RoutingContext ctx, String body) {
    ctx.response().putHeader("Content-Type", "application/json").end(body);
  }
}
