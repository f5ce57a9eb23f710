package org.aantafel.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.aantafel.sync.Addresses;
import org.aantafel.testsupport.BusClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * One hostile socket of {@link HostileClientFuzzTest}: every frame it writes is noted with what the wire contract
 * says must come back (an answer on its reply label, a refusal of the frame, or nothing), and every frame the server
 * sends it is matched against that. It reads the raw SockJS frames itself, so it sees answers to labels the test
 * client never asked for.
 */
final class FuzzSocket {
  /** The addresses a browser may send to (docs/protocol.md); anything else is refused by the bridge. */
  static final Set<String> SENDABLE = Set.of(Addresses.JOIN, Addresses.SUBMIT, Addresses.PRESENCE, Addresses.PING);
  /** A reply label the contract accepts: 1–36 of [A-Za-z0-9-]. */
  private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9-]{1,36}");

  /** A frame that must be answered on its label; what it was is kept for the report. */
  record Waiting(String label, int step, String what, String frame, long sentAtMillis) {}

  final String who;
  final BusClient bus;
  final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
  final Map<String, JsonObject> answers = new ConcurrentHashMap<>();
  /** {"type":"err"} frames without an address: the bridge refused a frame outright. */
  final List<JsonObject> refusals = new CopyOnWriteArrayList<>();
  /** Labels of answered submits, with the ops that were sent: what the board accepted. */
  final Map<String, JsonArray> submittedOps = new ConcurrentHashMap<>();
  /** Boards a join answer seated this socket at, whichever label it came on. */
  final Set<String> boardsJoined = ConcurrentHashMap.newKeySet();
  private int expectedRefusals;
  private volatile boolean closedByUs;

  FuzzSocket(String who, BusClient bus) {
    this.who = who;
    this.bus = bus;
    bus.onTextFrames(this::onSockJsFrame);
  }

  /** Writes one frame of any shape; {@code text} is the frame as sent, {@code parsed} what the contract sees in it. */
  void sendRaw(int step, String text, JsonObject parsed, String what) {
    expect(step, parsed, what);
    bus.sendRaw(text);
  }

  void send(int step, JsonObject frame, String what) {
    sendRaw(step, frame.encode(), frame, what);
  }

  /** Several frames in one write: they reach the server as one SockJS message. */
  void burst(int step, List<JsonObject> frames, String what) {
    List<String> texts = new ArrayList<>();
    Set<String> labels = new java.util.HashSet<>();
    for (JsonObject frame : frames) {
      String label = frame.getValue("replyAddress") instanceof String s ? s : null;
      boolean joinOnWaitingLabel = Addresses.JOIN.equals(frame.getValue("address")) && label != null
        && !labels.add(label);
      if (joinOnWaitingLabel) {
        // The contract refuses a join on a label still waiting for an earlier join of this socket.
        expectedRefusals++;
      } else {
        expect(step, frame, what);
      }
      texts.add(frame.encode());
    }
    bus.sendRawBurst(texts);
  }

  private void expect(int step, JsonObject frame, String what) {
    if (frame == null || !"send".equals(frame.getValue("type"))) {
      // register, garbage types, frames that are no JSON object: the bridge decides; counted by the caller if at all
      return;
    }
    Object address = frame.getValue("address");
    Object label = frame.getValue("replyAddress");
    boolean sendable = address instanceof String a && SENDABLE.contains(a);
    boolean validLabel = label instanceof String l && LABEL.matcher(l).matches();
    if (sendable && validLabel) {
      String text = frame.encode();
      waiting.put((String) label, new Waiting((String) label, step, what,
        text.length() > 400 ? text.substring(0, 400) + "…" : text, System.currentTimeMillis()));
      if (Addresses.SUBMIT.equals(address) && frame.getValue("body") instanceof JsonObject body
        && body.getValue("ops") instanceof JsonArray ops) {
        submittedOps.put((String) label, ops);
      }
    } else if (!(Addresses.PRESENCE.equals(address) && label == null)) {
      // Not a sendable address, or a request without a usable label: the bridge refuses the frame itself.
      expectedRefusals++;
    }
  }

  void expectRefusal() {
    expectedRefusals++;
  }

  int expectedRefusals() {
    return expectedRefusals;
  }

  void closeMidRequest() {
    closedByUs = true;
    bus.closeAsync();
  }

  void close() {
    closedByUs = true;
    BusClient.await(bus.closeAsync().recover(e -> io.vertx.core.Future.succeededFuture()));
  }

  boolean closedByUs() {
    return closedByUs;
  }

  boolean isClosed() {
    return bus.isClosed();
  }

  /** Labels still without an answer. */
  List<Waiting> unanswered() {
    return waiting.values().stream().filter(w -> !answers.containsKey(w.label())).toList();
  }

  private void onSockJsFrame(String text) {
    if (!text.startsWith("a")) {
      return;
    }
    for (Object message : new JsonArray(text.substring(1))) {
      JsonObject frame = new JsonObject((String) message);
      Object address = frame.getValue("address");
      String type = frame.getString("type");
      if ("rec".equals(type) && frame.getValue("body") instanceof JsonObject body
        && body.getValue("you") instanceof JsonObject you && you.getValue("boardId") instanceof String joined) {
        boardsJoined.add(joined);
      }
      if ("err".equals(type) && address == null) {
        refusals.add(frame);
      } else if (address instanceof String label && waiting.containsKey(label)
        && ("rec".equals(type) || "err".equals(type))) {
        answers.putIfAbsent(label, frame);
      }
    }
  }
}
