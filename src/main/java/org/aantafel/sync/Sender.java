package org.aantafel.sync;

import io.vertx.core.eventbus.Message;

/**
 * Who sent a message, as the bridge (socket, seat) and the router (node) stamped it; never what the client claimed.
 *
 * @param grant         the link the socket joined with, or null if it has not joined this board
 * @param participantId the seat's participant, or null for a socket that watches
 * @param link          the hash of the link's token it joined with, or null
 */
record Sender(String socketId, String nodeId, String grant, String participantId, String link) {

  static Sender of(Message<?> message) {
    return new Sender(message.headers().get(Addresses.H_SOCKET), message.headers().get(Addresses.H_NODE),
      message.headers().get(Addresses.H_GRANT), message.headers().get(Addresses.H_PARTICIPANT),
      message.headers().get(Addresses.H_LINK));
  }

  /** A socket the bridge seated at the board, whether with a name or only watching. */
  boolean seated() {
    return socketId != null && grant != null;
  }
}
