package org.aantafel.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The benchmark's settings, from {@code --name value} arguments (or {@code -Dbench.name=value} system properties).
 * Only loopback servers may be targeted.
 */
record BenchConfig(String host, int port, int boards, int clientsPerBoard, double editsPerSecond,
                   int warmupSeconds, int measureSeconds, Mode mode, Path spawnJar, Path spawnDataDir,
                   List<String> spawnJvm, Path resultFile, Path ackedFile, Path verifyOnly, long seed,
                   int listeners, int askers, Baseline baseline, int relayPort, int texts, Transport transport,
                   ScaleOptions scale, int flooders, SoakOptions soak) {

  /** goal: every client of a board types into the board's shared goal (the transform path); items: each types into
   *  the notes of its own agenda item (no concurrent edits of one text); webinar: one board from the "webinar"
   *  template, the host typing into its goal, listeners watching without a seat, askers asking and voting;
   *  authors: one board, every client seated and typing into one of --texts shared texts (the goal and agenda
   *  items' notes); wrong-links: one board's meeting measured quiet and then while --flooders sockets keep joining
   *  it with a wrong link ({@link WrongLinkFloodBenchmark}). */
  enum Mode { GOAL, ITEMS, WEBINAR, AUTHORS, WRONG_LINKS }

  /** How the webinar's listeners reach the event bus: SockJS over a websocket, or its xhr-streaming fallback. */
  enum Transport { WEBSOCKET, XHR_STREAMING }

  /** none: only Aan Tafel; relay: then the same load against the bare and the durable {@link RelayServer}, and all
   *  three side by side. */
  enum Baseline { NONE, RELAY }

  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
  static final int GOAL_MAX = 4000;
  private static final int NOTES_MAX = 10_000;
  /** A bounded text is kept below this share of its field's length. */
  private static final double TEXT_FILL = 0.9;
  /** The server's quota of one board's op log (BoardHub.MAX_REVISIONS). */
  private static final int MAX_REVISIONS_PER_BOARD = 100_000;
  /** One board's sockets, less room for the host or a facilitator. */
  private static final int MAX_ONE_BOARD = 4900;
  /** Typing again before the SIGKILL of the crash check (LoadBenchmark) also lands in the texts. */
  private static final int CRASH_TYPING_SECONDS = 5;
  private static final int MAX_MEASURE_SECONDS = 7 * 24 * 3600;

  static BenchConfig parse(String[] args) {
    java.util.Map<String, String> values = new java.util.HashMap<>();
    System.getProperties().forEach((k, v) -> {
      if (k.toString().startsWith("bench.")) {
        values.put(k.toString().substring(6), v.toString());
      }
    });
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + args[i]);
      }
      String name = args[i].substring(2);
      int eq = name.indexOf('=');
      if (eq >= 0) {
        values.put(name.substring(0, eq), name.substring(eq + 1));
      } else if (i + 1 < args.length) {
        values.put(name, args[++i]);
      } else {
        throw new IllegalArgumentException("--" + name + " needs a value");
      }
    }
    Path spawnJar = values.containsKey("spawn") ? Path.of(values.remove("spawn")) : null;
    int spawnPort = Integer.parseInt(values.getOrDefault("spawn-port", "8099"));
    values.remove("spawn-port");
    URI url = URI.create(values.getOrDefault("url", "http://localhost:" + (spawnJar != null ? spawnPort : 8080)));
    values.remove("url");
    if (!LOOPBACK.contains(url.getHost())) {
      throw new IllegalArgumentException("only loopback servers may be targeted, not " + url.getHost());
    }
    Mode mode = Mode.valueOf(take(values, "mode", "goal").toUpperCase().replace('-', '_'));
    boolean authors = mode == Mode.AUTHORS;
    boolean flood = mode == Mode.WRONG_LINKS;
    BenchConfig config = new BenchConfig(url.getHost().replace("[", "").replace("]", ""),
      url.getPort() > 0 ? url.getPort() : 80,
      intOf(values, "boards", authors || flood ? 1 : 200), intOf(values, "clients", authors ? 1000 : 6),
      Double.parseDouble(take(values, "rate", authors ? "0.1" : "2")),
      SoakOptions.seconds(values.remove("warmup"), "10"), measureSeconds(values),
      mode,
      spawnJar, Path.of(take(values, "spawn-data", "/tmp/aantafel-bench-data")),
      List.of(take(values, "spawn-jvm", "").trim().split("\\s+")).stream().filter(s -> !s.isEmpty()).toList(),
      Path.of(take(values, "out", "target/bench-result.json")),
      Path.of(take(values, "acked", "target/bench-acked.json")),
      values.containsKey("verify-only") ? Path.of(values.remove("verify-only")) : null,
      Long.parseLong(take(values, "seed", "42")),
      intOf(values, "listeners", 2000), intOf(values, "askers", 50),
      Baseline.valueOf(take(values, "baseline", "none").toUpperCase()),
      intOf(values, "relay-port", (url.getPort() > 0 ? url.getPort() : 80) + 1),
      intOf(values, "texts", authors ? 8 : 1),
      Transport.valueOf(take(values, "transport", "websocket").toUpperCase().replace('-', '_')),
      ScaleOptions.take(values),
      intOf(values, "flooders", 150),
      SoakOptions.take(values));
    if (!values.isEmpty()) {
      throw new IllegalArgumentException("unknown options " + values.keySet());
    }
    config.check();
    return config;
  }

  /** {@code --measure 60} or, the same, {@code --duration 30m}. */
  private static int measureSeconds(java.util.Map<String, String> values) {
    String measure = values.remove("measure");
    String duration = values.remove("duration");
    if (measure != null && duration != null) {
      throw new IllegalArgumentException("--measure and --duration are the same; give one");
    }
    return SoakOptions.seconds(duration != null ? duration : measure, "60");
  }

  private void check() {
    scale.check(this);
    soak.check(this);
    if (baseline == Baseline.RELAY && (spawnJar == null || verifyOnly != null || mode == Mode.WEBINAR
      || mode == Mode.WRONG_LINKS)) {
      // The relay runs in a child JVM like the spawned server, so that both are measured the same way.
      throw new IllegalArgumentException("--baseline relay needs --spawn and --mode goal, items or authors");
    }
    if (mode == Mode.AUTHORS && (boards != 1 || clientsPerBoard < 1 || clientsPerBoard > MAX_ONE_BOARD
      || texts < 1 || texts > 26)) {
      throw new IllegalArgumentException("authors mode: one board, clients 1.." + MAX_ONE_BOARD + ", texts 1..26");
    }
    if (mode != Mode.AUTHORS && (boards < 1 || boards > 2000 || clientsPerBoard < 1 || clientsPerBoard > 26)) {
      throw new IllegalArgumentException("boards must be 1..2000 and clients 1..26 (a few people at each board)");
    }
    if (transport != Transport.WEBSOCKET && mode != Mode.WEBINAR) {
      throw new IllegalArgumentException("--transport xhr-streaming is for the listeners of --mode webinar");
    }
    if (editsPerSecond <= 0 || editsPerSecond > 20 || warmupSeconds < 0 || measureSeconds < 1
      || measureSeconds > MAX_MEASURE_SECONDS) {
      throw new IllegalArgumentException("rate must be in (0, 20], measure 1 s to 7 days");
    }
    if (mode == Mode.WEBINAR && (listeners < 0 || listeners > 4900 || askers < 0 || askers > 290)) {
      // One board: 5,000 sockets and 300 seats; the host and the askers take seats too.
      throw new IllegalArgumentException("listeners must be 0..4900 and askers 0..290 (one board's limits)");
    }
    if (mode == Mode.WRONG_LINKS && (boards != 1 || flooders < 1 || flooders > 4000)) {
      throw new IllegalArgumentException("wrong-links mode: one board and 1..4000 flooders");
    }
    // Keeping a single marker leaves too little text to type into; webinar and wrong-links clients never delete.
    if (markersKept() == 1 || markersKept() > 0 && (mode == Mode.WEBINAR || mode == Mode.WRONG_LINKS)) {
      throw new IllegalArgumentException("this run would type about " + (long) typedChars() + " characters into one "
        + "text, more than its " + textMax() + "; shorten it, lower the rate, or use more --texts (authors mode)");
    }
    double revisionsPerBoard = editsPerTypist() * (mode == Mode.WEBINAR ? 1 : clientsPerBoard);
    if (revisionsPerBoard > MAX_REVISIONS_PER_BOARD) {
      throw new IllegalArgumentException("this run would make up to " + (long) revisionsPerBoard + " revisions of one "
        + "board, more than the " + MAX_REVISIONS_PER_BOARD + " of a board's op log (BoardHub.MAX_REVISIONS)");
    }
  }

  /**
   * How many of its own markers a client keeps in its text: 0 when everything the run types fits into the text
   * (nothing is deleted, as in every run before soaks); otherwise a client that has this many deletes its oldest
   * with each new one, so a text never outgrows its field however long the run lasts.
   */
  int markersKept() {
    if (typedChars() <= textMax()) {
      return 0;
    }
    return Math.max(1, (int) (textMax() * TEXT_FILL / (typistsPerText() * (double) markerLength())));
  }

  /** What the run types into one text if nothing is deleted: every edit inserts a marker (tag, number, ';'). */
  private double typedChars() {
    return typistsPerText() * editsPerTypist() * markerLength();
  }

  private int markerLength() {
    return Markers.tag(clientsPerBoard - 1).length() + 1
      + Long.toString((long) Math.ceil(editsPerTypist()), 36).length();
  }

  /** The goal holds at most 4000 characters, an agenda item's notes 10 000. */
  private int textMax() {
    return mode == Mode.ITEMS ? NOTES_MAX : GOAL_MAX;
  }

  /** In a webinar one host types; in items mode each client into its own item; in authors mode a share per text. */
  private int typistsPerText() {
    return switch (mode) {
      case WEBINAR, ITEMS -> 1;
      case AUTHORS -> (clientsPerBoard + texts - 1) / texts;
      default -> clientsPerBoard;
    };
  }

  /** Wrong-links mode types through two windows (quiet, flooded) and has no crash check. */
  private double editsPerTypist() {
    return editsPerSecond * (mode == Mode.WRONG_LINKS ? 2.0 * (warmupSeconds + measureSeconds)
      : warmupSeconds + measureSeconds + CRASH_TYPING_SECONDS);
  }

  long typingSeconds() {
    return warmupSeconds + measureSeconds;
  }

  private static int intOf(java.util.Map<String, String> values, String name, int fallback) {
    return Integer.parseInt(take(values, name, Integer.toString(fallback)));
  }

  private static String take(java.util.Map<String, String> values, String name, String fallback) {
    String v = values.remove(name);
    return v != null ? v : fallback;
  }
}
