package org.aantafel.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What one socket may send into the bridge, decided for every raw SockJS frame when it arrives and before the bridge
 * reads it: a budget of frames and of bytes, the frame's envelope (a JSON object whose type is one the bridge knows,
 * whose address, reply address and headers have the shape the bridge expects), and how many requests may wait for an
 * answer at once. Vert.x's bridge logs a frame of an unknown type with the type itself, and logs every frame past its
 * handler limit; so nothing reaches it that it would log. One per socket, on the socket's event loop.
 */
final class FrameGuard {
  enum Verdict { PASS, OVER_BUDGET, MALFORMED, TOO_MANY_WAITING }

  /** Twice the agent's budget for requests, so that a browser hears the agent's 429 on its request first. */
  static final int FRAMES_PER_SECOND = 60;
  static final int FRAME_BURST = 120;
  /**
   * What the agent's own limits let through (30 requests a second of 64 KiB) and a little more; the budget is for
   * frames beyond those, up to the 1 MiB a transport takes, which would otherwise each be read in full.
   */
  static final int BYTES_PER_SECOND = 2 * 1024 * 1024;
  static final int BYTE_BURST = 4 * 1024 * 1024;
  /** Below the bridge's 64 handlers per socket, which also count the requests that wait for an answer. */
  static final int MAX_WAITING = 32;
  /** The bridge answers every request within its reply timeout (20 s); a label nobody answered is forgotten after. */
  private static final long WAITING_MILLIS = 30_000;
  private static final int MAX_ADDRESS = 100;
  private static final Set<String> TYPES = Set.of("ping", "send", "publish", "register", "unregister");

  private final RateLimit frames = new RateLimit(FRAMES_PER_SECOND, FRAME_BURST);
  private final RateLimit bytes = new RateLimit(BYTES_PER_SECOND, BYTE_BURST);
  private final Map<String, Long> waiting = new LinkedHashMap<>();

  /** Counts the frame against the socket's budget, whatever it turns out to be. */
  Verdict inspect(Buffer data) {
    boolean withinFrames = frames.tryTake();
    if (!bytes.tryTake(data.length()) || !withinFrames) {
      return Verdict.OVER_BUDGET;
    }
    JsonObject frame;
    try {
      frame = new JsonObject(data);
    } catch (RuntimeException notAnObject) {
      return Verdict.MALFORMED;
    }
    if (!(frame.getValue("type") instanceof String type) || !TYPES.contains(type)) {
      return Verdict.MALFORMED;
    }
    if (type.equals("ping")) {
      return Verdict.PASS;
    }
    Object replyAddress = frame.getValue("replyAddress");
    Object headers = frame.getValue("headers");
    if (!(frame.getValue("address") instanceof String address) || address.isEmpty()
      || address.length() > MAX_ADDRESS || replyAddress != null && !(replyAddress instanceof String)
      || headers != null && !(headers instanceof JsonObject)) {
      return Verdict.MALFORMED;
    }
    return replyAddress instanceof String label && type.equals("send") && !expectAnswer(label)
      ? Verdict.TOO_MANY_WAITING : Verdict.PASS;
  }

  /** The request with this reply address has its answer (or failure); whatever else the address is, it is ignored. */
  void answered(String replyAddress) {
    if (replyAddress != null) {
      waiting.remove(replyAddress);
    }
  }

  private boolean expectAnswer(String label) {
    long now = System.currentTimeMillis();
    for (Iterator<Long> since = waiting.values().iterator(); since.hasNext(); ) {
      if (since.next() >= now - WAITING_MILLIS) {
        break;
      }
      since.remove();
    }
    if (!waiting.containsKey(label) && waiting.size() >= MAX_WAITING) {
      return false;
    }
    waiting.put(label, now);
    return true;
  }
}
