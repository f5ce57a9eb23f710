package org.aantafel.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs one SQL statement in PostgreSQL's single-user mode: a backend that reads its commands from stdin and opens
 * neither a TCP port nor a unix socket, so nobody but this process can talk to the cluster meanwhile.
 */
final class SingleUserPostgres {

  private SingleUserPostgres() {
  }

  /** Blocking. The cluster must not be running. */
  static void run(Path clusterDirectory, String statement) throws IOException {
    List<String> command = PostgresBinaries.command("postgres", List.of("--single",
        "-D", clusterDirectory.toString(),
        // without it a failing statement is reported on stdout and the exit code is still 0
        "-c", "exit_on_error=on",
        // statements may carry a password; keep them out of the output, which ends up in an exception message
        "-c", "log_min_error_statement=panic",
        "postgres"));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      try (var stdin = process.getOutputStream()) {
        stdin.write((statement + "\n").getBytes(StandardCharsets.UTF_8));
      }
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor() != 0) {
        throw new IOException("PostgreSQL single-user mode failed in " + clusterDirectory + ":\n" + output);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running PostgreSQL in single-user mode", e);
    }
  }
}
