package org.aantafel.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.aantafel.board.BoardState;
import org.aantafel.board.FollowUp;
import org.aantafel.board.PlainText;
import org.aantafel.mail.MeetingMailer;
import org.aantafel.mail.Redacted;
import org.aantafel.record.MeetingRecord;
import org.aantafel.record.SeriesReport;
import org.aantafel.store.BoardStore;
import org.aantafel.store.BoardStore.SeriesMeeting;
import org.aantafel.sync.Addresses;
import org.aantafel.sync.Refusal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Meetings that follow each other: planning the next one from where this one ended, and the series page's numbers.
 * The series is read with any token of any of its boards, as everyone who sat at one of its tables may see how the
 * collaboration goes; a live board still opens only with its own tokens.
 */
final class SeriesApi {
  /** The schools this is made for are Dutch: "past its due date" is by their calendar. */
  private static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Amsterdam");

  private static final System.Logger LOG = System.getLogger(SeriesApi.class.getName());
  /** A meeting every six weeks for six years; each record holds at most 256 KiB, so a report reads at most 12.5 MiB. */
  static final int COUNTED_MEETINGS = 50;

  private final Vertx vertx;
  private final BoardStore store;
  private final BoardApi boards;
  private final Optional<MeetingMailer> mail;
  private final WorkerExecutor renderPool;

  /** Made while the HTTP verticle starts, so the render pool is released when it stops. */
  SeriesApi(Vertx vertx, BoardStore store, BoardApi boards, Optional<MeetingMailer> mail) {
    this.vertx = vertx;
    this.store = store;
    this.boards = boards;
    this.mail = mail;
    this.renderPool = RecordRenders.pool(vertx);
  }

  /** Expects the /api/* body handler of {@link BoardApi} in front of it. */
  void mount(Router router) {
    router.post("/api/boards/:id/follow-up").handler(this::followUp);
    router.get("/api/boards/:id/series").handler(this::series);
  }

  private void followUp(RoutingContext ctx) {
    String boardId = ctx.pathParam("id");
    JsonObject request;
    try {
      request = ctx.body().length() <= 0 ? new JsonObject() : ctx.body().asJsonObject();
    } catch (RuntimeException e) {
      ApiError.send(ctx, 400, "the request must be empty or a JSON object");
      return;
    }
    Object requestedTitle = request == null ? null : request.getValue("title");
    String title = BoardApi.title(requestedTitle);
    Object scheduledAt = request == null ? null : request.getValue("scheduledAt");
    if (requestedTitle != null && title == null) {
      ApiError.send(ctx, 400, BoardApi.TITLE_RULE);
      return;
    }
    if (scheduledAt != null && !(scheduledAt instanceof String)) {
      ApiError.send(ctx, 400, "scheduledAt must be \"\" or a date and time YYYY-MM-DDTHH:MM");
      return;
    }
    boards.grantOf(ctx, boardId)
      .compose(grant -> "facilitator".equals(grant) ? Future.succeededFuture()
        : Future.failedFuture(new Refusal(403, "only the facilitator's link can plan the next meeting")))
      .compose(v -> vertx.eventBus().<JsonObject>request(Addresses.STATE, new JsonObject().put("boardId", boardId)))
      .compose(reply -> store.participants(boardId).compose(participants -> seriesOf(boardId).compose(series -> {
        // Decoded again so that nested objects are plain maps, the shape the domain reads.
        Map<String, Object> previous = new JsonObject(reply.body().getJsonObject("state").encode()).getMap();
        BoardState next = FollowUp.next(previous, id -> nameOf(participants, id),
          title == null ? PlainText.withoutDirectionControls((String) ((Map<?, ?>) previous.get("board")).get("title")) : title,
          scheduledAt == null ? "" : (String) scheduledAt);
        SeriesMeeting last = series.get(series.size() - 1);
        return boards.createBoard(ctx, next, last.seriesId(), last.seq() + 1)
          .map(created -> created.put("seriesId", last.seriesId()).put("seq", last.seq() + 1));
      })))
      .onSuccess(created -> {
        ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json").end(created.encode());
        if (scheduledAt instanceof String when && !when.isEmpty()) {
          if (boards.mailableOrigin(ctx).isPresent()) {
            invite(created.getString("boardId"), created.getJsonObject("links").getString("participant"));
          } else if (mail.isPresent()) {
            // Its link would lead where the request's Host header says: the facilitator can send it from the board.
            LOG.log(System.Logger.Level.WARNING, "board {0}: the invitation was not mailed: no public address is "
              + "configured (AANTAFEL_PUBLIC_URL)", created.getString("boardId"));
          }
        }
      })
      .onFailure(e -> ApiError.send(ctx, e));
  }

