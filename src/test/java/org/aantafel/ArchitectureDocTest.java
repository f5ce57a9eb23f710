package org.aantafel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/architecture.md points into the code as {@code `path:line` `symbol`}. Lines move whenever code is changed, so
 * this holds every anchor to its file and to its symbol within {@link #SLACK} lines of the line given, and names the
 * anchors that moved, so that they can be pointed again.
 */
class ArchitectureDocTest {

  static final Path DOC = Path.of("docs/architecture.md");
  /** How far from the line given the symbol may be: a line added above it should not fail the build. */
  static final int SLACK = 2;
  /** A path with a line, then the symbol in the next backticks of the same line; a symbol may start with # (JS). */
  private static final Pattern ANCHOR =
    Pattern.compile("`([\\w./-]+\\.(?:java|js)):(\\d+)`\\s*(?:→\\s*)?`([#\\w.]+)`");
  private static final Pattern HALF_ANCHOR = Pattern.compile("`[\\w./-]+\\.(?:java|js):\\d+`");

  record Anchor(String path, int line, String symbol) {
    @Override
    public String toString() {
      return "`" + path + ":" + line + "` `" + symbol + "`";
    }
  }

  @Test
  void everyAnchorNamesWhatIsOnItsLine() throws IOException {
    String doc = Files.readString(DOC);
    List<Anchor> anchors = anchors(doc);
    assertTrue(anchors.size() >= 40, "docs/architecture.md has its anchors: " + anchors.size());
    assertEquals(List.of(), moved(anchors), "anchors in docs/architecture.md whose file or symbol moved");
  }

  @Test
  void everyPathWithALineHasItsSymbol() throws IOException {
    // A `path:line` without a symbol after it could never be checked: each must be an anchor.
    List<String> bare = new ArrayList<>();
    Files.readString(DOC).lines().forEach(line -> {
      Matcher half = HALF_ANCHOR.matcher(line);
      int anchored = (int) ANCHOR.matcher(line).results().count();
      if (half.results().count() != anchored) {
        bare.add(line.strip());
      }
    });
    assertEquals(List.of(), bare, "write each `path:line` followed by `symbol` on the same line");
  }

  @Test
  void aMovedAnchorIsNamedAndAnIntactOneIsNot() {
    String doc = "1. `sync/BoardHub.java:1` `submit` and `board/NoSuchFile.java:3` `x`, then `sync/BoardHub.java:"
      + lineOf("src/main/java/org/aantafel/sync/BoardHub.java", "Future<JsonObject> submit(") + "` `submit`.";
    List<Anchor> anchors = anchors(doc);
    assertEquals(3, anchors.size());
    List<String> moved = moved(anchors);
    assertEquals(2, moved.size(), moved.toString());
    assertTrue(moved.get(0).startsWith(anchors.get(0) + ": `submit` is not within 2 lines of line 1"), moved.get(0));
    assertEquals(anchors.get(1) + ": no such file src/main/java/org/aantafel/board/NoSuchFile.java", moved.get(1));
  }

  static List<Anchor> anchors(String doc) {
    List<Anchor> anchors = new ArrayList<>();
    Matcher m = ANCHOR.matcher(doc);
    while (m.find()) {
      anchors.add(new Anchor(m.group(1), Integer.parseInt(m.group(2)), m.group(3)));
    }
    return anchors;
  }

  /** Browser paths are written from the repository's root, Java paths from the package root. */
  static Path file(String path) {
    return path.startsWith("webroot/") || path.startsWith("src/") ? Path.of(path)
      : Path.of("src/main/java/org/aantafel", path);
  }

  static List<String> moved(List<Anchor> anchors) {
    List<String> moved = new ArrayList<>();
    for (Anchor anchor : anchors) {
      Path file = file(anchor.path());
      if (!Files.isRegularFile(file)) {
        moved.add(anchor + ": no such file " + file);
        continue;
      }
      List<String> lines = read(file);
      String name = anchor.symbol().substring(anchor.symbol().lastIndexOf('.') + 1);
      Pattern symbol = Pattern.compile("(?<![\\w#])" + Pattern.quote(name) + "(?!\\w)");
      int from = Math.max(1, anchor.line() - SLACK);
      int to = Math.min(lines.size(), anchor.line() + SLACK);
      boolean found = false;
      for (int i = from; i <= to && !found; i++) {
        found = symbol.matcher(lines.get(i - 1)).find();
      }
      if (!found) {
        List<Integer> seen = new ArrayList<>();
        for (int i = 0; i < lines.size() && seen.size() < 5; i++) {
          if (symbol.matcher(lines.get(i)).find()) {
            seen.add(i + 1);
          }
        }
        moved.add(anchor + ": `" + name + "` is not within " + SLACK + " lines of line " + anchor.line()
          + (seen.isEmpty() ? ", nor anywhere in the file" : " (it is on lines " + seen + ")"));
      }
    }
    return moved;
  }

  private static int lineOf(String path, String text) {
    List<String> lines = read(Path.of(path));
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError(text + " not in " + path);
  }

  private static List<String> read(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
