package org.aantafel.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.aantafel.sync.Addresses;
import org.aantafel.testsupport.AllLogs;
import org.aantafel.testsupport.BusClient;
import org.aantafel.testsupport.TestServer.CreatedBoard;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.aantafel.testsupport.BusClient.await;

/**
 * What must hold however hostile the sockets of a {@link HostileClientFuzz} run were. Each broken invariant is noted
 * with the step it was first seen at, so that a seed can be replayed up to there.
 */
final class FuzzInvariants {
  static final String PER_PERSON = "per-person-entities-unchanged";
  static final String REMOVED_BY = "no-removal-without-removedBy";
  static final String OTHER_BOARD = "other-board-untouched";
  static final String QUOTA = "state-bytes-within-quota";
  static final String ANSWERED = "every-frame-answered";
  static final String NO_5XX = "no-5xx";
  static final String DOCUMENTED = "only-documented-error-codes";
  static final String LOGS = "nothing-logged-from-raw-input";
  static final String PRESENCE = "presence-follows-live-sockets";
  static final String COMMITTED = "legitimate-edits-committed-and-converged";
  static final String BOARDS_PER_SOCKET = "boards-per-socket-within-limit";
  static final String LOG_VOLUME = "log-volume-bounded";
  static final List<String> ALL = List.of(PER_PERSON, REMOVED_BY, OTHER_BOARD, QUOTA, ANSWERED, NO_5XX, DOCUMENTED,
    LOGS, LOG_VOLUME, PRESENCE, COMMITTED, BOARDS_PER_SOCKET);
  /**
   * What the server may write to its log per hostile frame, on average: a line about a refused frame, not the frame.
   * A log that grows with the bytes a client sends is a disk any stranger can fill.
   */
  static final int LOG_CHARS_PER_FRAME = 128;

  /** docs/protocol.md, "Error codes": what a refused request may answer. */
  private static final Set<Integer> DOCUMENTED_CODES = Set.of(400, 403, 409, 413, 429, 503);
  private static final Set<String> DOCUMENTED_REFUSALS = Set.of("rejected", "access_denied");
  /** BoardBridge's reply timeout: an answer that has not come by then never comes from the hub. */
  private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(20);
  /** What one accepted op may add to the state beyond its own bytes: the fields the server stamps on it. */
  private static final int STAMPS_PER_OP = 400;
  /** Where a memory quota of a board's state in bytes would live; the first static field named *STATE*BYTES* wins. */
  private static final List<String> QUOTA_HOLDERS = List.of("org.aantafel.board.BoardSchema",
    "org.aantafel.board.BoardState", "org.aantafel.sync.BoardHub", "org.aantafel.sync.History",
    "org.aantafel.sync.Snapshots");

  private final HostileClientFuzz run;
  private final Map<String, List<String>> broken = new LinkedHashMap<>();
  private final Set<String> reportedRefusals = new HashSet<>();
  private final Set<String> reported = new HashSet<>();

  FuzzInvariants(HostileClientFuzz run) {
    this.run = run;
  }

  Map<String, List<String>> broken() {
    return broken;
  }

  void fail(String invariant, int step, String detail) {
    List<String> seen = broken.computeIfAbsent(invariant, i -> new ArrayList<>());
    if (seen.size() < 6 && reported.add(invariant + detail)) {
      seen.add("step " + step + ": " + printable(detail));
    }
  }

  /** What can be checked while the meeting goes on. */
  void checkDuring(int step) {
    awaitAnswers(step);
    JsonObject state = state(run.board).getJsonObject("state");
    perPersonEntities(step, state);
    removals(step, state);
    if (!run.untouchedBefore.equals(state(run.untouched))) {
      fail(OTHER_BOARD, step, "the untouched board is now " + state(run.untouched).encode());
    }
    quota(step, state);
    List<TableMember> legit = new ArrayList<>(run.victims);
    legit.add(run.facilitator);
    for (TableMember member : legit) {
      member.refused.forEach(refusal -> fail(COMMITTED, step, "refused: " + refusal));
      member.refused.clear();
    }
  }

