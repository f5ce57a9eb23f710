package org.aantafel.testsupport;

import org.aantafel.Main;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link Main} in a JVM of its own, as {@code java -jar target/aantafel.jar} runs it. The jar is only built in the
 * package phase, after the tests, so the child runs from the test's class path instead: the same classes, resources
 * and dependencies that the shade plugin packs, and the same main class with the same environment variables. Its
 * output goes to a file, so a full pipe can never stall it.
 */
public final class MainProcess {
  /**
   * Only the client compiler: a child lives for seconds, and the optimizing compiler took almost half the CPU time of
   * its start (a cluster node used 7 CPU seconds until it served, 4 with this), which on a busy machine stretched the
   * start past a minute. Compilation changes how fast the code runs, never what it does.
   */
  private static final String QUICK_START = "-XX:TieredStopAtLevel=1";
  /** What {@link Main} logs once it serves, with the URL of its HTTP port (no public URL is set here). */
  private static final Pattern SERVING = Pattern.compile("Aan Tafel is running: open http://localhost:(\\d+) ");
  private final Process process;
  private final Path output;

  private MainProcess(Process process, Path output) {
    this.process = process;
    this.output = output;
  }

  /** Own data directory, loopback only, every other setting as in config/aantafel.json (embedded PostgreSQL). */
  public static MainProcess start(Path dataDir, int port, Path output) throws IOException {
    return start(dataDir, port, output, java.util.Map.of());
  }

  /** With more AANTAFEL_* settings, e.g. those of a cluster node. */
  public static MainProcess start(Path dataDir, int port, Path output, java.util.Map<String, String> settings)
    throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // Surefire runs the tests from a manifest-only jar and names the real class path in this property.
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    ProcessBuilder builder = new ProcessBuilder(java, QUICK_START, "-cp", classPath, Main.class.getName())
      .redirectErrorStream(true)
      .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
    builder.environment().keySet().removeIf(name -> name.startsWith("AANTAFEL_"));
    builder.environment().put("AANTAFEL_HTTP_HOST", "127.0.0.1");
    builder.environment().put("AANTAFEL_HTTP_PORT", Integer.toString(port));
    builder.environment().put("AANTAFEL_DATA_DIR", dataDir.toString());
    builder.environment().putAll(settings);
    return new MainProcess(builder.start(), output);
  }

  /**
   * Waits until the process says it serves, and answers its HTTP port: start it on port 0 and the system gives it a
   * free one as it binds, where a port picked free beforehand may be taken by another socket while the JVM starts.
   * A process that exits first fails with {@link Exited}; one that neither serves nor exits in time is killed, so it
   * holds no port and no cluster membership into the next test, and fails with what it logged.
   */
  public int awaitServing(Duration within) throws InterruptedException {
    try {
      Awaitility.await().atMost(within).pollInterval(Duration.ofMillis(50))
        .until(() -> !process.isAlive() || servingPort() > 0);
    } catch (ConditionTimeoutException e) {
      kill();
      throw new AssertionError("the server neither served nor exited within " + within.toSeconds() + " s (killed "
        + "now); it logged:\n" + tail());
    }
    int port = servingPort();
    if (port > 0 && process.isAlive()) {
      return port;
    }
    kill();
    throw new Exited(tail());
  }

  /** The process exited before it served; {@link #getMessage()} holds the end of its output. */
  public static final class Exited extends AssertionError {
    Exited(String tail) {
      super("the server exited before it served; it logged:\n" + tail);
    }
  }

  private int servingPort() {
    try {
      for (String line : output()) {
        Matcher serving = SERVING.matcher(line);
        if (serving.find()) {
          return Integer.parseInt(serving.group(1));
        }
      }
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String tail() {
    try {
      List<String> lines = output();
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(its output could not be read: " + e + ")";
    }
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  public boolean alive() {
    return process.isAlive();
  }

  /** SIGTERM, as systemd or docker stop send it; answers how long the process took to exit. */
  public Duration terminate(Duration patience) throws InterruptedException {
    long start = System.nanoTime();
    process.destroy();
    if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor();
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /** Never leaves a server behind when a test fails halfway. */
  public void kill() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly().waitFor();
    }
  }

  public List<String> output() throws IOException {
    return Files.readAllLines(output);
  }
}
