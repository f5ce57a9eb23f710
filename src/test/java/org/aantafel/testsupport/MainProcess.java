package org.aantafel.testsupport;

import org.aantafel.Main;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@link Main} in a JVM of its own, as {@code java -jar target/aantafel.jar} runs it. The jar is only built in the
 * package phase, after the tests, so the child runs from the test's class path instead: the same classes, resources
 * and dependencies that the shade plugin packs, and the same main class with the same environment variables. Its
 * output goes to a file, so a full pipe can never stall it.
 */
public final class MainProcess {
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
    ProcessBuilder builder = new ProcessBuilder(java, "-cp", classPath, Main.class.getName())
      .redirectErrorStream(true)
      .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
    builder.environment().keySet().removeIf(name -> name.startsWith("AANTAFEL_"));
    builder.environment().put("AANTAFEL_HTTP_HOST", "127.0.0.1");
    builder.environment().put("AANTAFEL_HTTP_PORT", Integer.toString(port));
    builder.environment().put("AANTAFEL_DATA_DIR", dataDir.toString());
    builder.environment().putAll(settings);
    return new MainProcess(builder.start(), output);
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
