package org.aantafel.web;

import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.handler.sockjs.BridgeEvent;
import org.aantafel.board.Grant;
import org.aantafel.board.Viewer;
import org.aantafel.store.AccessTokens;
import org.aantafel.sync.Addresses;
import org.aantafel.sync.BoardPublications;
import org.aantafel.sync.Refusal;
import org.aantafel.sync.Refusals;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's side of one browser connection, as ShareDB's Agent: it sees every frame of its socket, throws away
 * the headers the client sent and sets its own (which socket, and what this socket earned by joining), and lets the
 * socket listen only to boards it sits at. A socket is seated only by the hub's own answer to one exact join: the
 * agent marks each join with a ticket of its own, and a reply seats only if it names that board and that ticket.
 * It lives on the socket's event loop and shares nothing.
 */
final class ConnectionAgent {
  static final int MAX_FRAME_CHARS = 64 * 1024;
  /** A page sits at one board; a few leave room for a series page or a second tab's worth of boards, not a crawl. */
  static final int MAX_BOARDS_PER_SOCKET = 4;
  private static final int MAX_PENDING_JOINS = 16;
  /** A join's reply comes within the bridge's reply timeout or never; the ticket is kept a little longer. */
  private static final long PENDING_JOIN_MILLIS = 30_000;
  private static final Pattern BOARD_ADDRESS = Pattern.compile("board\\.([A-Za-z0-9_-]{1,64})\\.(ops|presence)");
  /** What the browser's own client uses; no dots, so a reply label can never look like a board's address. */
  private static final Pattern REPLY_LABEL = Pattern.compile("[A-Za-z0-9-]{1,36}");

  /** @param link the hash of the link's token the socket joined with, or null */
  private record Seat(String grant, String participantId, String clientId, String link) {}

  /**
   * @param holdsToken whether it took one of the client's tokens for failed joins, to give back unless it fails
   * @param link       the hash of the link's token it joins with, or null
   * @param holdsSeatToken whether it took one of the client's tokens for new seats, to give back unless one is issued
   */
  private record PendingJoin(String boardId, String clientId, String ticket, long expiresAtMillis, boolean refused,
                             boolean holdsToken, String link, boolean withSeat, boolean holdsSeatToken) {}

