package org.aantafel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.NodeList;

/**
 * Surefire runs only the classes its include patterns name; a test class named otherwise compiles, looks fine and
 * never runs. This fails the build for every source file under src/test/java that declares a JUnit or jqwik test
 * but matches none of the patterns in pom.xml (read from there, so the two cannot drift apart).
 */
class TestClassNamesTest {

  private static final Path TESTS = Path.of("src/test/java");
  // An annotation at the start of a line, as tests are written here; a mention in a comment or string is not one.
  private static final Pattern DECLARES_TESTS = Pattern.compile(
      "^\\s*@([\\w.]+\\.)?(Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate|Property|Example)\\b",
      Pattern.MULTILINE);

  @Test
  void everyTestClassMatchesAnIncludePatternOfSurefire() throws Exception {
    List<PathMatcher> includes = surefireIncludes();
    assertFalse(includes.isEmpty(), "pom.xml names surefire's includes");
    List<String> neverRun = new ArrayList<>();
    try (Stream<Path> files = Files.walk(TESTS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Path relative = TESTS.relativize(file);
        if (declaresTests(file) && includes.stream().noneMatch(m -> m.matches(relative))) {
          neverRun.add(relative.toString());
        }
      }
    }
    assertEquals(List.of(), neverRun,
        "these classes declare tests that surefire never runs: rename them to *Test or *Properties");
  }

  private static boolean declaresTests(Path file) throws IOException {
    return DECLARES_TESTS.matcher(Files.readString(file)).find();
  }

  private static List<PathMatcher> surefireIncludes() throws Exception {
    var pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
    NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(
        "//plugin[artifactId='maven-surefire-plugin']/configuration/includes/include", pom, XPathConstants.NODESET);
    List<PathMatcher> matchers = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      String pattern = nodes.item(i).getTextContent().strip();
      matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern));
      // Surefire's **/ also matches no folder at all, which a Java glob does not.
      if (pattern.startsWith("**/")) {
        matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern.substring(3)));
      }
    }
    return matchers;
  }
}
