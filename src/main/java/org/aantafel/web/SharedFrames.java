package org.aantafel.web;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import org.aantafel.sync.Addresses;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bridge's frame of a message published to a board, built once for all sockets of one event loop that receive
 * it. A published message arrives once per socket, each time with the same text ({@code BoardPublications}), and
 * the deliveries of one publish follow each other on the loop, so remembering the last few frames is enough. The key
 * is the text's value, not its identity: a message from another node of a cluster arrives as equal but distinct
 * strings, which still share one frame. Not thread-safe: one per event loop, like the sockets it writes to.
 */
final class SharedFrames {
  /** A few publishes of other boards can land between the deliveries of one; more only holds on to old frames. */
  static final int REMEMBERED = 16;

  record Frame(String text, int bytes) {
    static Frame of(String text) {
      return new Frame(text, text.getBytes(StandardCharsets.UTF_8).length);
    }
  }

  private record Key(String address, String body) {}

  private final Map<Key, Frame> frames = new LinkedHashMap<>(REMEMBERED * 2, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, Frame> eldest) {
      return size() > REMEMBERED;
    }
  };

  /**
   * The frame for an envelope of the bridge whose body is text published to a board and that carries nothing else a
   * browser could need (no reply address, no headers); empty for any other, which is written as it is.
   */
  java.util.Optional<Frame> of(JsonObject envelope) {
    if (envelope.size() != 3 || !(envelope.getValue("body") instanceof String body)
      || !(envelope.getValue("address") instanceof String address) || !Addresses.carriesText(address)
      || !"rec".equals(envelope.getValue("type"))) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(frames.computeIfAbsent(new Key(address, body), SharedFrames::build));
  }

  private static Frame build(Key key) {
    // The same text JsonObject.encode() gives for {type, address, body} with the body as the object it encodes.
    return Frame.of("{\"type\":\"rec\",\"address\":" + Json.encode(key.address()) + ",\"body\":" + key.body() + "}");
  }
}
