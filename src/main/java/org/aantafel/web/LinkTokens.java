package org.aantafel.web;

import org.aantafel.store.AccessTokens;
import org.aantafel.store.BoardStore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fresh link tokens for some grants: the tokens themselves, which exist only in the answer that hands them out, and
 * the hashes that the store keeps.
 */
record LinkTokens(Map<String, String> tokens, List<BoardStore.Access> access) {

  static LinkTokens fresh(List<String> grants) {
    Map<String, String> tokens = new LinkedHashMap<>();
    List<BoardStore.Access> access = new ArrayList<>();
    for (String grant : grants) {
      String token = AccessTokens.newToken();
      tokens.put(grant, token);
      access.add(new BoardStore.Access(AccessTokens.hash(token), grant));
    }
    return new LinkTokens(Map.copyOf(tokens), List.copyOf(access));
  }

  String token(String grant) {
    return tokens.get(grant);
  }
}
