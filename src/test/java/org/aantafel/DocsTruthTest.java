package org.aantafel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.aantafel.sync.Refusal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What README.md and docs/*.md name must exist: every file and folder of the repository they mention, every class
 * (and the method or test named after it), every error code of the event bus, and every setting with its default.
 * The cheap, mechanical half of keeping the docs true to the code; what a sentence claims still needs a reader.
 */
class DocsTruthTest {

  /**
   * Names in the docs that look like classes of ours but belong to others (libraries, the JVM, HTTP, SockJS).
   * Anything else spelled like a class must be one of ours.
   */
  private static final Set<String> OTHERS_NAMES = Set.of("AlwaysPreTouch", "UseParallelGC", "NativeMemoryTracking",
    "VmRSS", "HttpClosedException", "SockJSSession", "SockJSSocket", "SockJSHandler", "EventBusBridgeImpl",
    "JsonObject", "HttpOnly", "SameSite", "OutOfMemoryError", "WalSync", "PostgreSQL", "GreenMail", "HdrHistogram",
    "WebJars", "DejaVu", "CompletableFuture", "FileChannel", "BlockedThreadChecker", "StartFlightRecording");
  /** The first folder of a path the docs write from the repository's root, a source root or a package. */
  private static final Set<String> OUR_ROOTS = Set.of("src", "webroot", "config", "docs", ".ci", "js", "ui", "sync",
    "web", "board", "store", "record", "mail", "testsupport", "bench", "i18n");
  /** Where a path in the docs may start: they write `sync/BoardHub.java`, `js/sync/…`, `ui/…` and full paths. */
  private static final List<String> PATH_BASES = List.of("", "src/main/java/org/aantafel/",
    "src/test/java/org/aantafel/", "webroot/", "webroot/js/");

  private static final Pattern CODE = Pattern.compile("`([^`\\n]+)`");
  private static final Pattern PATH = Pattern.compile("[\\w.-]+(?:/[\\w.*{}-]+)+/?");
  private static final Pattern TYPE_NAME =
    Pattern.compile("(?<![\\w./#-])([A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)+)(?![A-Za-z0-9])(?:[.#]([a-z]\\w*))?");

  private static List<Path> docs;
  private static Map<String, List<Path>> typeFiles;

