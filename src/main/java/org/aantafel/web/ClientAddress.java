package org.aantafel.web;

import io.vertx.core.MultiMap;
import io.vertx.core.net.SocketAddress;

/**
 * Who a request or a socket comes from, for limits counted per client: the TCP peer, unless configured to sit behind
 * a proxy: then the last X-Forwarded-For entry, the one that proxy added. Earlier entries come from the client and
 * could be anything.
 */
final class ClientAddress {
  /** Longer than any IPv6 address in text; a longer forwarded value is cut, not trusted to be short. */
  private static final int MAX_ADDRESS = 64;

  static String of(boolean trustForwardedFor, MultiMap headers, SocketAddress peer) {
    String forwarded = trustForwardedFor && headers != null ? headers.get("X-Forwarded-For") : null;
    if (forwarded != null && !forwarded.isBlank()) {
      String last = forwarded.substring(forwarded.lastIndexOf(',') + 1).strip();
      return last.length() > MAX_ADDRESS ? last.substring(0, MAX_ADDRESS) : last;
    }
    return peer == null ? "" : peer.hostAddress();
  }

  private ClientAddress() {
  }
}
