package org.aantafel.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.aantafel.sync.Addresses;
import org.aantafel.testsupport.BusClient;
import org.aantafel.testsupport.TestServer;
import org.aantafel.testsupport.TestServer.CreatedBoard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One seeded run of the hostile-client fuzzer: a meeting of a facilitator and two seated participants (the victims)
 * goes on as normal while hostile sockets, with every grant there is, send a seeded sequence of frames at it. What
 * the run did is kept for {@link FuzzInvariants} to check. The seed fixes every decision; only the interleaving of
 * the server's threads varies from run to run.
 */
final class HostileClientFuzz {
  /** The grants the hostile sockets come with (the victims' own seats are the legitimate members). */
  static final List<String> GRANTS = List.of("viewer", "projector", "participant-link", "other-seat",
    "other-facilitator", "no-link", "raw");

  final TestServer server;
  final long seed;
  final int steps;
  final HostileInput in;
  final CreatedBoard board;
  final CreatedBoard untouched;
  final CreatedBoard hostilesOwn;
  /** The hostile facilitator's boards: one more than a socket may sit at. */
  final List<CreatedBoard> hostileBoards = new ArrayList<>();
  TableMember facilitator;
  final List<TableMember> victims = new ArrayList<>();
  /** Per-person entities of the victims: id -> (owner's participantId, the fields as their owner last set them). */
  final Map<String, Map<String, Object>> ownedFields = new LinkedHashMap<>();
  final Map<String, String> ownerOf = new HashMap<>();
  /** Ids a hostile aims at: everything on the board, the victims' per-person ids before and after they exist. */
  final List<String> targets = new ArrayList<>();
  final List<FuzzSocket> sockets = new ArrayList<>();
  private final Map<String, FuzzSocket> live = new LinkedHashMap<>();
  private final Map<String, String> mallorySeat = new HashMap<>();
  /** Steps at which a victim does something that was scheduled earlier (answers a new poll, checks the goal). */
  private final TreeMap<Integer, List<Runnable>> scheduled = new TreeMap<>();
  JsonObject untouchedBefore;
  long initialStateBytes;
  final FuzzInvariants invariants;
  int framesSent;

  HostileClientFuzz(TestServer server, long seed, int steps) {
    this.server = server;
    this.seed = seed;
    this.steps = steps;
    this.in = new HostileInput(seed);
    this.board = server.createBoard("Fuzz " + seed);
    this.untouched = server.createBoard("Untouched " + seed);
    this.hostilesOwn = server.createBoard("Hostile's own " + seed);
    hostileBoards.add(hostilesOwn);
    for (int i = 1; i <= ConnectionAgent.MAX_BOARDS_PER_SOCKET; i++) {
      hostileBoards.add(server.createBoard("Hostile's own " + seed + "-" + i));
    }
    this.invariants = new FuzzInvariants(this);
  }

  /** The meeting as it stands when the hostile sockets arrive. */
  void setUp() {
    TableMember other = TableMember.join(server, untouched, "facilitator", "Olga");
    other.submit("a point on the other board", create("b-item", "agendaItem", new JsonObject().put("title", "B")
      .put("order", "a0")));
    other.close();
    untouchedBefore = invariants.state(untouched);

    facilitator = TableMember.join(server, board, "facilitator", "Fenna");
    victims.add(TableMember.join(server, board, "participant", "Vera"));
    victims.add(TableMember.join(server, board, "participant", "Victor"));
    facilitator.submit("the meeting's items",
      create("item1", "agendaItem", new JsonObject().put("title", "Reading").put("order", "a0")),
      create("action1", "action", new JsonObject().put("what", "Call").put("order", "a0")),
      poll("poll1"), create("q1", "question", new JsonObject().put("text", "Why?").put("order", "a0")));
    targets.addAll(List.of("item1", "action1", "poll1", "q1", "poll2", "q2", "board", "b-item"));
    for (TableMember v : victims) {
      String pid = v.participantId;
      targets.addAll(List.of("checkin." + pid, "ag-" + pid, "answer.poll1." + pid, "vote.q1." + pid, "goalCheck." + pid,
        "answer.poll2." + pid, "vote.q2." + pid, pid));
      own(v, "checkin." + pid, "checkin", Map.of("text", "Ik ben er"));
      v.submit("an agreement", create("ag-" + pid, "agreement", new JsonObject().put("text", "Samen").put("order",
        "a0")));
      own(v, "answer.poll1." + pid, "pollAnswer", Map.of("poll", "poll1", "choice", 0));
      own(v, "vote.q1." + pid, "vote", Map.of("question", "q1"));
      int goalAt = steps / 2 + in.random.nextInt(Math.max(1, steps * 2 / 5));
      schedule(goalAt, () -> own(v, "goalCheck." + pid, "goalCheck", Map.of("verdict", "met")));
    }
    schedule(steps / 3, this::askAgain);
    scheduleEveryAttackOfEveryGrant();
    schedule(1 + in.random.nextInt(steps), this::floodTheLog);
    schedule(1 + in.random.nextInt(steps), this::deleteSharedItems);
    initialStateBytes = invariants.state(board).getJsonObject("state").encode().length();
    for (String grant : GRANTS) {
      connect(grant, 0);
    }
  }