  @BeforeAll
  static void readTheRepository() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("docs"))) {
      docs = Stream.concat(Stream.of(Path.of("README.md")), files.filter(f -> f.toString().endsWith(".md")).sorted())
        .toList();
    }
    typeFiles = new HashMap<>();
    Pattern declared = Pattern.compile("\\b(?:class|record|interface|enum)\\s+([A-Z]\\w*)");
    for (String root : List.of("src", "webroot")) {
      try (Stream<Path> files = Files.walk(Path.of(root))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".js")).toList()) {
          Matcher m = declared.matcher(read(file));
          while (m.find()) {
            typeFiles.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(file);
          }
        }
      }
    }
  }

  @Test
  void everyFileAndFolderTheDocsNameExists() {
    List<String> missing = new ArrayList<>();
    forEachCode((where, code) -> {
      if (PATH.matcher(code).matches() && OUR_ROOTS.contains(code.substring(0, code.indexOf('/')))
        && !exists(code)) {
        missing.add(where + ": `" + code + "`");
      }
    });
    assertEquals(List.of(), missing, "paths in the docs that are not in the repository");
  }

  @Test
  void everyClassTheDocsNameExistsWithTheMemberNamedAfterIt() {
    List<String> missing = new ArrayList<>();
    for (Path doc : docs) {
      List<String> lines = read(doc).lines().toList();
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = TYPE_NAME.matcher(lines.get(i));
        while (m.find()) {
          String type = m.group(1);
          String member = m.group(2);
          if (OTHERS_NAMES.contains(type)) {
            continue;
          }
          List<Path> files = typeFiles.get(type);
          if (files == null) {
            missing.add(doc + ":" + (i + 1) + ": no class " + type);
          } else if (member != null && files.stream().noneMatch(f -> Pattern.compile("\\b" + member + "\\b")
            .matcher(read(f)).find())) {
            missing.add(doc + ":" + (i + 1) + ": " + type + " has no " + member);
          }
        }
      }
    }
    assertEquals(List.of(), missing, "classes and members the docs name (a library's name belongs in OTHERS_NAMES)");
  }

  @Test
  void theErrorCodesOfTheEventBusAreTheOnesTheHubSends() throws IllegalAccessException {
    Set<Integer> sent = new TreeSet<>();
    for (Field field : Refusal.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == int.class) {
        sent.add(field.getInt(null));
      }
    }
    String protocol = read(Path.of("docs/protocol.md"));
    int from = protocol.indexOf("Reply failures carry `failureCode`");
    int to = protocol.indexOf("Over HTTP:", from);
    assertTrue(from >= 0 && to > from, "docs/protocol.md lists the reply failures before \"Over HTTP:\"");
    Set<Integer> documented = new TreeSet<>();
    Matcher code = Pattern.compile("`(\\d{3})`").matcher(protocol.substring(from, to));
    while (code.find()) {
      documented.add(Integer.parseInt(code.group(1)));
    }
    // 404 is the HTTP API's (a deleted board, a seat nobody holds): a browser's messages get 403 for a missing board.
    Set<Integer> overTheBus = new TreeSet<>(sent);
    overTheBus.remove(Refusal.UNKNOWN_BOARD);
    assertEquals(overTheBus, documented, "docs/protocol.md, \"Error codes\", against the codes of Refusal");
  }

  @Test
  void everySettingIsInTheReadmeWithItsDefault() {
    JsonObject config = new JsonObject(read(Path.of("config/aantafel.json")));
    Map<String, String> documented = new HashMap<>();
    Pattern row = Pattern.compile("^\\| ((?:`AANTAFEL_\\w+`(?:, )?)+) \\| ([^|]+) \\|", Pattern.MULTILINE);
    Matcher m = row.matcher(read(Path.of("README.md")));
    while (m.find()) {
      String[] names = m.group(1).replace("`", "").split(", ");
      String[] defaults = m.group(2).split(", ");
      for (int i = 0; i < names.length; i++) {
        String given = (defaults.length == names.length ? defaults[i] : defaults[0]).strip();
        documented.put(names[i], given.startsWith("`") ? given.substring(1, given.indexOf('`', 1))
          : given.startsWith("empty") ? "" : given);
      }
    }
    List<String> wrong = new ArrayList<>();
    for (String key : config.fieldNames()) {
      String env = "AANTAFEL_" + AppConfig.toEnvName(key);
      String value = String.valueOf(config.getValue(key));
      if (!documented.containsKey(env)) {
        wrong.add(env + " (" + key + ") is not in the README's table");
      } else if (!documented.get(env).equals(value)) {
        wrong.add(env + ": the README says " + documented.get(env) + ", config/aantafel.json " + value);
      }
    }
    documented.keySet().stream().filter(env -> config.fieldNames().stream()
      .noneMatch(key -> env.equals("AANTAFEL_" + AppConfig.toEnvName(key))))
      .forEach(env -> wrong.add(env + " is in the README but is no setting"));
    Pattern named = Pattern.compile("\\bAANTAFEL_[A-Z_]+\\b");
    for (Path doc : docs) {
      named.matcher(read(doc)).results().map(MatchResult::group).distinct()
        .filter(env -> !documented.containsKey(env)).forEach(env -> wrong.add(doc + " names " + env + ", no setting"));
    }
    assertEquals(List.of(), wrong, "README.md, \"Configuration\", against config/aantafel.json");
  }

  @Test
  void everyTableStartsWithItsHeader() {
    // A line written between two rows ends the table: the rows after it show as text, or as a table with no header.
    Pattern divider = Pattern.compile("\\|(\\s*:?-+:?\\s*\\|)+");
    List<String> broken = new ArrayList<>();
    for (Path doc : docs) {
      List<String> lines = read(doc).lines().toList();
      boolean fenced = false;
      for (int i = 0; i < lines.size(); i++) {
        fenced ^= lines.get(i).startsWith("```");
        boolean firstRow = !fenced && lines.get(i).startsWith("|") && (i == 0 || !lines.get(i - 1).startsWith("|"));
        if (firstRow && (i + 1 == lines.size() || !divider.matcher(lines.get(i + 1)).matches())) {
          broken.add(doc + ":" + (i + 1));
        }
      }
    }
    assertEquals(List.of(), broken, "table rows without the header and divider above them");
  }

  private interface CodeVisitor {
    void visit(String where, String code);
  }

  private static void forEachCode(CodeVisitor visitor) {
    for (Path doc : docs) {
      List<String> lines = read(doc).lines().toList();
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = CODE.matcher(lines.get(i));
        while (m.find()) {
          visitor.visit(doc + ":" + (i + 1), m.group(1));
        }
      }
    }
  }

  /** A path, a glob of paths, or a path to a class followed by one of its members (`sync/WireFields.optionalPlainText`). */
  private static boolean exists(String written) {
    String path = written.endsWith("/") ? written.substring(0, written.length() - 1) : written;
    for (String base : PATH_BASES) {
      Path candidate = Path.of(base + path);
      if (path.contains("*") || path.contains("{")) {
        if (anyMatch(base + path)) {
          return true;
        }
      } else if (Files.exists(candidate) || Files.exists(Path.of(base + path + ".java"))) {
        return true;
      } else if (path.lastIndexOf('.') > path.lastIndexOf('/')) {
        Path type = Path.of(base + path.substring(0, path.lastIndexOf('.')) + ".java");
        String member = path.substring(path.lastIndexOf('.') + 1);
        if (Files.isRegularFile(type) && Pattern.compile("\\b" + member + "\\b").matcher(read(type)).find()) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean anyMatch(String glob) {
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
    Path start = Path.of(glob.substring(0, Math.max(0, glob.substring(0, glob.indexOf('*') < 0 ? glob.indexOf('{')
      : glob.indexOf('*')).lastIndexOf('/'))));
    if (!Files.isDirectory(start)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(start)) {
      return files.anyMatch(matcher::matches);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
