package org.aantafel.record;

import java.time.Instant;
import java.util.Objects;

/**
 * What the server knows about a close that the board itself does not: which board and version, when and by whom,
 * in which language the record is written, and the series it belongs to (null when it is the first meeting).
 */
public record RecordMeta(
    String boardId, int version, Instant closedAt, String closedBy, String language,
    String seriesId, String previousBoardId) {

  public RecordMeta {
    Objects.requireNonNull(boardId, "boardId");
    Objects.requireNonNull(closedAt, "closedAt");
    Objects.requireNonNull(closedBy, "closedBy");
    if (!"nl".equals(language) && !"en".equals(language)) {
      throw new IllegalArgumentException("language must be nl or en: " + language);
    }
  }
}