  /** What is checked once the hostile sockets are done; they are closed here. */
  void checkEnd(AllLogs logs) {
    for (FuzzSocket socket : run.sockets) {
      if (socket.boardsJoined.size() > ConnectionAgent.MAX_BOARDS_PER_SOCKET) {
        fail(BOARDS_PER_SOCKET, run.steps, socket.who + " sits at " + socket.boardsJoined.size() + " boards");
      }
      if (!socket.isClosed() && socket.refusals.size() < socket.expectedRefusals()) {
        fail(ANSWERED, run.steps, socket.who + ": " + socket.expectedRefusals() + " frames to refuse, "
          + socket.refusals.size() + " refusals came");
      }
      socket.answers.forEach((label, answer) -> answerCode(socket.waiting.get(label), answer));
      socket.refusals.forEach(refusal -> {
        if (!DOCUMENTED_REFUSALS.contains(String.valueOf(refusal.getValue("body")))) {
          fail(DOCUMENTED, run.steps, socket.who + " was refused with " + refusal.encode());
        }
      });
    }
    run.closeHostiles();
    presence();
    converged();
    String text = logs.text();
    if (text.length() > (long) LOG_CHARS_PER_FRAME * run.framesSent) {
      fail(LOG_VOLUME, run.steps, text.length() + " characters logged for " + run.framesSent + " hostile frames");
    }
    text.lines().filter(line -> line.contains(run.in.marker)).limit(3)
      .forEach(line -> fail(LOGS, run.steps, line.length() > 300 ? line.substring(0, 300) + "…" : line));
  }

  private void awaitAnswers(int step) {
    try {
      Awaitility.await().atMost(REPLY_TIMEOUT.plusSeconds(5)).pollInterval(Duration.ofMillis(20))
        .until(() -> pending().stream().allMatch(w -> System.currentTimeMillis() - w.sentAtMillis()
          > REPLY_TIMEOUT.plusSeconds(2).toMillis()));
    } catch (ConditionTimeoutException e) {
      // reported below, label by label
    }
    for (FuzzSocket socket : run.sockets) {
      if (socket.isClosed()) {
        continue;
      }
      for (FuzzSocket.Waiting w : socket.unanswered()) {
        if (reportedRefusals.add(w.label())) {
          fail(ANSWERED, w.step(), socket.who + ": no answer to " + w.what() + " (checked at step " + step + ")");
        }
      }
    }
  }

  private List<FuzzSocket.Waiting> pending() {
    return run.sockets.stream().filter(s -> !s.isClosed()).flatMap(s -> s.unanswered().stream())
      .filter(w -> !reportedRefusals.contains(w.label())).toList();
  }

  private void answerCode(FuzzSocket.Waiting sent, JsonObject answer) {
    if (!"err".equals(answer.getString("type"))) {
      return;
    }
    Object code = answer.getValue("failureCode");
    String detail = sent.what() + " answered " + code + " " + answer.getValue("message") + " to " + sent.frame();
    if (code instanceof Number n && n.intValue() >= 500) {
      fail(NO_5XX, sent.step(), detail);
    } else if (!(code instanceof Number n && DOCUMENTED_CODES.contains(n.intValue()))) {
      fail("TIMEOUT".equals(answer.getValue("failureType")) ? ANSWERED : DOCUMENTED, sent.step(), detail);
    }
  }

  private void perPersonEntities(int step, JsonObject state) {
    JsonObject entities = state.getJsonObject("entities");
    run.ownedFields.forEach((id, expected) -> {
      JsonObject entity = entities.getJsonObject(id);
      if (entity == null || Boolean.TRUE.equals(entity.getValue("deleted"))) {
        fail(PER_PERSON, step, run.ownerOf.get(id) + "'s " + id + " is " + (entity == null ? "gone" : "deleted"));
        return;
      }
      expected.forEach((field, value) -> {
        if (!sameJson(value, entity.getValue(field))) {
          fail(PER_PERSON, step, run.ownerOf.get(id) + "'s " + id + "." + field + " is " + entity.getValue(field)
            + ", its owner set " + value);
        }
      });
    });
  }

