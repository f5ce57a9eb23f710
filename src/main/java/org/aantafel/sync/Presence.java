package org.aantafel.sync;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Who is at the table: everyone who took a seat at this board (so the absent are visible too), whether they are
 * online now, and which field they are in; and how many watch without a seat (viewers, the projector, someone who has
 * not given a name yet), counted but never listed, so that a room full of listeners costs a number, not a list.
 * One person may be online on several sockets (a phone and a laptop). Presence follows live sockets only: a socket
 * that said it left is never connected again (its join may still be answered after it closed), and one not heard
 * from within {@link #LEASE_MILLIS} is forgotten, so that ghosts cannot pile up even when a goodbye is lost.
 */
final class Presence {
  /** Browsers beat every 4 s (board-client.js); five missed beats and the socket is taken for gone. */
  static final long LEASE_MILLIS = 20_000;
  /** Sockets that left while their join was still on its way; enough for a flood, the lease covers the rest. */
  private static final int MAX_DEPARTED = 4_096;

  private final Map<String, JsonObject> seated = new LinkedHashMap<>();
  private final Map<String, String> participantBySocket = new HashMap<>();
  private final Set<String> watchingSockets = new HashSet<>();
  private final Map<String, JsonObject> focusBySocket = new HashMap<>();
  /** Where each socket is held, so the sockets of a node that died can be forgotten (they never say goodbye). */
  private final Map<String, String> nodeBySocket = new HashMap<>();
  private final Map<String, Long> heardAtBySocket = new HashMap<>();
  private final Set<String> departed = java.util.Collections.newSetFromMap(new LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
      return size() > MAX_DEPARTED;
    }
  });
  private final java.util.function.LongSupplier clock;

  Presence() {
    this(System::currentTimeMillis);
  }

  Presence(java.util.function.LongSupplier clock) {
    this.clock = clock;
  }

  void remember(String participantId, String name, String role) {
    seated.put(participantId, new JsonObject()
      .put("participantId", participantId).put("name", name).put("role", role));
  }

  /** Name and role as the participant gave them when joining; empty strings for someone never seated. */
  String name(String participantId) {
    JsonObject p = seated.get(participantId);
    return p == null || p.getString("name") == null ? "" : p.getString("name");
  }

  String role(String participantId) {
    JsonObject p = seated.get(participantId);
    return p == null || p.getString("role") == null ? "" : p.getString("role");
  }

  /** The name as this hub last heard it, which may be newer than what the store had when it was loaded. */
  java.util.Optional<String> knownName(String participantId) {
    return java.util.Optional.ofNullable(seated.get(participantId)).map(p -> p.getString("name"));
  }

  java.util.Optional<String> knownRole(String participantId) {
    return java.util.Optional.ofNullable(seated.get(participantId)).map(p -> p.getString("role"));
  }

  int seats() {
    return seated.size();
  }

  int online() {
    return participantBySocket.size() + watchingSockets.size();
  }

  boolean connected(String socketId) {
    return participantBySocket.containsKey(socketId) || watchingSockets.contains(socketId);
  }

  /**
   * @param participantId the seat's participant, or null for a socket that only watches
   * @param nodeId        the node that holds the socket, or null where there is only one
   */
  void connect(String socketId, String participantId, String nodeId) {
    if (departed.contains(socketId)) {
      return;
    }
    heardAtBySocket.put(socketId, clock.getAsLong());
    if (nodeId != null) {
      nodeBySocket.put(socketId, nodeId);
    }
    if (participantId == null) {
      participantBySocket.remove(socketId);
      focusBySocket.remove(socketId);
      watchingSockets.add(socketId);
    } else {
      watchingSockets.remove(socketId);
      participantBySocket.put(socketId, participantId);
    }
  }

  /** @return whether anything visible changed */
  boolean disconnect(String socketId) {
    departed.add(socketId);
    return forget(socketId);
  }

  /** The socket was heard from: its lease starts again. */
  void heard(String socketId) {
    heardAtBySocket.computeIfPresent(socketId, (s, at) -> clock.getAsLong());
  }

  /** @return whether anything visible changed */
  boolean expireSilent() {
    long before = clock.getAsLong() - LEASE_MILLIS;
    boolean changed = false;
    for (String socketId : heardAtBySocket.entrySet().stream().filter(e -> e.getValue() < before)
      .map(Map.Entry::getKey).toList()) {
      changed |= forget(socketId);
    }
    return changed;
  }

  /** Not departed: a live socket forgotten by its lease comes back with its next heartbeat. */
  private boolean forget(String socketId) {
    focusBySocket.remove(socketId);
    nodeBySocket.remove(socketId);
    heardAtBySocket.remove(socketId);
    return participantBySocket.remove(socketId) != null | watchingSockets.remove(socketId);
  }

  /** The participant a socket is seated as, or null. */
  String participantOf(String socketId) {
    return socketId == null ? null : participantBySocket.get(socketId);
  }

  /** A seat taken back: the person is no longer at the table, and their sockets no longer count. */
  void removeSeat(String participantId) {
    seated.remove(participantId);
    participantBySocket.entrySet().stream().filter(e -> participantId.equals(e.getValue())).map(Map.Entry::getKey)
      .toList().forEach(this::disconnect);
  }

  /** @return whether anything visible changed */
  boolean disconnectNode(String nodeId) {
    boolean changed = false;
    for (String socketId : nodeBySocket.entrySet().stream().filter(e -> nodeId.equals(e.getValue()))
      .map(Map.Entry::getKey).toList()) {
      changed |= disconnect(socketId);
    }
    return changed;
  }

  /** Only seated people show where they type; a watcher's focus is nobody's business and is ignored. */
  boolean focus(String socketId, JsonObject focus) {
    if (!participantBySocket.containsKey(socketId)) {
      return false;
    }
    if (focus == null) {
      return focusBySocket.remove(socketId) != null;
    }
    return !focus.equals(focusBySocket.put(socketId, focus));
  }

  boolean anyoneOnline() {
    return online() > 0;
  }

  JsonObject snapshot() {
    Map<String, Integer> sockets = new HashMap<>();
    Map<String, JsonObject> focus = new HashMap<>();
    participantBySocket.forEach((socket, participant) -> {
      sockets.merge(participant, 1, Integer::sum);
      JsonObject f = focusBySocket.get(socket);
      if (f != null) {
        focus.put(participant, f);
      }
    });
    JsonArray list = new JsonArray();
    seated.forEach((id, p) -> list.add(p.copy()
      .put("online", sockets.containsKey(id))
      .put("focus", focus.get(id))));
    return new JsonObject().put("participants", list).put("watching", watchingSockets.size());
  }
}
