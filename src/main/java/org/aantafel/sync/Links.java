package org.aantafel.sync;

import org.aantafel.store.AccessTokens;
import org.aantafel.store.BoardStore.Access;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A board's links as its hub holds them: the hashes of their tokens and the grant each gives. Held in memory so that
 * a join's link is checked without a store look-up, before the board's turn (a flood of wrong links then never
 * delays an edit), and so that every later message of a socket is checked against the links as they are now.
 */
final class Links {
  private static final HexFormat HEX = HexFormat.of();

  private final Map<String, String> grantByHash = new HashMap<>();

  Links(List<Access> access) {
    access.forEach(link -> grantByHash.put(HEX.formatHex(link.tokenSha256()), link.grant()));
  }

  /** The hex hash a socket's messages carry for the token it joined with; null for none. */
  static String hashOf(String token) {
    return token == null ? null : AccessTokens.hashHex(token);
  }

  Optional<String> grantOfToken(String token) {
    return grantOfHash(hashOf(token));
  }

  Optional<String> grantOfHash(String hash) {
    return hash == null ? Optional.empty() : Optional.ofNullable(grantByHash.get(hash));
  }

  /** @return the hashes that no longer open the board */
  Set<String> replace(List<Access> access) {
    Map<String, String> before = new HashMap<>(grantByHash);
    grantByHash.values().removeIf(grant -> !"facilitator".equals(grant));
    access.forEach(link -> grantByHash.put(HEX.formatHex(link.tokenSha256()), link.grant()));
    before.keySet().removeAll(grantByHash.keySet());
    return before.keySet();
  }
}
