package org.aantafel.record;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How large one record may be, in bytes of its stored JSON (UTF-8). A long meeting with heavy note-taking (two A4
 * pages, about 6,000 characters, of notes for each of a dozen agenda items, with agreements, actions, check-ins and
 * the evaluation) makes a record under 100 kB; a typical one makes 10-40 kB. The limit is 256 KiB: more than twice
 * that long meeting, about a hundred printed pages. It is also what a render may cost: the PDF of a record at the
 * limit takes several seconds of a core (HTML and Markdown a fraction of one), and grows with the record.
 */
public final class RecordLimits {
  public static final int MAX_RECORD_BYTES = 256 * 1024;

  /** The parts of a record a facilitator can shorten, by their key in the stored JSON, as the board names them. */
  private static final Map<String, String> PARTS = Map.ofEntries(
      Map.entry("agenda", "the agenda items and their notes"),
      Map.entry("actions", "the actions"),
      Map.entry("agreements", "the agreements"),
      Map.entry("disagreements", "the points of disagreement"),
      Map.entry("checkins", "the check-ins"),
      Map.entry("goalChecks", "the goal checks"),
      Map.entry("evaluations", "the evaluation"),
      Map.entry("questions", "the questions"),
      Map.entry("polls", "the polls"),
      Map.entry("participants", "the people at the table"),
      Map.entry("goal", "the goal"),
      Map.entry("consent", "the consent text"));

  private RecordLimits() {
  }

  public static int bytes(JsonObject record) {
    return record.encode().getBytes(StandardCharsets.UTF_8).length;
  }

  /**
   * Why the record may not be stored, naming its largest part so the facilitator knows what to shorten; empty when
   * it fits.
   */
  public static Optional<String> tooLarge(JsonObject record) {
    int bytes = bytes(record);
    if (bytes <= MAX_RECORD_BYTES) {
      return Optional.empty();
    }
    String largest = null;
    int largestBytes = -1;
    for (Map.Entry<String, String> part : PARTS.entrySet()) {
      int partBytes = partBytes(record.getValue(part.getKey()));
      if (partBytes > largestBytes) {
        largest = part.getValue();
        largestBytes = partBytes;
      }
    }
    return Optional.of("the record of this meeting would hold " + megabytes(bytes) + " MB, more than the "
      + megabytes(MAX_RECORD_BYTES) + " MB a record may hold; shorten " + largest + " (" + megabytes(largestBytes)
      + " MB) and close the meeting again");
  }

  private static int partBytes(Object part) {
    if (part instanceof String text) {
      return text.getBytes(StandardCharsets.UTF_8).length;
    }
    if (part instanceof JsonArray list) {
      return list.encode().getBytes(StandardCharsets.UTF_8).length;
    }
    return 0;
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.2f", bytes / (1024.0 * 1024.0));
  }
}
