package org.aantafel.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Files and directories that only the OS user running this process may open. */
final class PrivateFiles {

  static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
  static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

  private PrivateFiles() {
  }

  /**
   * Creates the directory if needed and takes group and world access away. Created with the final mode rather than
   * restricted afterwards, so that no other user can open it in between.
   */
  static Path directory(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      Files.createDirectories(directory.getParent());
      try {
        Files.createDirectory(directory, attribute(OWNER_ONLY_DIRECTORY));
      } catch (FileAlreadyExistsException createdMeanwhile) {
        // by another server or test JVM starting at the same time; its mode is set below either way
      }
    }
    Files.setPosixFilePermissions(directory, OWNER_ONLY_DIRECTORY);
    return directory;
  }

  /**
   * Replaces the file's content in one step: a crash leaves the old or the new content, never half of it. The new
   * file is mode 0600 from its creation on.
   */
  static void write(Path file, String content) throws IOException {
    Path temporary = file.resolveSibling(file.getFileName() + ".new");
    Files.deleteIfExists(temporary);
    Files.createFile(temporary, attribute(OWNER_ONLY_FILE));
    Files.writeString(temporary, content, StandardCharsets.UTF_8);
    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> permissions) {
    return PosixFilePermissions.asFileAttribute(permissions);
  }
}