  /** Plays every step; the invariants are checked every few steps and at the end. */
  void play() {
    for (int step = 1; step <= steps; step++) {
      hostileStep(step);
      if (in.chance(0.25)) {
        legitimateStep();
      }
      List<Runnable> due = scheduled.remove(step);
      if (due != null) {
        due.forEach(Runnable::run);
      }
      if (step % 25 == 0) {
        invariants.checkDuring(step);
      }
    }
    scheduled.values().forEach(due -> due.forEach(Runnable::run));
    invariants.checkDuring(steps);
  }

  // --- the legitimate meeting ---

  /** A second poll and question in the middle of the meeting; each victim answers and votes a little later. */
  private void askAgain() {
    facilitator.submit("a second poll and question", poll("poll2"),
      create("q2", "question", new JsonObject().put("text", "And now?").put("order", "a1")));
    for (TableMember v : victims) {
      int at = currentStep + 1 + in.random.nextInt(20);
      schedule(at, () -> own(v, "answer.poll2." + v.participantId, "pollAnswer", Map.of("poll", "poll2", "choice",
        1)));
      schedule(at + in.random.nextInt(5), () -> own(v, "vote.q2." + v.participantId, "vote", Map.of("question",
        "q2")));
    }
  }

  private void legitimateStep() {
    TableMember v = in.pick(victims);
    String pid = v.participantId;
    switch (in.random.nextInt(5)) {
      case 0 -> change(v, "answer.poll1." + pid, "choice", in.random.nextInt(2));
      case 1 -> change(v, "vote.q1." + pid, "withdrawn", in.random.nextBoolean());
      case 2 -> {
        String before = (String) ownedFields.get("checkin." + pid).get("text");
        String after = "Ik ben er " + in.random.nextInt(100);
        if (v.submit("rewrite the check-in", new JsonObject().put("type", "text").put("id", "checkin." + pid)
          .put("field", "text").put("edit", new JsonArray().add(-before.length()).add(after))) != null) {
          ownedFields.get("checkin." + pid).put("text", after);
        }
      }
      case 3 -> {
        if (ownedFields.containsKey("goalCheck." + pid)) {
          change(v, "goalCheck." + pid, "verdict", in.pick(List.of("met", "partly", "not")));
        } else {
          v.submit("a point", create("p-" + pid + "-" + currentStep, "agendaItem", new JsonObject()
            .put("title", "Punt").put("order", "a0")));
        }
      }
      default -> facilitator.submit("the item's status", new JsonObject().put("type", "set").put("id", "item1")
        .put("field", "status").put("value", in.pick(List.of("open", "done"))));
    }
  }

  /** A victim creates one of their own per-person entities; the test remembers what it holds. */
  private void own(TableMember v, String id, String kind, Map<String, Object> fields) {
    JsonObject sent = new JsonObject(new HashMap<>(fields));
    if (v.submit("create its " + kind, create(id, kind, sent)) != null) {
      Map<String, Object> expected = new HashMap<>(fields);
      expected.put("participantId", v.participantId);
      ownedFields.put(id, expected);
      ownerOf.put(id, v.name);
    }
  }

  private void change(TableMember v, String id, String field, Object value) {
    if (ownedFields.containsKey(id) && v.submit("set its " + field, new JsonObject().put("type", "set")
      .put("id", id).put("field", field).put("value", value)) != null) {
      ownedFields.get(id).put(field, value);
    }
  }