  private final String socketId = UUID.randomUUID().toString();
  private final EventBus bus;
  private final RateLimit rateLimit;
  private final FailedJoinLimit failedJoins;
  private final NewSeatLimit newSeats;
  /** This socket's client address, for the failed joins and new seats counted per address. */
  private final String client;
  private final Map<String, Seat> seats = new HashMap<>();
  private final Set<String> listening = new HashSet<>();
  /** boardId/participantId of seats removed while this socket's join by a seat was on its way; at most a few. */
  private final Set<String> removedWhileJoining = new HashSet<>();
  private final Map<String, PendingJoin> pendingJoins = new LinkedHashMap<>(MAX_PENDING_JOINS, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, PendingJoin> eldest) {
      return size() > MAX_PENDING_JOINS;
    }
  };

  ConnectionAgent(EventBus bus, RateLimit rateLimit, FailedJoinLimit failedJoins, NewSeatLimit newSeats,
                  String client) {
    this.bus = bus;
    this.rateLimit = rateLimit;
    this.failedJoins = failedJoins;
    this.newSeats = newSeats;
    this.client = client;
  }

  void handle(BridgeEvent event) {
    switch (event.type()) {
      case SEND -> send(event);
      case RECEIVE -> receive(event);
      // Once per address: the bridge warns in its log about every register of an address it already has.
      case REGISTER -> event.complete(mayListen(event.getRawMessage().getString("address"))
        && listening.add(event.getRawMessage().getString("address")));
      case UNREGISTER -> {
        listening.remove(event.getRawMessage().getString("address"));
        event.complete(true);
      }
      case PUBLISH -> event.complete(false);
      case SOCKET_CLOSED -> {
        leaveAll();
        event.complete(true);
      }
      default -> event.complete(true);
    }
  }

  private void send(BridgeEvent event) {
    JsonObject frame = event.getRawMessage();
    String address = frame.getString("address");
    String replyAddress = frame.getString("replyAddress");
    boolean presence = Addresses.PRESENCE.equals(address);
    boolean withinRate = rateLimit.tryTake();
    if (replyAddress == null ? !presence : !REPLY_LABEL.matcher(replyAddress).matches()) {
      event.complete(false);
      return;
    }
    if (presence && replyAddress == null && !withinRate) {
      // Nobody waits for an answer: a flood of focus messages is simply not passed on.
      event.complete(false);
      return;
    }
    JsonObject body = frame.getValue("body") instanceof JsonObject b ? b : new JsonObject();
    String boardId = body.getValue("boardId") instanceof String s ? s : "";
    JsonObject headers = new JsonObject().put(Addresses.H_SOCKET, socketId);
    if (!withinRate) {
      headers.put(Addresses.H_REFUSAL, Refusals.TOO_MANY_MESSAGES);
    } else if (frame.encode().length() > MAX_FRAME_CHARS) {
      headers.put(Addresses.H_REFUSAL, Refusals.TOO_LARGE);
    }
    if (Addresses.JOIN.equals(address)) {
      if (!expectJoin(replyAddress, boardId, body, headers)) {
        event.complete(false);
        return;
      }
    } else {
      Seat seat = seats.get(boardId);
      if (seat != null) {
        headers.put(Addresses.H_GRANT, seat.grant()).put(Addresses.H_CLIENT, seat.clientId());
        if (seat.link() != null) {
          headers.put(Addresses.H_LINK, seat.link());
        }
        if (seat.participantId() != null) {
          headers.put(Addresses.H_PARTICIPANT, seat.participantId());
        }
      }
    }
    event.setRawMessage(frame.put("headers", headers));
    event.complete(true);
  }

  /** @return false when the reply label is already waiting for a join, so no answer can be taken for another's */
  private boolean expectJoin(String replyAddress, String boardId, JsonObject body, JsonObject headers) {
    long now = System.currentTimeMillis();
    pendingJoins.values().removeIf(pending -> pending.expiresAtMillis() < now);
    if (pendingJoins.containsKey(replyAddress)) {
      return false;
    }
    // Counted when the join arrives: the boards it sits at and those it has asked to join and not been refused.
    Set<String> boards = new HashSet<>(seats.keySet());
    pendingJoins.values().stream().filter(pending -> !pending.refused())
      .forEach(pending -> boards.add(pending.boardId()));
    if (!boards.contains(boardId) && boards.size() >= MAX_BOARDS_PER_SOCKET) {
      headers.put(Addresses.H_REFUSAL, Refusals.TOO_MANY_BOARDS);
    }
    FailedJoinLimit.Admission admission = headers.containsKey(Addresses.H_REFUSAL) ? null : failedJoins.admit(client);
    if (admission == FailedJoinLimit.Admission.REFUSED) {
      headers.put(Addresses.H_REFUSAL, Refusals.TOO_MANY_FAILED_JOINS);
    }
    NewSeatLimit.Admission seating = headers.containsKey(Addresses.H_REFUSAL) ? NewSeatLimit.Admission.NOT_COUNTED
      : newSeats.admit(client, body, seats.containsKey(boardId) && seats.get(boardId).participantId() != null);
    if (seating == NewSeatLimit.Admission.REFUSED) {
      headers.put(Addresses.H_REFUSAL, Refusals.TOO_MANY_NEW_SEATS);
    }
    String ticket = UUID.randomUUID().toString();
    headers.put(Addresses.H_JOIN_TICKET, ticket);
    String link = body.getValue("token") instanceof String token ? AccessTokens.hashHex(token) : null;
    pendingJoins.put(replyAddress, new PendingJoin(boardId, String.valueOf(body.getValue("clientId")), ticket,
      now + PENDING_JOIN_MILLIS, headers.containsKey(Addresses.H_REFUSAL),
      admission == FailedJoinLimit.Admission.HOLDING_TOKEN, link, body.getValue("seat") != null,
      seating == NewSeatLimit.Admission.HOLDING_TOKEN));
    return true;
  }

  /** The hub's successful answer to a join this agent marked is what gives this socket its seat at the board. */
  private void receive(BridgeEvent event) {
    JsonObject frame = event.getRawMessage();
    if (frame.remove("headers") instanceof JsonObject headers) {
      showSeatsView(frame, headers);
    }
    PendingJoin join = pendingJoins.remove(frame.getString("address"));
    if (join != null && join.holdsToken()) {
      failedJoins.giveBack(client);
    }
    if (join != null && join.holdsSeatToken()) {
      newSeats.answered(client, frame.getValue("body"));
    }
    if (join != null && frame.getValue("body") instanceof JsonObject reply
      && reply.getValue("you") instanceof JsonObject you
      && join.boardId().equals(you.getString("boardId")) && join.ticket().equals(you.getString("ticket"))
      && !removedWhileJoining.contains(join.boardId() + "/" + you.getString("participantId"))) {
      seats.put(join.boardId(), new Seat(you.getString("grant"), you.getString("participantId"), join.clientId(),
        join.link()));
    }
    event.complete(true);
  }

  /** A request of this socket failed: a join holds no place any more, and counts against the address if its link did. */
  void requestFailed(String replyAddress, int code) {
    PendingJoin join = pendingJoins.remove(replyAddress);
    if (join != null && code == Refusal.FORBIDDEN && !join.refused() && !join.holdsToken()) {
      failedJoins.failed(client);
    } else if (join != null && code != Refusal.FORBIDDEN && join.holdsToken()) {
      failedJoins.giveBack(client);
    }
    if (join != null && join.holdsSeatToken()) {
      newSeats.failed(client);
    }
  }

  /**
   * A change that not everyone is shown alike arrives with the public view as its body: the facilitator and who asked
   * a question it touches get theirs from the headers instead.
   */
  private void showSeatsView(JsonObject frame, JsonObject headers) {
    Matcher m = BOARD_ADDRESS.matcher(String.valueOf(frame.getValue("address")));
    Seat seat = m.matches() ? seats.get(m.group(1)) : null;
    String shown = seat == null ? null
      : BoardPublications.shownTo(headers, Viewer.of(seat.participantId(), Grant.parse(seat.grant())));
    if (shown != null) {
      frame.put("body", shown);
    }
  }

  /**
   * Grants on a board were taken back ({@link Addresses#REVOKED}): a socket that holds the board by one of them is
   * closed at once, whether it registered for the board or not and whether its join was answered yet or not. Someone
   * who watched through a replaced link stops watching; a seat is a person and stays until it is removed.
   *
   * @return whether the socket is to be closed
   */
  boolean holdsRevoked(JsonObject revocation) {
    String boardId = revocation.getString("boardId");
    if (revocation.getBoolean("all", false)) {
      // The board is gone: nothing more of it for this socket, which stays open to hear so on the board's address.
      seats.remove(boardId);
      pendingJoins.values().removeIf(pending -> pending.boardId().equals(boardId));
      return false;
    }
    java.util.List<?> links = revocation.getJsonArray("links", new io.vertx.core.json.JsonArray()).getList();
    java.util.List<?> people = revocation.getJsonArray("participants", new io.vertx.core.json.JsonArray()).getList();
    Seat seat = seats.get(boardId);
    boolean seatedByLink = seat != null && seat.participantId() == null && links.contains(seat.link());
    boolean removedSeat = seat != null && people.contains(seat.participantId());
    boolean joiningByLink = pendingJoins.values().stream().anyMatch(pending -> pending.boardId().equals(boardId)
      && !pending.withSeat() && links.contains(pending.link()));
    if (pendingJoins.values().stream().anyMatch(pending -> pending.boardId().equals(boardId) && pending.withSeat())) {
      // A join by a seat still on its way may be answered as the person just removed: that answer seats nobody.
      people.forEach(id -> removedWhileJoining.add(boardId + "/" + id));
    }
    return seatedByLink || removedSeat || joiningByLink;
  }

  /**
   * The last word to a socket closed because its person's seat was taken back, on the board's address where a page
   * listens: without it the page would take the link's way back in as a new person by itself. Null for any other
   * revocation (a replaced link is refused at the next join, which tells the page).
   */
  String goodbye(JsonObject revocation) {
    String boardId = revocation.getString("boardId");
    Seat seat = seats.get(boardId);
    java.util.List<?> people = revocation.getJsonArray("participants", new io.vertx.core.json.JsonArray()).getList();
    return seat != null && people.contains(seat.participantId())
      ? new JsonObject().put("type", "rec").put("address", Addresses.ops(boardId))
        .put("body", new JsonObject().put("seatRemoved", true)).encode()
      : null;
  }

  private boolean mayListen(String address) {
    Matcher m = BOARD_ADDRESS.matcher(address == null ? "" : address);
    return m.matches() && seats.containsKey(m.group(1));
  }

  /** Also where a join is still on its way: its answer may seat this socket at the hub after it closed. */
  private void leaveAll() {
    java.util.Set<String> boards = new java.util.HashSet<>(seats.keySet());
    pendingJoins.values().forEach(pending -> boards.add(pending.boardId()));
    boards.forEach(boardId ->
      bus.send(Addresses.LEAVE, new JsonObject().put("boardId", boardId).put("socketId", socketId)));
    seats.clear();
    pendingJoins.clear();
  }
}
