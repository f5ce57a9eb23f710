package org.aantafel.board;

import java.util.Objects;

/**
 * On whose behalf ops are applied. The bridge vouches for participantId and grant; name and role are what the
 * participant gave when joining, and are stamped onto what they propose.
 */
public record Actor(String participantId, String name, Role role, Grant grant) {

  public Actor {
    Objects.requireNonNull(participantId, "participantId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(grant, "grant");
  }

  /** The participant id of changes the server makes itself (closing, reopening); no browser can join as it. */
  public static final String SERVER_ID = "server:hub";

  public static Actor server(String name) {
    return new Actor(SERVER_ID, name, Role.OTHER, Grant.FACILITATOR);
  }

  boolean isServer() {
    return participantId.equals(SERVER_ID);
  }

  boolean isFacilitator() {
    return grant.atLeast(Grant.FACILITATOR);
  }
}