  private void schedule(int step, Runnable action) {
    scheduled.computeIfAbsent(step, s -> new ArrayList<>()).add(action);
  }

  // --- the hostile sockets ---

  private int currentStep;

  private void hostileStep(int step) {
    hostileStep(step, in.pick(GRANTS), in.random.nextInt(100));
  }

  /**
   * Besides the random steps, every grant tries every class of attack at least once per run, at a step of the seed's
   * choosing: the rolls below are the lower bounds of each class in {@link #hostileStep(int, String, int)}.
   */
  private void scheduleEveryAttackOfEveryGrant() {
    for (String grant : GRANTS) {
      for (int roll : new int[] {0, 12, 30, 42, 52, 58, 62, 70, 80, 85, 92}) {
        int at = 1 + in.random.nextInt(steps);
        schedule(at, () -> hostileStep(at, grant, roll));
      }
    }
  }

  private void hostileStep(int step, String grant, int roll) {
    currentStep = step;
    FuzzSocket socket = live.get(grant);
    if (socket.isClosed()) {
      socket = connect(grant, step);
    }
    if (grant.equals("raw") || roll < 12) {
      rawFrame(socket, step);
    } else if (roll < 30) {
      socket.send(step, sendFrame(Addresses.SUBMIT, submitBody(grant), in.goodLabel()), grant + " submits");
    } else if (roll < 42) {
      socket.send(step, sendFrame(Addresses.SUBMIT, submitBody(grant).put("boardId", board.id())
        .put("ops", new JsonArray().add(aimedAtVictims())), in.goodLabel()), grant + " changes a victim's entity");
    } else if (roll < 52) {
      socket.send(step, sendFrame(Addresses.JOIN, joinBody(grant), in.chance(0.85) ? in.goodLabel() : in.label()),
        grant + " joins");
    } else if (roll < 58) {
      joinBurst(socket, grant, step);
    } else if (roll < 62) {
      socket.send(step, sendFrame(Addresses.SUBMIT, submitBody(grant).put("ops", in.churn(50)), in.goodLabel()),
        grant + " churns");
    } else if (roll < 70) {
      squat(socket, grant, step);
    } else if (roll < 80) {
      socket.send(step, sendFrame(in.chance(0.5) ? Addresses.PRESENCE : Addresses.PING, new JsonObject()
        .put("boardId", boardIdFor()).put("focus", in.chance(0.3) ? new JsonObject().put("id", "item1")
          .put("field", "notes") : in.anyValue()), in.chance(0.7) ? in.label() : null),
        grant + " presence or ping");
    } else if (roll < 85) {
      socket.sendRaw(step, new JsonObject().put("type", "register").put("address", in.pick(List.of(
        Addresses.ops(board.id()), Addresses.ops(untouched.id()), Addresses.presence(untouched.id()),
        "board." + in.text() + ".ops", Addresses.hub(board.id())))).encode(), null, grant + " registers");
    } else if (roll < 92) {
      // Closes mid-request: a join or submit, and the socket gone before any answer can come.
      JsonObject frame = sendFrame(in.chance(0.5) ? Addresses.JOIN : Addresses.SUBMIT,
        in.chance(0.5) ? joinBody(grant) : submitBody(grant), in.goodLabel());
      socket.bus.sendRaw(frame.encode());
      framesSent++;
      socket.closeMidRequest();
      connect(grant, step);
    } else {
      outOfOrder(grant, step);
    }
    framesSent++;
  }

  /** A fresh socket that submits, registers and catches up before it has joined, then joins from the future. */
  private void outOfOrder(String grant, int step) {
    FuzzSocket fresh = open(grant);
    fresh.send(step, sendFrame(Addresses.SUBMIT, submitBody(grant), in.goodLabel()), grant + " submits unjoined");
    fresh.sendRaw(step, new JsonObject().put("type", "register").put("address", Addresses.ops(board.id())).encode(),
      null, grant + " registers unjoined");
    fresh.expectRefusal();
    fresh.send(step, sendFrame(Addresses.JOIN, joinBody(grant).put("sinceRev", in.number(1_000_000)),
      in.goodLabel()), grant + " joins from the future");
    fresh.closeMidRequest();
    framesSent += 3;
  }

