package org.aantafel.record;

import java.util.List;

/**
 * A live poll as it stood when the meeting closed: the question, how many people answered, and per option how many
 * chose it. Only who chose what is left out: the record keeps the result, not each person's answer.
 */
public record RecordPoll(String question, boolean open, int answered, List<Option> options) {

  public RecordPoll {
    options = List.copyOf(options);
  }

  /** One option and how many people chose it. */
  public record Option(String text, int count) {
  }
}
