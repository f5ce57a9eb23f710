package org.aantafel.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded cluster's pg_hba.conf: a password (SCRAM) for every connection, and connections only over loopback
 * TCP. There is no line for the unix socket because the server opens none. initdb, run by zonky, writes {@code trust}
 * lines that let every local user in as superuser; this file replaces them before the server first listens.
 */
final class ClientAuthentication {

  static final String FILE_NAME = "pg_hba.conf";

  static final String CONTENT = """
      # Written by Aan Tafel on every start of the embedded PostgreSQL; changes here are overwritten.
      # Every connection needs the password in aantafel-superuser.password. The server listens on loopback only
      # and has no unix socket, so there are no other lines.
      # TYPE  DATABASE  USER  ADDRESS       METHOD
      host    all       all   127.0.0.1/32  scram-sha-256
      host    all       all   ::1/128       scram-sha-256
      """;

  private ClientAuthentication() {
  }

  static boolean isInstalled(Path clusterDirectory) throws IOException {
    Path file = clusterDirectory.resolve(FILE_NAME);
    return Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(CONTENT);
  }

  static void install(Path clusterDirectory) throws IOException {
    PrivateFiles.write(clusterDirectory.resolve(FILE_NAME), CONTENT);
  }
}