  /** Several joins in one write, to this board, the untouched one, and boards that do not exist, some on one label. */
  private void joinBurst(FuzzSocket socket, String grant, int step) {
    List<JsonObject> frames = new ArrayList<>();
    String shared = in.goodLabel();
    int n = 3 + in.random.nextInt(8);
    boolean ownBoards = grant.equals("other-facilitator");
    if (ownBoards) {
      // On a socket of its own, whose message budget is whole: the burst is not cut short by the rate limit.
      socket = open(grant);
      n = 8;
    }
    for (int i = 0; i < n; i++) {
      JsonObject body = joinBody(grant);
      if (ownBoards) {
        // Boards it may open, one past the limit of boards a socket sits at, all in one write.
        CreatedBoard own = hostileBoards.get(i % hostileBoards.size());
        body = new JsonObject().put("boardId", own.id()).put("token", own.token("facilitator"))
          .put("clientId", clientIdFor(grant));
      } else if (in.chance(0.4)) {
        body.put("boardId", in.pick(List.of(untouched.id(), hostilesOwn.id(), in.marker + i)));
      }
      frames.add(sendFrame(Addresses.JOIN, body, !ownBoards && in.chance(0.2) ? shared : in.goodLabel()));
    }
    socket.burst(step, frames, grant + " bursts " + n + " joins");
    framesSent += n - 1;
  }

  /**
   * Claims the victims' per-person ids first, as another kind, and mostly deletes them again (a tombstone keeps the
   * id): their own goal check, answer and vote must still work when they come to them.
   */
  private void squat(FuzzSocket socket, String grant, int step) {
    JsonArray ops = new JsonArray();
    for (TableMember v : victims) {
      for (String prefix : List.of("goalCheck.", "answer.poll2.", "vote.q2.")) {
        String id = prefix + v.participantId;
        if (ownedFields.containsKey(id)) {
          continue;
        }
        String kind = in.pick(List.of("agendaItem", "agreement", "checkin", "action"));
        JsonObject fields = switch (kind) {
          case "agendaItem" -> new JsonObject().put("title", in.marker).put("order", "a0");
          case "agreement" -> new JsonObject().put("text", in.marker).put("order", "a0");
          case "action" -> new JsonObject().put("what", in.marker).put("order", "a0");
          default -> new JsonObject().put("text", in.marker);
        };
        ops.add(create(id, kind, fields));
        if (in.chance(0.7)) {
          ops.add(new JsonObject().put("type", "delete").put("id", id));
        }
      }
    }
    if (!ops.isEmpty()) {
      socket.send(step, sendFrame(Addresses.SUBMIT, submitBody(grant).put("boardId", board.id()).put("ops", ops),
        in.goodLabel()), grant + " squats the victims' ids");
    }
  }

  /** A well-formed op on one of the victims' own entities, or a hard delete of a shared one. */
  private JsonObject aimedAtVictims() {
    TableMember v = in.pick(victims);
    String pid = v.participantId;
    JsonObject set = new JsonObject().put("type", "set");
    return switch (in.random.nextInt(9)) {
      case 0 -> set.put("id", "answer.poll1." + pid).put("field", "choice").put("value", 1);
      case 1 -> set.put("id", "vote.q1." + pid).put("field", "withdrawn").put("value", true);
      case 2 -> set.put("id", "goalCheck." + pid).put("field", "verdict").put("value", "not");
      case 3 -> new JsonObject().put("type", "text").put("id", "checkin." + pid).put("field", "text")
        .put("edit", new JsonArray().add(in.marker));
      case 4 -> set.put("id", "checkin." + pid).put("field", "participantId").put("value", in.marker);
      case 5 -> set.put("id", "ag-" + pid).put("field", "removedBy").put("value", pid);
      case 6 -> new JsonObject().put("type", "delete").put("id", "action1");
      default -> new JsonObject().put("type", "delete").put("id", in.pick(List.of("checkin.", "ag-", "answer.poll1.",
        "vote.q1.", "goalCheck.")) + pid);
    };
  }