  /**
   * A next meeting with a date is an invitation for everyone of the series who left an address. Only now is the new
   * board's participant link known (tokens are stored as hashes), so it is sent here. The board exists whatever
   * happens to the mail: a failure is only logged.
   */
  private void invite(String boardId, String participantLink) {
    mail.ifPresent(mailer -> mailer.sendInvitation(boardId, participantLink).onFailure(e -> LOG.log(
      System.Logger.Level.WARNING, "board {0}: mailing the invitation failed: {1}", boardId, Redacted.failure(e))));
  }

  private void series(RoutingContext ctx) {
    String boardId = ctx.pathParam("id");
    boards.seriesGrantOf(ctx, boardId)
      .compose(grant -> seriesOf(boardId))
      .compose(series -> report(boardId, series))
      .onSuccess(report -> ctx.response().putHeader("Content-Type", "application/json").end(report))
      .onFailure(e -> RecordRenders.fail(ctx, e));
  }

  /**
   * Made like a record's formats (see {@link RecordRenders}), one series at a time, and not kept: it changes with
   * every close and every day. The records are read only once it is the report's turn.
   */
  private Future<Buffer> report(String boardId, List<SeriesMeeting> series) {
    String seriesId = series.get(0).seriesId();
    return RecordRenders.of(vertx).render(renderPool, "series/" + seriesId, "series/" + seriesId + "/" + boardId,
      false, pool -> readRecords(series).compose(read -> pool.executeBlocking(() -> {
        List<SeriesReport.Meeting> meetings = read.stream().map(Read::meeting).toList();
        JsonObject report = new JsonObject(SeriesReport.of(meetings, LocalDate.now(SCHOOL_ZONE)).toJson());
        return report.put("seriesId", seriesId).put("boardId", boardId).encode().getBytes(StandardCharsets.UTF_8);
      }, false)));
  }

  /** Empty only when the board went (deleted) between the token check and this read. */
  private Future<List<SeriesMeeting>> seriesOf(String boardId) {
    return store.series(boardId).compose(series -> series.isEmpty()
      ? Future.failedFuture(Refusal.noAccess()) : Future.succeededFuture(series));
  }

  /**
   * The newest record of each of the newest {@link #COUNTED_MEETINGS} closed meetings, read one after the other; the
   * meetings before them are listed but not counted, so a report reads at most that many records whatever the length
   * of the series.
   */
  private Future<List<Read>> readRecords(List<SeriesMeeting> series) {
    List<SeriesMeeting> closed = series.stream().filter(meeting -> meeting.lastRecordVersion() > 0).toList();
    Set<String> counted = new HashSet<>();
    closed.subList(Math.max(0, closed.size() - COUNTED_MEETINGS), closed.size())
      .forEach(meeting -> counted.add(meeting.boardId()));
    Future<List<Read>> all = Future.succeededFuture(new ArrayList<>());
    for (SeriesMeeting meeting : series) {
      all = all.compose(list -> (counted.contains(meeting.boardId()) ? newestRecord(meeting)
        : Future.succeededFuture(Optional.<JsonObject>empty())).map(record -> {
        list.add(new Read(meeting, record.orElse(null)));
        return list;
      }));
    }
    return all;
  }

  /** A meeting of the series with its newest record as stored, or null; read into a record on the render pool. */
  private record Read(SeriesMeeting series, JsonObject stored) {
    SeriesReport.Meeting meeting() {
      return new SeriesReport.Meeting(series.boardId(), series.seq(), series.title(), series.lastRecordVersion(),
        stored == null ? null : MeetingRecord.fromJson(new JsonObject(stored.encode()).getMap()));
    }
  }

  private Future<Optional<JsonObject>> newestRecord(SeriesMeeting meeting) {
    return meeting.lastRecordVersion() == 0 ? Future.succeededFuture(Optional.empty())
      : store.record(meeting.boardId(), meeting.lastRecordVersion());
  }

  private static String nameOf(List<BoardStore.Participant> participants, String participantId) {
    return participants.stream().filter(p -> p.participantId().equals(participantId))
      .map(BoardStore.Participant::name).filter(name -> name != null && !name.isBlank()).findFirst().orElse(null);
  }
}
