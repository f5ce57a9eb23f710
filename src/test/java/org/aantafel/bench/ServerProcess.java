package org.aantafel.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The server as a separate process (--spawn target/aantafel.jar), so that client and server load stay apart, bound
 * to 127.0.0.1. Its output goes to target/bench-server.log.
 */
final class ServerProcess {
  private final List<String> launch;
  private final Path log;
  private final int port;
  private final Path dataDir;
  private final List<String> jvmOptions;
  private final Map<String, String> settings;
  private Process process;

  ServerProcess(Path jar, int port, Path dataDir, List<String> jvmOptions) {
    this(jar, port, dataDir, jvmOptions, Path.of("target/bench-server.log"), Map.of());
  }

  /** With more AANTAFEL_* settings (hub instances, a cluster node's), so several can run side by side. */
  ServerProcess(Path jar, int port, Path dataDir, List<String> jvmOptions, Path log, Map<String, String> settings) {
    this(List.of("-jar", jar.toString()), log, port, dataDir, jvmOptions, settings);
  }

  private ServerProcess(List<String> launch, Path log, int port, Path dataDir, List<String> jvmOptions,
                        Map<String, String> settings) {
    this.launch = List.copyOf(launch);
    this.log = log;
    this.port = port;
    this.dataDir = dataDir;
    this.jvmOptions = List.copyOf(jvmOptions);
    this.settings = Map.copyOf(settings);
  }

  /**
   * A relay of --baseline relay ({@link RelayServer}) in a child JVM started the same way, with the same JVM options,
   * from the benchmark's own test classpath: the bare relay for {@code durableLog} null (output in
   * target/bench-relay.log), else the durable relay appending to that file (output in target/bench-relay-durable.log).
   */
  static ServerProcess relay(int port, List<String> jvmOptions, Path durableLog) {
    List<String> launch = new ArrayList<>(List.of("-cp", testClasspath(), RelayServer.class.getName(),
      Integer.toString(port)));
    if (durableLog != null) {
      launch.add(durableLog.toString());
    }
    return new ServerProcess(launch, Path.of(durableLog == null ? "target/bench-relay.log"
      : "target/bench-relay-durable.log"), port, Path.of("/nonexistent"), jvmOptions, Map.of());
  }

  /** Under exec:java the classes come from a class loader of the plugin's, not from java.class.path. */
  private static String testClasspath() {
    ClassLoader loader = RelayServer.class.getClassLoader();
    if (loader instanceof java.net.URLClassLoader urls && urls.getURLs().length > 0) {
      List<String> paths = new ArrayList<>();
      for (java.net.URL url : urls.getURLs()) {
        try {
          paths.add(Path.of(url.toURI()).toString());
        } catch (java.net.URISyntaxException e) {
          throw new IllegalStateException(e);
        }
      }
      return String.join(java.io.File.pathSeparator, paths);
    }
    return System.getProperty("java.class.path");
  }

  void start() throws IOException {
    Files.createDirectories(log.toAbsolutePath().getParent());
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(launch);
    ProcessBuilder builder = new ProcessBuilder(command)
      .redirectErrorStream(true)
      .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().put("AANTAFEL_HTTP_HOST", "127.0.0.1");
    builder.environment().put("AANTAFEL_HTTP_PORT", Integer.toString(port));
    builder.environment().put("AANTAFEL_DATA_DIR", dataDir.toString());
    // The benchmark creates its boards from one address, faster than the per-client limit allows.
    builder.environment().put("AANTAFEL_BOARDS_PER_MINUTE_PER_CLIENT", "1000000");
    // ... and seats all its people from that address too.
    builder.environment().put("AANTAFEL_NEW_SEATS_PER_MINUTE_PER_CLIENT", "1000000");
    builder.environment().putAll(settings);
    process = builder.start();
  }

  /** SIGKILL: no shutdown hook, no last snapshot; what the next start finds is only what was committed. */
  void kill() throws InterruptedException {
    if (process != null) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  /** SIGTERM: the normal stop, which also stops the embedded PostgreSQL. */
  void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(40, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  /**
   * The server's memory now: VmRSS from /proc/<pid>/status, and the heap after a full GC (jcmd GC.run, then
   * GC.heap_info), in KiB; a value that could not be read is absent.
   */
  io.vertx.core.json.JsonObject memory() throws InterruptedException {
    io.vertx.core.json.JsonObject m = new io.vertx.core.json.JsonObject();
    if (!alive()) {
      return m;
    }
    long pid = process.pid();
    jcmd(pid, "GC.run");
    java.util.regex.Matcher heap = java.util.regex.Pattern.compile("total (\\d+)K, used (\\d+)K")
      .matcher(jcmd(pid, "GC.heap_info"));
    if (heap.find()) {
      m.put("heapCommittedKb", Long.parseLong(heap.group(1))).put("heapUsedAfterGcKb", Long.parseLong(heap.group(2)));
    }
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          m.put("rssKb", Long.parseLong(line.replaceAll("[^0-9]", "")));
        }
      }
    } catch (IOException e) {
      // not on Linux: no RSS
    }
    return m;
  }

  private static String jcmd(long pid, String command) throws InterruptedException {
    try {
      Path out = Files.createTempFile("bench-jcmd", ".txt");
      Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
        Long.toString(pid), command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
      boolean done = p.waitFor(30, TimeUnit.SECONDS);
      if (!done) {
        p.destroyForcibly();
      }
      String text = done ? Files.readString(out) : "";
      Files.deleteIfExists(out);
      return text;
    } catch (IOException e) {
      return "";
    }
  }

  Path log() {
    return log;
  }

  boolean alive() {
    return process != null && process.isAlive();
  }
}
