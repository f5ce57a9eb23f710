package org.aantafel.sync;

import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import org.aantafel.store.BoardStore;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every request a board's hub takes, declared once (as ShareDB's agent dispatches a message by its action): where it
 * arrives, whether it may bring the board into memory, how it is read and what the hub does with it.
 * {@link HubRouter} listens on each address and takes the message to the board's hub under the request's name;
 * {@link HubVerticle} reads and handles it by this table, and refuses a name it does not declare.
 */
final class HubRequests {
  private static final boolean CLAIMS = true;
  private static final boolean ONLY_IF_LOADED = false;

  static final RequestKind<JoinRequest> JOIN = new RequestKind<>(Addresses.JOIN, CLAIMS, JoinRequest::parse,
    // The link is checked by the hub, in its order: joins of one socket are then handled in the order they were
    // sent (a join with a name must not be overtaken by an earlier one without).
    answered(BoardHub::join));
  static final RequestKind<SubmitRequest> SUBMIT = new RequestKind<>(Addresses.SUBMIT, CLAIMS, SubmitRequest::parse,
    (hubs, message, hub, request) -> {
      hub.onSuccess(h -> h.heard(Sender.of(message)));
      answered(BoardHub::submit).handle(hubs, message, hub, request);
    });
  static final RequestKind<Sender> PING = new RequestKind<>(Addresses.PING, CLAIMS, Sender::of, HubRequests::ping);
  static final RequestKind<FocusRequest> PRESENCE = new RequestKind<>(Addresses.PRESENCE, ONLY_IF_LOADED,
    FocusRequest::parse, HubRequests::focus);
  static final RequestKind<String> LEAVE = new RequestKind<>(Addresses.LEAVE, ONLY_IF_LOADED,
    message -> WireFields.body(message.body()).getString("socketId"),
    (hubs, message, hub, socketId) -> hub.onSuccess(h -> h.leave(socketId)));
  static final RequestKind<Void> STATE = new RequestKind<>(Addresses.STATE, CLAIMS, HubRequests::nothing,
    answered((h, none) -> h.committedState()));
  static final RequestKind<CloseRequest> CLOSE = new RequestKind<>(Addresses.CLOSE, CLAIMS, CloseRequest::parse,
    answered((h, request) -> h.close(request.closedBy(), request.atRev())));
  static final RequestKind<Void> REOPEN = new RequestKind<>(Addresses.REOPEN, CLAIMS, HubRequests::nothing,
    answered((h, none) -> h.reopen()));
  static final RequestKind<DeleteRequest> DELETE = new RequestKind<>(Addresses.DELETE, CLAIMS, DeleteRequest::parse,
    HubVerticle::delete);
  static final RequestKind<List<BoardStore.Access>> LINKS = new RequestKind<>(Addresses.LINKS, CLAIMS,
    HubRequests::links, answered((h, links) -> h.replaceLinks(links).map(v -> new JsonObject())));
  static final RequestKind<Void> SEATS = new RequestKind<>(Addresses.SEATS, CLAIMS, HubRequests::nothing,
    answered((h, none) -> Future.succeededFuture(h.seats())));
  static final RequestKind<String> REMOVE_SEAT = new RequestKind<>(Addresses.REMOVE_SEAT, CLAIMS,
    message -> WireFields.id(WireFields.body(message.body()), "participantId"), answered(BoardHub::removeSeat));

  static final List<RequestKind<?>> ALL = List.of(JOIN, SUBMIT, PING, PRESENCE, LEAVE, STATE, CLOSE, REOPEN, DELETE,
    LINKS, SEATS, REMOVE_SEAT);

  private static final Map<String, RequestKind<?>> BY_NAME = ALL.stream()
    .collect(Collectors.toUnmodifiableMap(RequestKind::name, Function.identity()));

  /** The request a message on a board's inbox asks for by its {@link Addresses#H_KIND}, if it is declared. */
  static Optional<RequestKind<?>> named(String name) {
    return Optional.ofNullable(name).map(BY_NAME::get);
  }

  /** Handled in the hub's turn; the answer (or why not) goes back to the sender. */
  private static <R> RequestKind.Handling<R> answered(BiFunction<BoardHub, R, Future<JsonObject>> action) {
    return (hubs, message, hub, request) -> hub
      .compose(h -> action.apply(h, request))
      .onSuccess(message::reply)
      .onFailure(e -> Refusal.replyTo(message, e));
  }

  /** A request that says nothing beyond its board, which the router has read already. */
  private static Void nothing(Message<Object> message) {
    return null;
  }

  /**
   * A heartbeat goes through the hub's own turn: only its answer shows that edits can still be stored. It names the
   * latest durable revision, so that a browser that missed the last one published (nothing later shows the gap)
   * fetches it.
   */
  private static void ping(HubVerticle hubs, Message<Object> message, Future<BoardHub> hub, Sender sender) {
    hub.onSuccess(h -> {
      try {
        h.currentGrant(sender.link(), sender.participantId());
      } catch (Refusal refused) {
        Refusal.replyTo(message, refused);
        return;
      }
      h.heard(sender);
      message.reply(new JsonObject().put("rev", h.durableRev()));
    });
  }

  /** Where a seated socket's person is on the board; anyone else's focus is dropped, quietly. */
  private static void focus(HubVerticle hubs, Message<Object> message, Future<BoardHub> hub, FocusRequest request) {
    Sender sender = request.sender();
    if (sender.seated()) {
      hub.onSuccess(h -> {
        if (h.mayStillSend(sender)) {
          h.focus(sender, request.focus());
        }
      });
    }
    message.reply(new JsonObject());
  }

  /** {@link Addresses#LINKS}: the new links, as hashes of their tokens (hex) with their grants. */
  private static List<BoardStore.Access> links(Message<Object> message) {
    HexFormat hex = HexFormat.of();
    return WireFields.body(message.body()).getJsonArray("links").stream().map(JsonObject.class::cast)
      .map(link -> new BoardStore.Access(hex.parseHex(link.getString("sha256")), link.getString("grant"))).toList();
  }

  private HubRequests() {
  }
}
