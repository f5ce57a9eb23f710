package org.aantafel.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Clears what a killed previous run left in the PostgreSQL data directory, so that the embedded server can start.
 *
 * <p>Two cases matter. When the JVM was killed (SIGKILL, OOM killer) its postgres child keeps running, holding the
 * directory: it is stopped with a fast shutdown, which is safe because everything it acknowledged is already in its
 * WAL. When the machine rebooted, postmaster.pid may name a pid now used by an unrelated process, and postgres then
 * refuses to start; such a file is removed. A process counts as the leftover server only when its working directory
 * is this data directory (postgres changes into it), so nothing else is ever signalled. The same holds when this
 * process's own server was killed and {@link EmbeddedPostgresSupervisor} starts it again.
 */
final class LeftoverPostmaster {

  private static final String PID_FILE = "postmaster.pid";
  private static final String ZONKY_LOCK_FILE = "epg-lock";
  private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(60);
  private static final Duration ORPHAN_WAIT = Duration.ofSeconds(10);
  private static final Duration ORPHAN_POLL = Duration.ofMillis(50);

  private LeftoverPostmaster() {
  }

  static void clear(Path dataDirectory) throws IOException {
    // A start of zonky's that failed keeps its lock on this file until the JVM exits: its constructor threw before
    // anyone could close it, and a retry in this JVM would fail on it for good. postmaster.pid is what really keeps
    // two servers out of one directory, and it is dealt with below.
    Files.deleteIfExists(dataDirectory.resolve(ZONKY_LOCK_FILE));
    Path pidFile = dataDirectory.resolve(PID_FILE);
    if (!Files.exists(pidFile)) {
      return;
    }
    Optional<ProcessHandle> server = runningServer(dataDirectory);
    if (server.isPresent()) {
      stop(server.get());
    }
    awaitOrphans(dataDirectory);
    Files.deleteIfExists(pidFile);
  }

  /** The postmaster that postmaster.pid names, while it runs in this directory (a zombie has no directory). */
  static Optional<ProcessHandle> runningServer(Path dataDirectory) throws IOException {
    Path pidFile = dataDirectory.resolve(PID_FILE);
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    return readPid(pidFile).flatMap(ProcessHandle::of).filter(process -> runsIn(process, dataDirectory));
  }

  /**
   * The backends of a killed postmaster live on for a moment and still use the old shared memory; PostgreSQL itself
   * would refuse to start beside them, but only while postmaster.pid still says where that memory is. So the file
   * is removed only once they are gone. Only postgres processes count: someone's shell may be in the directory.
   */
  private static void awaitOrphans(Path dataDirectory) throws IOException {
    long deadline = System.nanoTime() + ORPHAN_WAIT.toNanos();
    while (ProcessHandle.allProcesses().anyMatch(process -> isPostgres(process) && runsIn(process, dataDirectory))) {
      if (System.nanoTime() > deadline) {
        throw new IOException("processes of an earlier PostgreSQL still run in " + dataDirectory);
      }
      try {
        Thread.sleep(ORPHAN_POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for an earlier PostgreSQL to end", e);
      }
    }
  }

  private static boolean isPostgres(ProcessHandle process) {
    return process.info().command().map(command -> command.endsWith("/postgres")).orElse(false);
  }

  private static Optional<Long> readPid(Path pidFile) throws IOException {
    List<String> lines = Files.readAllLines(pidFile);
    try {
      return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  static boolean runsIn(ProcessHandle process, Path dataDirectory) {
    try {
      Path cwd = Files.readSymbolicLink(Path.of("/proc", Long.toString(process.pid()), "cwd"));
      return Files.isSameFile(cwd, dataDirectory);
    } catch (IOException | SecurityException e) {
      return false;
    }
  }

  private static void stop(ProcessHandle server) throws IOException {
    // SIGINT is postgres' "fast" shutdown: it disconnects clients and writes a checkpoint. Java can only send
    // SIGTERM ("smart": waits for clients) or SIGKILL, hence kill(1).
    signal(server.pid(), "-INT");
    try {
      server.onExit().get(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception notStoppedInTime) {
      server.destroyForcibly(); // crash recovery replays the WAL on the next start
      server.onExit().join();
    }
  }

  private static void signal(long pid, String signal) throws IOException {
    try {
      new ProcessBuilder("kill", signal, Long.toString(pid)).inheritIO().start().waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while stopping a leftover postgres", e);
    }
  }
}
