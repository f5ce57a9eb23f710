package org.aantafel.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A participant is one browser tab at one board. Deriving the id from the tab's clientId keeps a person the same
 * participant across reconnects and hub reloads without storing a mapping, and never reveals the clientId itself.
 */
final class ParticipantIds {

  static String of(String boardId, String clientId) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
        .digest((boardId + "/" + clientId).getBytes(StandardCharsets.UTF_8));
      return "p" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 15);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private ParticipantIds() {
  }
}
