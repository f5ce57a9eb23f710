package org.aantafel.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.aantafel.board.BoardState;
import org.aantafel.sync.Addresses;
import org.aantafel.sync.WireJson;
import org.aantafel.testsupport.BusClient;
import org.aantafel.testsupport.ClientSync;
import org.aantafel.testsupport.TestServer;
import org.aantafel.testsupport.TestServer.CreatedBoard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A legitimate person at the fuzzed board (the facilitator or a seated participant): joins with their link and
 * name, keeps a mirror of the board from what is published to them (as the browser's BoardSync does), and submits
 * one change at a time, each waited for. Whatever the hostile sockets do, every one of these submits must be
 * acknowledged, and the mirror must end where the server is.
 */
final class TableMember {
  final String name;
  final String clientId;
  final String boardId;
  final String token;
  final BusClient bus;
  final String participantId;
  final String seat;
  final long joinedAtRev;
  private final ClientSync mirror;
  private long seq;
  private long lastRev;
  /** Revisions this person's submits were acknowledged with, and what was refused (which must stay empty). */
  final List<Long> acknowledged = new ArrayList<>();
  final List<String> refused = new ArrayList<>();
  /** The encoded size of every op acknowledged, what the board's state may have grown by. */
  long acceptedBytes;
  /** Ids of the entities this person created: the meeting's own, as opposed to what the hostile sockets made. */
  final java.util.Set<String> created = new java.util.HashSet<>();
  int acceptedOps;

  private TableMember(String name, String clientId, String boardId, String token, BusClient bus, JsonObject joined) {
    this.name = name;
    this.clientId = clientId;
    this.boardId = boardId;
    this.token = token;
    this.bus = bus;
    JsonObject you = joined.getJsonObject("you");
    this.participantId = you.getString("participantId");
    this.seat = you.getString("seat");
    this.joinedAtRev = joined.getLong("rev");
    this.lastRev = joinedAtRev;
    this.mirror = new ClientSync(clientId, 0);
    mirror.load(joinedAtRev, BoardState.fromMap(WireJson.map(joined.getJsonObject("state"))));
    bus.register(Addresses.ops(boardId), change -> {
      synchronized (mirror) {
        mirror.committed(ClientSync.Committed.fromMap(WireJson.map(change)));
      }
    });
    // Frames of one socket are handled in order: once the ping is answered, the registration is in place.
    bus.call(Addresses.PING, new JsonObject().put("boardId", boardId));
  }

  static TableMember join(TestServer server, CreatedBoard board, String grant, String name) {
    BusClient bus = server.bus();
    String clientId = "legit-" + name.toLowerCase();
    JsonObject joined = bus.call(Addresses.JOIN, new JsonObject().put("boardId", board.id())
      .put("token", board.token(grant)).put("clientId", clientId).put("name", name).put("role", "parent")
      .putNull("seat"));
    return new TableMember(name, clientId, board.id(), board.token(grant), bus, joined);
  }

  /** Submits the ops and waits; a refusal is noted (a legitimate edit must never be refused). */
  Long submit(String what, JsonObject... ops) {
    JsonObject body = new JsonObject().put("boardId", boardId).put("clientId", clientId).put("seq", ++seq)
      .put("baseRev", lastRev).put("ops", new JsonArray(List.of((Object[]) ops)));
    try {
      long rev = bus.call(Addresses.SUBMIT, body).getLong("rev");
      acknowledged.add(rev);
      acceptedBytes += body.getJsonArray("ops").encode().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
      acceptedOps += ops.length;
      for (JsonObject op : ops) {
        if ("create".equals(op.getString("type"))) {
          created.add(op.getString("id"));
        }
      }
      lastRev = Math.max(lastRev, rev);
      return rev;
    } catch (BusClient.Failure f) {
      refused.add(name + " " + what + ": " + f.getMessage());
      return null;
    }
  }

  long mirroredRev() {
    synchronized (mirror) {
      return mirror.rev();
    }
  }

  Map<String, Object> mirroredState() {
    synchronized (mirror) {
      return mirror.state().toMap();
    }
  }

  /** The board as this person is shown it by the server now: a fresh join with their own seat, on a new socket. */
  JsonObject freshView(TestServer server) {
    BusClient probe = server.bus();
    try {
      return probe.call(Addresses.JOIN, new JsonObject().put("boardId", boardId).put("token", token)
        .put("seat", seat).put("clientId", clientId));
    } finally {
      probe.close();
    }
  }

  void close() {
    bus.close();
  }
}