  /** Shared items the meeting made are named; the hostile sockets' own churn is counted. */
  private void removals(int step, JsonObject state) {
    JsonObject entities = state.getJsonObject("entities");
    Set<String> meetingsOwn = new HashSet<>(run.facilitator.created);
    run.victims.forEach(v -> meetingsOwn.addAll(v.created));
    List<String> meetings = new ArrayList<>();
    long hostiles = 0;
    for (String id : entities.fieldNames()) {
      JsonObject entity = entities.getJsonObject(id);
      if (!Set.of("agendaItem", "agreement", "action").contains(entity.getString("kind"))) {
        continue;
      }
      boolean deleted = Boolean.TRUE.equals(entity.getValue("deleted"));
      boolean anonymous = Boolean.TRUE.equals(entity.getValue("removed")) && entity.getValue("removedBy") == null;
      if ((deleted || anonymous) && !meetingsOwn.contains(id)) {
        hostiles++;
      } else if (deleted || anonymous) {
        meetings.add(entity.getString("kind") + " " + id + (deleted ? " deleted outright" : " removed by nobody"));
      }
    }
    if (!meetings.isEmpty() || hostiles > 0) {
      fail(REMOVED_BY, step, meetings.stream().sorted().toList() + " of the meeting's items, and " + hostiles
        + " items the hostile sockets made, deleted outright");
    }
  }

  private void quota(int step, JsonObject state) {
    long bytes = state.encode().getBytes(StandardCharsets.UTF_8).length;
    Long limit = quotaConstant();
    if (limit == null) {
      // No quota in the code yet: the state may not hold more than what was accepted, plus the server's stamps.
      limit = run.initialStateBytes + acceptedBytes() + (long) STAMPS_PER_OP * acceptedOps();
    }
    if (bytes > limit) {
      fail(QUOTA, step, "the state is " + bytes + " bytes, over " + limit);
    }
  }

  /** Where the quota the run is held to comes from, for the report. */
  static String quotaSource() {
    Long limit = quotaConstant();
    return limit == null ? "no state quota in the code yet: held to what was accepted" : "state quota " + limit + " bytes";
  }

  static Long quotaConstant() {
    for (String holder : QUOTA_HOLDERS) {
      try {
        for (Field field : Class.forName(holder).getDeclaredFields()) {
          String name = field.getName().toUpperCase();
          if (Modifier.isStatic(field.getModifiers()) && name.contains("STATE") && name.contains("BYTES")
            && (field.getType() == int.class || field.getType() == long.class)) {
            field.setAccessible(true);
            return ((Number) field.get(null)).longValue();
          }
        }
      } catch (ReflectiveOperationException | RuntimeException e) {
        // not there (yet)
      }
    }
    return null;
  }

  private long acceptedBytes() {
    return run.facilitator.acceptedBytes + run.victims.stream().mapToLong(v -> v.acceptedBytes).sum()
      + acceptedHostileOps().stream().mapToLong(ops -> ops.encode().getBytes(StandardCharsets.UTF_8).length).sum();
  }

  private long acceptedOps() {
    return run.facilitator.acceptedOps + run.victims.stream().mapToLong(v -> v.acceptedOps).sum()
      + acceptedHostileOps().stream().mapToLong(JsonArray::size).sum();
  }

  /** Hostile submits that the board took: the hostile sockets that could write (a seat of their own). */
  long acceptedHostileSubmits() {
    return acceptedHostileOps().size();
  }

  /** The ops of every hostile submit the board acknowledged. */
  private List<JsonArray> acceptedHostileOps() {
    List<JsonArray> accepted = new ArrayList<>();
    run.sockets.forEach(socket -> socket.submittedOps.forEach((label, ops) -> {
      if (accepted(socket.answers.get(label))) {
        accepted.add(ops);
      }
    }));
    return accepted;
  }

  private static boolean accepted(JsonObject answer) {
    return answer != null && "rec".equals(answer.getString("type")) && answer.getValue("body") instanceof JsonObject b
      && b.getValue("rev") != null && !Boolean.TRUE.equals(b.getValue("duplicate"));
  }

