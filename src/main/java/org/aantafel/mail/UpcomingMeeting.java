package org.aantafel.mail;

import io.vertx.core.json.JsonObject;
import org.aantafel.record.MeetingRecord;
import org.aantafel.record.RecordAgendaItem;
import org.aantafel.record.RecordMeta;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * What the agenda mail and the invitation tell about a board that has not taken place yet.
 *
 * @param scheduledAt when it takes place on the school's wall clock, or empty when nobody set it
 */
record UpcomingMeeting(String boardId, String title, String goal, String language,
                       Optional<LocalDateTime> scheduledAt, List<RecordAgendaItem> agenda) {

  /** Without timeboxes an invitation still blocks a reasonable hour. */
  static final int DEFAULT_MINUTES = 60;

  /**
   * Reads the state ({board, entities}) as the record does, so the agenda lists the items in the same order and
   * leaves out the same deleted ones as the record will; the record's close metadata is irrelevant here.
   */
  static UpcomingMeeting of(String boardId, JsonObject state) {
    JsonObject board = state.getJsonObject("board", new JsonObject());
    String language = "en".equals(board.getString("language")) ? "en" : "nl";
    // Decoded afresh, so that nested objects are plain maps as the reading expects (as RecordApi does).
    MeetingRecord reading = MeetingRecord.of(new JsonObject(state.encode()).getMap(), List.of(),
        new RecordMeta(boardId, 0, Instant.EPOCH, "", language, null, null));
    String scheduledAt = board.getString("scheduledAt", "");
    return new UpcomingMeeting(boardId, reading.title(), reading.goal(), language,
        scheduledAt.isEmpty() ? Optional.empty() : Optional.of(LocalDateTime.parse(scheduledAt)),
        reading.agenda());
  }

  /** The sum of the agenda's timeboxes, or {@link #DEFAULT_MINUTES} when none is set. */
  int minutes() {
    int sum = agenda.stream().mapToInt(item -> item.timeboxMinutes() == null ? 0 : item.timeboxMinutes()).sum();
    return sum > 0 ? sum : DEFAULT_MINUTES;
  }
}
