package org.aantafel.sync;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who is at the table: everyone who ever joined this board (so the absent are visible too), whether they are online
 * now, and which field they are in. One person may be online on several sockets (a phone and a laptop).
 */
final class Presence {
  private final Map<String, JsonObject> participants = new LinkedHashMap<>();
  private final Map<String, String> participantBySocket = new HashMap<>();
  private final Map<String, JsonObject> focusBySocket = new HashMap<>();

  void remember(String participantId, String name, String role) {
    participants.put(participantId, new JsonObject()
      .put("participantId", participantId).put("name", name).put("role", role));
  }

  /** Name and role as the participant gave them when joining; empty strings for someone never seated. */
  String name(String participantId) {
    JsonObject p = participants.get(participantId);
    return p == null || p.getString("name") == null ? "" : p.getString("name");
  }

  String role(String participantId) {
    JsonObject p = participants.get(participantId);
    return p == null || p.getString("role") == null ? "" : p.getString("role");
  }

  boolean knows(String participantId) {
    return participants.containsKey(participantId);
  }

  void connect(String socketId, String participantId) {
    participantBySocket.put(socketId, participantId);
  }

  /** @return whether anything visible changed */
  boolean disconnect(String socketId) {
    focusBySocket.remove(socketId);
    return participantBySocket.remove(socketId) != null;
  }

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
    return !participantBySocket.isEmpty();
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
    participants.forEach((id, p) -> list.add(p.copy()
      .put("online", sockets.containsKey(id))
      .put("focus", focus.get(id))));
    return new JsonObject().put("participants", list);
  }
}
