package org.aantafel.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.aantafel.mail.MeetingMailer;
import org.aantafel.store.AccessTokens;
import org.aantafel.store.BoardStore;
import org.aantafel.sync.SyncFailure;

import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * E-mail, only when the server has an SMTP server: participants leave an address (kept out of the board state, so no
 * other screen ever sees it) and the facilitator sends the agenda or an invitation to the whole series.
 */
final class MailApi {
  private static final int MAX_EMAIL = 254;
  /** One @ with something on both sides; no spaces or control characters, which could smuggle in mail headers. */
  private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+");
  /** As the hub makes them: "p" and 15 URL-safe base64 characters. */
  private static final Pattern PARTICIPANT_ID = Pattern.compile("p[A-Za-z0-9_-]{15}");
  private static final Set<String> LEAVES_CONTACT = Set.of("facilitator", "participant");

  private final BoardStore store;
  private final BoardApi boards;
  private final Optional<MeetingMailer> mail;

  MailApi(BoardStore store, BoardApi boards, Optional<MeetingMailer> mail) {
    this.store = store;
    this.boards = boards;
    this.mail = mail;
  }

  /** Expects the /api/* body handler of {@link BoardApi} in front of it. */
  void mount(Router router) {
    router.get("/api/features").handler(ctx -> ctx.response().putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("mail", mail.isPresent()).encode()));
    router.put("/api/boards/:id/contact").handler(ctx -> withMail(ctx, mailer -> saveContact(ctx)));
    router.delete("/api/boards/:id/contact").handler(ctx -> withMail(ctx, mailer -> removeContact(ctx)));
    router.post("/api/boards/:id/mail/agenda").handler(ctx -> withMail(ctx, mailer ->
        send(ctx, link -> mailer.sendAgenda(ctx.pathParam("id"), link))));
    router.post("/api/boards/:id/mail/invitation").handler(ctx -> withMail(ctx, mailer ->
        send(ctx, link -> mailer.sendInvitation(ctx.pathParam("id"), link))));
  }

  private void withMail(RoutingContext ctx, Function<MeetingMailer, Future<?>> action) {
    if (mail.isEmpty()) {
      ApiError.send(ctx, 404, "e-mail is not configured on this server");
      return;
    }
    action.apply(mail.get()).onFailure(e -> ApiError.send(ctx, e));
  }

  private Future<Void> saveContact(RoutingContext ctx) {
    String boardId = ctx.pathParam("id");
    return contactGrant(ctx, boardId).compose(v -> body(ctx)).compose(body -> {
      Object email = body.getValue("email");
      if (!(email instanceof String e) || e.length() > MAX_EMAIL || !EMAIL.matcher(e).matches()) {
        return bad("email must be an e-mail address of at most " + MAX_EMAIL + " characters");
      }
      return participantId(body).compose(participantId -> store.saveContact(boardId, participantId, e));
    }).onSuccess(v -> ctx.response().setStatusCode(204).end());
  }

  private Future<Void> removeContact(RoutingContext ctx) {
    String boardId = ctx.pathParam("id");
    return contactGrant(ctx, boardId).compose(v -> body(ctx)).compose(this::participantId)
        .compose(participantId -> store.removeContact(boardId, participantId))
        .onSuccess(v -> ctx.response().setStatusCode(204).end());
  }

  /**
   * The server keeps no tokens, so the facilitator's page sends the participant token its link carries; it must be
   * this board's, or the mail would invite people to a board they cannot open.
   */
  private Future<Integer> send(RoutingContext ctx, Function<String, Future<Integer>> mailing) {
    String boardId = ctx.pathParam("id");
    return boards.grantOf(ctx, boardId)
        .compose(grant -> "facilitator".equals(grant) ? body(ctx)
            : Future.failedFuture(new SyncFailure(403, "only the facilitator's link can send e-mail")))
        .compose(body -> body.getValue("joinToken") instanceof String token && token.length() <= 120
            ? store.findGrant(boardId, AccessTokens.hash(token))
                .compose(grant -> grant.filter("participant"::equals).isPresent()
                    ? mailing.apply(boards.link(ctx, boardId, token))
                    : bad("joinToken must be this board's participant token"))
            : bad("joinToken must be this board's participant token"))
        .onSuccess(sent -> ctx.response().putHeader("Content-Type", "application/json")
            .end(new JsonObject().put("sent", sent).encode()));
  }

  private Future<Void> contactGrant(RoutingContext ctx, String boardId) {
    return boards.grantOf(ctx, boardId).compose(grant -> LEAVES_CONTACT.contains(grant) ? Future.succeededFuture()
        : Future.failedFuture(new SyncFailure(403, "only participants leave an e-mail address")));
  }

  private Future<String> participantId(JsonObject body) {
    return body.getValue("participantId") instanceof String id && PARTICIPANT_ID.matcher(id).matches()
        ? Future.succeededFuture(id)
        : bad("participantId must be the id the board gave you when you joined");
  }

  private static Future<JsonObject> body(RoutingContext ctx) {
    try {
      JsonObject body = ctx.body().length() <= 0 ? null : ctx.body().asJsonObject();
      return body == null ? bad("the request must be a JSON object") : Future.succeededFuture(body);
    } catch (RuntimeException e) {
      return bad("the request must be a JSON object");
    }
  }

  private static <T> Future<T> bad(String message) {
    return Future.failedFuture(new SyncFailure(400, message));
  }
}