  /** Once the hostile sockets are gone, presence counts only the sockets still open: the three at the table. */
  private void presence() {
    Set<String> atTable = new HashSet<>();
    atTable.add(run.facilitator.participantId);
    run.victims.forEach(v -> atTable.add(v.participantId));
    BusClient probe = run.server.bus();
    JsonObject[] last = new JsonObject[1];
    try {
      Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
        last[0] = probe.call(Addresses.JOIN, new JsonObject().put("boardId", run.board.id())
          .put("token", run.board.token("viewer")).put("clientId", "probe"));
        Set<String> online = last[0].getJsonArray("participants").stream().map(p -> (JsonObject) p)
          .filter(p -> Boolean.TRUE.equals(p.getValue("online"))).map(p -> p.getString("participantId"))
          .collect(Collectors.toSet());
        return last[0].getInteger("watching") == 1 && online.equals(atTable);
      });
    } catch (BusClient.Failure refused) {
      fail(PRESENCE, run.steps, "a viewer's join to read presence was refused: " + refused.getMessage());
    } catch (ConditionTimeoutException e) {
      fail(PRESENCE, run.steps, "with 3 people at the table and one probe watching, presence says watching="
        + last[0].getValue("watching") + ", online=" + last[0].getJsonArray("participants").stream()
        .filter(p -> Boolean.TRUE.equals(((JsonObject) p).getValue("online"))).count());
    } finally {
      probe.close();
    }
  }

  /** Every legitimate submit was acknowledged, and what each person's mirror holds is what the server shows them. */
  private void converged() {
    long rev = state(run.board).getLong("rev");
    List<TableMember> legit = new ArrayList<>(run.victims);
    legit.add(run.facilitator);
    for (TableMember member : legit) {
      member.refused.forEach(refusal -> fail(COMMITTED, run.steps, "refused: " + refusal));
      member.acknowledged.stream().filter(r -> r > rev).forEach(r ->
        fail(COMMITTED, run.steps, member.name + "'s revision " + r + " is past the board's " + rev));
      try {
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
          .until(() -> member.mirroredRev() == rev);
      } catch (ConditionTimeoutException e) {
        fail(COMMITTED, run.steps, member.name + " saw revisions up to " + member.mirroredRev() + " of " + rev);
        continue;
      }
      JsonObject shown;
      try {
        shown = member.freshView(run.server);
      } catch (BusClient.Failure refused) {
        fail(COMMITTED, run.steps, member.name + " could not join again: " + refused.getMessage());
        continue;
      }
      JsonObject mirrored = new JsonObject(io.vertx.core.json.Json.encode(member.mirroredState()));
      if (!mirrored.equals(new JsonObject(shown.getJsonObject("state").encode()))) {
        fail(COMMITTED, run.steps, member.name + "'s board differs from what the server shows them at " + rev);
      }
    }
  }

  JsonObject state(CreatedBoard board) {
    HttpResponse<Buffer> response = await(run.server.http().get(run.server.port(), "localhost",
      "/api/boards/" + board.id() + "/state").putHeader("Authorization", "Bearer " + board.token("facilitator"))
      .send());
    if (response.statusCode() >= 500) {
      fail(NO_5XX, run.steps, "GET state answered " + response.statusCode());
    }
    return response.bodyAsJsonObject();
  }

  private static boolean sameJson(Object expected, Object actual) {
    if (expected instanceof Number a && actual instanceof Number b) {
      return a.longValue() == b.longValue();
    }
    return expected == null ? actual == null : expected.equals(actual);
  }

  /** A detail quotes what the server said; newlines and control characters stay visible, not obeyed. */
  private static String printable(String text) {
    StringBuilder s = new StringBuilder();
    text.codePoints().forEach(c -> s.append(c < 0x20 || c == 0x7f || (c >= 0x202a && c <= 0x202e)
      ? String.format("\\u%04x", c) : new String(Character.toChars(c))));
    return s.toString();
  }
}