  /**
   * The seated hostile deletes a victim's agreement and the facilitator's action outright, each on its own, as a raw
   * frame can where the screen only offers "remove, with undo" (attack 15 of issue 17); and removes another agreement
   * softly, which is allowed and must name who did it.
   */
  private void deleteSharedItems() {
    // A socket and device id of its own: the random steps may have spoiled the usual one's sequence numbers.
    FuzzSocket socket = open("other-seat");
    String clientId = clientIdFor("other-seat") + "-2";
    BusClient.outcome(socket.bus.request(Addresses.JOIN, new JsonObject().put("boardId", board.id())
      .put("token", board.token("participant")).put("seat", mallorySeat.get("seat")).put("clientId", clientId)));
    List<JsonObject> ops = List.of(new JsonObject().put("type", "delete").put("id", "ag-" + victims.get(0).participantId),
      new JsonObject().put("type", "delete").put("id", "action1"), new JsonObject().put("type", "set")
        .put("id", "ag-" + victims.get(1).participantId).put("field", "removed").put("value", true));
    long seq = 0;
    for (JsonObject op : ops) {
      socket.send(currentStep, sendFrame(Addresses.SUBMIT, new JsonObject().put("boardId", board.id())
        .put("clientId", clientId).put("seq", ++seq).put("baseRev", 0L).put("ops", new JsonArray().add(op)),
        in.goodLabel()), "other-seat removes " + op.encode());
      framesSent++;
    }
  }

  /** One frame whose type is 300 KB: a server that logs what it refuses writes it all (attack 10 of issue 17). */
  private void floodTheLog() {
    FuzzSocket socket = live.get("raw");
    if (socket.isClosed()) {
      socket = connect("raw", currentStep);
    }
    socket.sendRaw(currentStep, new JsonObject().put("type", in.marker.repeat(300_000 / in.marker.length()))
      .put("address", Addresses.JOIN).put("body", new JsonObject()).encode(), null, "a 300 KB frame type");
    socket.expectRefusal();
    framesSent++;
  }

  /** A frame of any shape: wrong types, control characters in type and address, headers, no JSON at all. */
  private void rawFrame(FuzzSocket socket, int step) {
    switch (in.random.nextInt(8)) {
      case 0 -> {
        socket.sendRaw(step, new JsonObject().put("type", in.text()).put("address", Addresses.JOIN)
          .put("body", joinBody("no-link")).encode(), null, "a frame type with control characters");
        socket.expectRefusal();
      }
      case 1 -> socket.send(step, sendFrame(in.text(), new JsonObject().put("boardId", board.id()), in.goodLabel()),
        "an unknown address with control characters");
      case 2 -> socket.send(step, sendFrame(in.pick(List.of(Addresses.JOIN, Addresses.SUBMIT)), submitBody("no-link"),
        in.label()), "a reply label of any shape");
      case 3 -> socket.send(step, sendFrame(Addresses.SUBMIT, submitBody("no-link"), in.goodLabel()).put("headers",
        new JsonObject().put(Addresses.H_GRANT, "facilitator").put(Addresses.H_PARTICIPANT, victims.get(0)
          .participantId).put(Addresses.H_CLIENT, victims.get(0).clientId)), "headers that claim a seat");
      case 4 -> socket.send(step, new JsonObject().put("type", "send").put("address", in.pick(List.of(
        Addresses.JOIN, Addresses.SUBMIT, Addresses.PING))).put("body", in.anyValue()).put("replyAddress",
        in.goodLabel()), "a body that is no object");
      case 5 -> socket.send(step, new JsonObject().put("type", "publish").put("address", Addresses.ops(board.id()))
        .put("body", new JsonObject().put("rev", 1)), "a publish to the board");
      case 6 -> socket.send(step, sendFrame(Addresses.JOIN, joinBody("no-link").put("name", in.text())
        .put("role", in.text()).put("clientId", in.text()), in.goodLabel()), "a join with hostile strings");
      default -> socket.send(step, sendFrame(Addresses.SUBMIT, submitBody("no-link")
        .put("filler", in.marker.repeat(70_000 / in.marker.length())), in.goodLabel()), "a frame over 64 KiB");
    }
  }

