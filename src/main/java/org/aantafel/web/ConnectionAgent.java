package org.aantafel.web;

import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.handler.sockjs.BridgeEvent;
import org.aantafel.sync.Addresses;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's side of one browser connection, as ShareDB's Agent: it sees every frame of its socket, throws away
 * the headers the client sent and sets its own (which socket, and what this socket earned by joining), remembers the
 * boards this socket has joined from the join replies it passes on, and lets the socket listen only to those boards.
 * It lives on the socket's event loop and shares nothing.
 */
final class ConnectionAgent {
  static final int MAX_FRAME_CHARS = 64 * 1024;
  private static final int MAX_PENDING_JOINS = 16;
  private static final Pattern BOARD_ADDRESS = Pattern.compile("board\\.([A-Za-z0-9_-]{1,64})\\.(ops|presence)");

  private record Seat(String grant, String participantId, String clientId) {}

  private record PendingJoin(String boardId, String clientId) {}

  private final String socketId = UUID.randomUUID().toString();
  private final EventBus bus;
  private final RateLimit rateLimit;
  private final Map<String, Seat> seats = new HashMap<>();
  private final Map<String, PendingJoin> pendingJoins = new LinkedHashMap<>(MAX_PENDING_JOINS, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, PendingJoin> eldest) {
      return size() > MAX_PENDING_JOINS;
    }
  };

  ConnectionAgent(EventBus bus, RateLimit rateLimit) {
    this.bus = bus;
    this.rateLimit = rateLimit;
  }

  void handle(BridgeEvent event) {
    switch (event.type()) {
      case SEND -> send(event);
      case RECEIVE -> receive(event);
      case REGISTER -> event.complete(mayListen(event.getRawMessage().getString("address")));
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
    if (replyAddress == null && !Addresses.PRESENCE.equals(address)) {
      event.complete(false);
      return;
    }
    JsonObject body = frame.getValue("body") instanceof JsonObject b ? b : new JsonObject();
    String boardId = body.getValue("boardId") instanceof String s ? s : "";
    JsonObject headers = new JsonObject().put(Addresses.H_SOCKET, socketId);
    if (!rateLimit.tryTake()) {
      headers.put(Addresses.H_REFUSAL, "429");
    } else if (frame.encode().length() > MAX_FRAME_CHARS) {
      headers.put(Addresses.H_REFUSAL, "413");
    }
    if (Addresses.JOIN.equals(address)) {
      pendingJoins.put(replyAddress, new PendingJoin(boardId, String.valueOf(body.getValue("clientId"))));
    } else {
      Seat seat = seats.get(boardId);
      if (seat != null) {
        headers.put(Addresses.H_GRANT, seat.grant())
          .put(Addresses.H_PARTICIPANT, seat.participantId())
          .put(Addresses.H_CLIENT, seat.clientId());
      }
    }
    event.setRawMessage(frame.put("headers", headers));
    event.complete(true);
  }

  /** A successful join reply is what gives this socket its seat at the board. */
  private void receive(BridgeEvent event) {
    JsonObject frame = event.getRawMessage();
    frame.remove("headers");
    PendingJoin join = pendingJoins.remove(frame.getString("address"));
    if (join != null && frame.getValue("body") instanceof JsonObject reply
      && reply.getValue("you") instanceof JsonObject you) {
      seats.put(join.boardId(), new Seat(you.getString("grant"), you.getString("participantId"), join.clientId()));
    }
    event.complete(true);
  }

  private boolean mayListen(String address) {
    Matcher m = BOARD_ADDRESS.matcher(address == null ? "" : address);
    return m.matches() && seats.containsKey(m.group(1));
  }

  private void leaveAll() {
    seats.keySet().forEach(boardId ->
      bus.send(Addresses.LEAVE, new JsonObject().put("boardId", boardId).put("socketId", socketId)));
    seats.clear();
  }
}
