package org.aantafel.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The password of the embedded cluster's superuser. It is made up on the first start and kept in a file in the
 * cluster directory, which PostgreSQL itself requires to be private (mode 0700); the file is mode 0600.
 */
final class SuperuserPassword {

  static final String FILE_NAME = "aantafel-superuser.password";

  private static final int RANDOM_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private SuperuserPassword() {
  }

  static Path file(Path clusterDirectory) {
    return clusterDirectory.resolve(FILE_NAME);
  }

  static boolean isStored(Path clusterDirectory) {
    return Files.isRegularFile(file(clusterDirectory));
  }

  /**
   * The stored password, or a new one when there is none yet. A new one is not stored here: on the first start
   * initdb needs an empty directory, so {@link #store} is called once initdb has run.
   */
  static String storedOrNew(Path clusterDirectory) throws IOException {
    if (!isStored(clusterDirectory)) {
      byte[] bytes = new byte[RANDOM_BYTES];
      RANDOM.nextBytes(bytes);
      // base64url without padding: safe inside a SQL string literal and a URL without any quoting
      return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
    String password = Files.readString(file(clusterDirectory), StandardCharsets.UTF_8).strip();
    if (password.isEmpty()) {
      throw new IOException(file(clusterDirectory) + " is empty");
    }
    return password;
  }

  static void store(Path clusterDirectory, String password) throws IOException {
    PrivateFiles.write(file(clusterDirectory), password + "\n");
  }
}
