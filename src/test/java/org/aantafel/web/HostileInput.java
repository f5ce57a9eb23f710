package org.aantafel.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Random;

/**
 * What a hostile client puts in a frame, drawn from one seeded {@link Random}: strings that carry the run's marker
 * (so that any log line quoting raw input is found) with newlines, control and direction characters, huge strings,
 * numbers of every sign and size, values of the wrong type, and ids that belong to someone else.
 */
final class HostileInput {
  private static final String[] NASTY = {"\n", "\r\n", "\u0000", "\u001b[31m", "\t", "\u202e", "\u2028", "%n",
    "${jndi:x}", "\"}", "<script>", "' OR 1=1", "\ud800"};
  private static final List<String> KINDS = List.of("agendaItem", "checkin", "agreement", "action", "goalCheck",
    "evaluation", "question", "vote", "poll", "pollAnswer", "board", "nope");
  private static final List<String> FIELDS = List.of("title", "text", "notes", "goal", "verdict", "comment", "choice",
    "withdrawn", "question", "poll", "participantId", "name", "role", "removed", "removedBy", "removedByName",
    "status", "order", "phase", "kind", "deleted", "open", "options", "moderation", "proposedBy", "timerControl");

  final Random random;
  /** Alphanumeric, so that it fits in ids and reply labels too; unique to the run. */
  final String marker;

  HostileInput(long seed) {
    this.random = new Random(seed);
    this.marker = "Fz" + Long.toString(Math.abs(seed * 2654435761L) % 1_000_000_007L, 36) + "Qx";
  }

  <T> T pick(List<T> options) {
    return options.get(random.nextInt(options.size()));
  }

  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  /** A string with the marker, and often something a log or a terminal would choke on. */
  String text() {
    StringBuilder s = new StringBuilder();
    int parts = 1 + random.nextInt(3);
    for (int i = 0; i < parts; i++) {
      s.append(chance(0.7) ? NASTY[random.nextInt(NASTY.length)] : "");
      s.append(marker);
    }
    if (chance(0.05)) {
      // Past every field's limit and the 64 KiB frame limit, far below the 1 MiB that closes the socket.
      s.append(marker.repeat((chance(0.5) ? 2_000 : 12_000) / marker.length()));
    }
    return s.toString();
  }

  /** An id: the marker alone (valid characters), someone else's, or one with forbidden characters. */
  String id(List<String> known) {
    int roll = random.nextInt(10);
    if (roll < 6 && !known.isEmpty()) {
      return pick(known);
    }
    return roll < 8 ? marker + random.nextInt(1000) : text();
  }

  /** A reply label: usually one the contract accepts, sometimes one with dots, spaces, newlines or too long. */
  String label() {
    int roll = random.nextInt(12);
    return switch (roll) {
      case 0 -> "board." + marker + ".ops";
      case 1 -> marker + "\n" + marker;
      case 2 -> marker.repeat(10);
      case 3 -> "";
      default -> marker + "-" + Integer.toString(random.nextInt(Integer.MAX_VALUE), 36);
    };
  }

  /** A label the contract accepts. */
  String goodLabel() {
    return marker + "-" + Integer.toString(random.nextInt(Integer.MAX_VALUE), 36);
  }

  /** A number where a revision or sequence number goes: negative, zero, huge, fractional, or not a number. */
  Object number(long sensible) {
    return switch (random.nextInt(11)) {
      case 0 -> -1L;
      case 1 -> Long.MIN_VALUE;
      case 2 -> Long.MAX_VALUE;
      case 3 -> 9_007_199_254_740_993L;
      case 4 -> 0L;
      case 5 -> 1.5;
      case 6 -> text();
      case 7 -> new JsonArray().add(1);
      case 8 -> sensible + 1_000_000;
      default -> sensible;
    };
  }

  /** Any JSON value of the wrong shape. */
  Object anyValue() {
    return switch (random.nextInt(8)) {
      case 0 -> null;
      case 1 -> random.nextBoolean();
      case 2 -> number(random.nextInt(5));
      case 3 -> new JsonObject().put(marker, text());
      case 4 -> new JsonArray().add(text()).add(marker);
      default -> text();
    };
  }

  String kind() {
    return pick(KINDS);
  }

  String field() {
    return chance(0.1) ? text() : pick(FIELDS);
  }

  /** One op aimed at the given ids: a set, text edit, create or delete, or something that is no op at all. */
  JsonObject op(List<String> targets) {
    String id = id(targets);
    return switch (random.nextInt(9)) {
      case 0, 1 -> new JsonObject().put("type", "set").put("id", id).put("field", field()).put("value", anyValue());
      case 2 -> new JsonObject().put("type", "text").put("id", id).put("field", field())
        .put("edit", chance(0.5) ? new JsonArray().add(text()) : new JsonArray().add(-3).add(text()));
      case 3, 4 -> new JsonObject().put("type", "delete").put("id", id);
      case 5, 6 -> new JsonObject().put("type", "create").put("id", id).put("kind", kind())
        .put("fields", new JsonObject().put(field(), anyValue()).put("order", "a0"));
      case 7 -> new JsonObject().put("type", chance(0.5) ? "reveal" : text()).put("id", id);
      default -> new JsonObject().put("type", "create").put("id", id).put("kind", "agendaItem")
        .put("fields", new JsonObject().put("title", text()).put("order", "a0"));
    };
  }

  JsonArray ops(List<String> targets) {
    JsonArray ops = new JsonArray();
    int n = chance(0.1) ? 90 + random.nextInt(20) : 1 + random.nextInt(4);
    for (int i = 0; i < n; i++) {
      ops.add(op(targets));
    }
    return ops;
  }

  /** Creates and deletes of fresh agenda items: tombstones, as many as one submit may carry. */
  JsonArray churn(int pairs) {
    JsonArray ops = new JsonArray();
    for (int i = 0; i < pairs; i++) {
      String id = marker + "-churn-" + Integer.toString(random.nextInt(Integer.MAX_VALUE), 36);
      ops.add(new JsonObject().put("type", "create").put("id", id).put("kind", "agendaItem")
        .put("fields", new JsonObject().put("title", marker).put("order", "a0")));
      ops.add(new JsonObject().put("type", "delete").put("id", id));
    }
    return ops;
  }
}
