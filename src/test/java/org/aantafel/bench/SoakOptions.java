package org.aantafel.bench;

import java.util.Map;

/**
 * What a long run (a soak) adds to the normal load: latencies summarized per interval, the server's live heap sampled
 * now and then, and people leaving and coming back. Times are given as {@code 90}, {@code 90s}, {@code 5m} or
 * {@code 1h}.
 *
 * @param intervalSeconds   {@code --interval 5m}: the latencies are also summarized per interval of this length
 * @param heapEverySeconds  {@code --heap-every 1m} (with --spawn): the server's heap after a full GC, sampled this
 *                          often (0: never); each sample forces a full collection in the server
 * @param leaveEverySeconds {@code --leave-every 5m}: each client leaves (closes its socket) at random moments, on
 *                          average this often (0: never), and comes back after about {@code --away}
 * @param awaySeconds       {@code --away 10s}: how long a client stays away, on average (uniform, half to one and a
 *                          half times this)
 */
record SoakOptions(int intervalSeconds, int heapEverySeconds, int leaveEverySeconds, int awaySeconds) {

  /** Takes its options out of the parsed arguments, so BenchConfig's check for unknown options does not see them. */
  static SoakOptions take(Map<String, String> values) {
    return new SoakOptions(seconds(values.remove("interval"), "5m"), seconds(values.remove("heap-every"), "0"),
      seconds(values.remove("leave-every"), "0"), seconds(values.remove("away"), "10s"));
  }

  /** {@code 90}, {@code 90s}, {@code 5m}, {@code 2h}; the fallback when absent. */
  static int seconds(String value, String fallback) {
    String v = (value == null ? fallback : value).trim().toLowerCase();
    int unit = v.endsWith("h") ? 3600 : v.endsWith("m") ? 60 : 1;
    String number = v.endsWith("h") || v.endsWith("m") || v.endsWith("s") ? v.substring(0, v.length() - 1) : v;
    return Math.multiplyExact(Integer.parseInt(number), unit);
  }

  boolean leaving() {
    return leaveEverySeconds > 0;
  }

  void check(BenchConfig config) {
    if (intervalSeconds < 1 || heapEverySeconds < 0 || leaveEverySeconds < 0 || awaySeconds < 1) {
      throw new IllegalArgumentException("--interval and --away must be at least 1 s, --heap-every and --leave-every"
        + " 0 (never) or more");
    }
    if (heapEverySeconds > 0 && config.spawnJar() == null) {
      throw new IllegalArgumentException("--heap-every needs --spawn: the benchmark samples the process it started");
    }
    if (leaving() && (config.mode() == BenchConfig.Mode.WEBINAR || config.mode() == BenchConfig.Mode.WRONG_LINKS
      || config.baseline() != BenchConfig.Baseline.NONE || config.scale().requested())) {
      // The relays keep no history to catch up from; the other modes have clients of their own.
      throw new IllegalArgumentException("--leave-every is for goal, items and authors mode, without --baseline");
    }
  }
}
