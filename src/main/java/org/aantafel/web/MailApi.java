package org.aantafel.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.aantafel.mail.MeetingMailer;
import org.aantafel.mail.SendLimitReached;
import org.aantafel.store.AccessTokens;
import org.aantafel.store.BoardStore;
import org.aantafel.sync.Refusal;

import java.util.Optional;
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
  /** The server, not the request, lacks something: 503 Service Unavailable. */
  private static final int NOT_CONFIGURED = 503;
  private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{1,100}");

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
    router.put("/api/boards/:id/contact").handler(ctx -> withMail(ctx, mailer -> saveContact(ctx, mailer)));
    router.post("/api/contacts/confirm").handler(ctx -> withMail(ctx, mailer -> confirm(ctx, mailer)));
    router.delete("/api/boards/:id/contact").handler(ctx -> withMail(ctx, mailer -> removeContact(ctx)));
    router.get("/api/boards/:id/mail/recipients").handler(ctx -> withMail(ctx, mailer -> recipients(ctx)));
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
    action.apply(mail.get()).onFailure(e -> {
      if (e instanceof SendLimitReached limit) {
        ctx.response().putHeader("Retry-After", Long.toString(limit.retryAfterSeconds()));
        ApiError.send(ctx, Refusal.RATE_LIMITED, limit.getMessage());
      } else {
        ApiError.send(ctx, e);
      }
    });
  }

  /**
   * Only a person's own seat sets their address: a link shared by the whole table cannot touch anyone else's. The
   * address receives nothing but one confirmation mail until its owner opens the link in it.
   */
  private Future<Boolean> saveContact(RoutingContext ctx, MeetingMailer mailer) {
    String boardId = ctx.pathParam("id");
    return boards.seatOf(ctx, boardId).compose(seat -> body(ctx).compose(body -> {
      Object email = body.getValue("email");
      if (!(email instanceof String e) || e.length() > MAX_EMAIL || !EMAIL.matcher(e).matches()) {
        return bad("email must be an e-mail address of at most " + MAX_EMAIL + " characters");
      }
      Object language = body.getValue("language", "nl");
      if (!"nl".equals(language) && !"en".equals(language)) {
        return bad("language must be nl or en");
      }
      return mailOrigin(ctx).compose(origin ->
          mailer.addresses().leave(boardId, seat.participantId(), e, (String) language, origin));
    })).onSuccess(confirmed -> ctx.response().setStatusCode(confirmed ? 200 : 202)
        .putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("confirmed", confirmed).encode()));
  }

  /** The link in the confirmation mail: its page sends the secret from its fragment. */
  private Future<Boolean> confirm(RoutingContext ctx, MeetingMailer mailer) {
    return body(ctx).compose(body -> body.getValue("token") instanceof String token && SECRET.matcher(token).matches()
            ? mailer.addresses().confirm(token) : bad("token must be the secret of a confirmation link"))
        .compose(confirmed -> confirmed ? Future.succeededFuture(true)
            : Future.failedFuture(new Refusal(Refusal.UNKNOWN_BOARD, "this confirmation link does not work: it was "
                + "used already, a newer one was sent, or it is older than 7 days")))
        .onSuccess(v -> ctx.response().setStatusCode(204).end());
  }

  private Future<Void> removeContact(RoutingContext ctx) {
    String boardId = ctx.pathParam("id");
    return boards.seatOf(ctx, boardId)
        .compose(seat -> store.removeContact(boardId, seat.participantId()))
        .onSuccess(v -> ctx.response().setStatusCode(204).end());
  }

  /** How many people a mail would reach, so the facilitator knows before pressing send. */
  private Future<Void> recipients(RoutingContext ctx) {
    String boardId = ctx.pathParam("id");
    return boards.facilitator(ctx, boardId, "only the facilitator's link sends e-mail")
        .compose(v -> store.seriesEmails(boardId))
        .map(emails -> {
          ctx.response().putHeader("Content-Type", "application/json")
              .end(new JsonObject().put("count", emails.size()).encode());
          return null;
        });
  }

  /**
   * The server keeps no tokens, so the facilitator's page sends the participant token its link carries; it must be
   * this board's, or the mail would invite people to a board they cannot open.
   */
  private Future<Integer> send(RoutingContext ctx, Function<String, Future<Integer>> mailing) {
    String boardId = ctx.pathParam("id");
    return boards.grantOf(ctx, boardId)
        .compose(grant -> "facilitator".equals(grant) ? body(ctx)
            : Future.failedFuture(new Refusal(403, "only the facilitator's link can send e-mail")))
        .compose(body -> body.getValue("joinToken") instanceof String token && token.length() <= 120
            ? store.findGrant(boardId, AccessTokens.hash(token))
                .compose(grant -> grant.filter("participant"::equals).isPresent()
                    ? mailOrigin(ctx).compose(origin -> mailing.apply(boards.link(ctx, boardId, token)))
                    : bad("joinToken must be this board's participant token"))
            : bad("joinToken must be this board's participant token"))
        .onSuccess(sent -> ctx.response().putHeader("Content-Type", "application/json")
            .end(new JsonObject().put("sent", sent).encode()));
  }

  /** Where the links in a mail lead ({@link BoardApi#mailableOrigin}); a server without a public URL says why not. */
  private Future<String> mailOrigin(RoutingContext ctx) {
    return boards.mailableOrigin(ctx).map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(new Refusal(NOT_CONFIGURED, "this server sends no e-mail until its "
            + "public address is configured (AANTAFEL_PUBLIC_URL)")));
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
    return Future.failedFuture(new Refusal(400, message));
  }
}