  private JsonObject joinBody(String grant) {
    JsonObject body = new JsonObject().put("boardId", board.id()).put("clientId", clientIdFor(grant));
    switch (grant) {
      case "viewer", "projector" -> body.put("token", board.token(grant));
      case "participant-link" -> body.put("token", board.token("participant"));
      case "other-seat" -> {
        body.put("token", board.token("participant")).put("name", "Mallory " + in.marker);
        if (mallorySeat.containsKey("seat")) {
          body.put("seat", mallorySeat.get("seat"));
        }
      }
      case "other-facilitator" -> body.put("token", hostilesOwn.token("facilitator")).put("name", in.text());
      default -> body.put("token", in.chance(0.5) ? in.text() : board.token("viewer") + in.marker)
        .put("seat", in.id(victims.stream().map(v -> v.participantId).toList()));
    }
    if (in.chance(0.3)) {
      body.put("sinceRev", in.number(0));
    }
    if (in.chance(0.15)) {
      body.put("name", in.text()).put("role", in.chance(0.5) ? "parent" : in.text());
    }
    if (in.chance(0.1)) {
      body.put("clientId", in.pick(victims).clientId);
    }
    return body;
  }

  private JsonObject submitBody(String grant) {
    JsonObject body = new JsonObject().put("boardId", boardIdFor()).put("clientId", clientIdFor(grant))
      .put("seq", in.chance(0.7) ? (Object) (long) (1 + in.random.nextInt(1000)) : in.number(1))
      .put("baseRev", in.chance(0.7) ? (Object) 0L : in.number(0)).put("ops", in.ops(targets));
    if (in.chance(0.05)) {
      body.put("ops", in.anyValue());
    }
    if (in.chance(0.05)) {
      body.put("clientId", in.pick(victims).clientId);
    }
    return body;
  }

  private String boardIdFor() {
    int roll = in.random.nextInt(10);
    return roll < 7 ? board.id() : roll < 8 ? untouched.id() : roll < 9 ? hostilesOwn.id() : in.marker;
  }

  private String clientIdFor(String grant) {
    return "h-" + grant + "-" + in.marker;
  }

  /** A new socket for the grant, joined where its grant lets it join; the hostile facilitator also sits at its own. */
  private FuzzSocket connect(String grant, int step) {
    FuzzSocket socket = open(grant);
    live.put(grant, socket);
    if (grant.equals("raw") || grant.equals("no-link")) {
      return socket;
    }
    if (grant.equals("other-facilitator")) {
      BusClient.outcome(socket.bus.request(Addresses.JOIN, new JsonObject().put("boardId", hostilesOwn.id())
        .put("token", hostilesOwn.token("facilitator")).put("clientId", clientIdFor(grant)).put("name", "Hedda")));
      return socket;
    }
    JsonObject body = new JsonObject().put("boardId", board.id()).put("clientId", clientIdFor(grant))
      .put("token", board.token(grant.equals("viewer") || grant.equals("projector") ? grant : "participant"));
    if (grant.equals("other-seat")) {
      body.put("name", "Mallory " + in.marker).put("role", "parent");
      if (mallorySeat.containsKey("seat")) {
        body.put("seat", mallorySeat.get("seat"));
      }
    }
    try {
      String seat = socket.bus.call(Addresses.JOIN, body).getJsonObject("you").getString("seat");
      if (seat != null) {
        mallorySeat.put("seat", seat);
      }
    } catch (BusClient.Failure refused) {
      // A limit on joins (or on seats) may refuse a hostile socket: it goes on unjoined, as an attacker would.
    }
    framesSent++;
    return socket;
  }

  /** The socket without any link comes over SockJS's xhr-streaming fallback, whose requests take another path in. */
  private FuzzSocket open(String grant) {
    FuzzSocket socket = new FuzzSocket(grant, grant.equals("no-link")
      ? BusClient.await(BusClient.openXhrStreaming(server.vertx, "localhost", server.port())) : server.bus());
    sockets.add(socket);
    return socket;
  }

  void closeHostiles() {
    sockets.forEach(FuzzSocket::close);
  }

  private static JsonObject sendFrame(String address, Object body, String label) {
    JsonObject frame = new JsonObject().put("type", "send").put("address", address).put("body", body);
    return label == null ? frame : frame.put("replyAddress", label);
  }

  private static JsonObject create(String id, String kind, JsonObject fields) {
    return new JsonObject().put("type", "create").put("id", id).put("kind", kind).put("fields", fields);
  }

  private static JsonObject poll(String id) {
    return create(id, "poll", new JsonObject().put("question", "Ja of nee?").put("options", "Ja\nNee")
      .put("order", "a0").put("open", true));
  }
}
