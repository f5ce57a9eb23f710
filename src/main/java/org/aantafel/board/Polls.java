package org.aantafel.board;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A live poll, as in a webinar or a parents' evening: the facilitator asks a question with 2 to 10 options, every
 * seated person chooses one and may change their mind until the facilitator closes the poll.
 *
 * <p>A {@code poll} holds its options as one value, one option per line, so the schema checks the whole list at
 * once and a set replaces it whole (the board's values are scalars: last-writer-wins on a list would lose options).
 * Once a poll has been opened ({@code opened}, stamped) its question and options stay as they were asked, so every
 * answer answers the same question and an answer's {@code choice} (the option's index) keeps its meaning.
 *
 * <p>A {@code pollAnswer} is one person's ({@link KindRules}): its id {@code answer.<pollId>.<participantId>} is
 * derived from the actor, it is created and changed by that person only while the poll is open and never withdrawn.
 * Resending or a second tab cannot add a second answer (the id is taken: 409), so the counts are the number of people.
 *
 * <p>The browser reads polls with webroot/js/board/polls.js, held to this class by the shared rule vectors
 * (RuleVectorGenerator in the tests).
 */
public final class Polls {

  public static final String POLL = "poll";
  public static final String ANSWER = "pollAnswer";
  public static final int MIN_OPTIONS = 2;
  public static final int MAX_OPTIONS = 10;
  public static final int MAX_OPTION = 100;
  public static final int MAX_QUESTION = 300;
  /** Stamped on a poll when it is first opened: from then on its question and options are fixed. */
  static final String OPENED = "opened";

  private Polls() {
  }

  /** A poll's options as a list; empty when it has none yet. */
  public static List<String> options(Object value) {
    return value instanceof String s && !s.isEmpty() ? List.of(s.split("\n", -1)) : List.of();
  }

  /**
   * How many chose each option of the poll, from a board's entities (id to state map): its live answers, one per
   * person by their ids, each naming one of its options.
   */
  public static int[] results(String pollId, Map<String, ? extends Map<?, ?>> entities) {
    Map<?, ?> poll = entities.get(pollId);
    int[] counts = new int[poll == null || Removal.gone(poll) ? 0 : options(poll.get("options")).size()];
    entities.values().forEach(a -> {
      if (ANSWER.equals(a.get("kind")) && !Removal.gone(a) && pollId.equals(a.get("poll"))
          && a.get("choice") instanceof Number choice && choice.intValue() >= 0 && choice.intValue() < counts.length) {
        counts[choice.intValue()]++;
      }
    });
    return counts;
  }

  public static String answerId(String pollId, String participantId) {
    return BoardSchema.STANDARD.kind(ANSWER).rules().personal().id(pollId, participantId);
  }

  /** 2-10 options, one per line: none blank, none longer than 100 characters, no two the same. */
  static ValueRule optionList() {
    return (field, value) -> {
      if (!(value instanceof String s)) {
        throw BoardRejection.badInput(field + " must be the options, one per line");
      }
      List<String> options = options(s);
      if (options.size() < MIN_OPTIONS || options.size() > MAX_OPTIONS) {
        throw BoardRejection.badInput(field + " must hold " + MIN_OPTIONS + " to " + MAX_OPTIONS + " options");
      }
      Set<String> seen = new HashSet<>();
      for (String option : options) {
        if (option.isBlank() || option.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
          throw BoardRejection.badInput(field + ": an option is a line of text, not blank");
        }
        if (option.length() > MAX_OPTION) {
          throw new BoardRejection(413, field + ": an option is at most " + MAX_OPTION + " characters");
        }
        if (!seen.add(option.strip())) {
          throw BoardRejection.badInput(field + ": two options are the same");
        }
      }
    };
  }

  /** Once a poll has been asked, its question and options stay (its fields are the facilitator's: BoardSchema). */
  static void checkAsked(Map<String, Object> fields, String field) {
    if (Boolean.TRUE.equals(fields.get(OPENED)) && ("question".equals(field) || "options".equals(field))) {
      throw new BoardRejection(409, "this poll has been asked: its question and options stay as they were");
    }
  }

  /**
   * The rules that look beyond the entity itself, on what the draft holds now: an answer goes to a live, open poll
   * and names one of its options; a poll opens only with a question and its options.
   */
  static void checkWritten(String kind, Map<String, Object> fields, Function<String, Entity> lookup) {
    if (kind.equals(POLL)) {
      if (Boolean.TRUE.equals(fields.get("open"))) {
        if (!(fields.get("question") instanceof String q) || q.isBlank()) {
          throw BoardRejection.badInput("a poll opens with its question");
        }
        if (options(fields.get("options")).size() < MIN_OPTIONS) {
          throw BoardRejection.badInput("a poll opens with " + MIN_OPTIONS + " to " + MAX_OPTIONS + " options");
        }
      }
    } else if (kind.equals(ANSWER)) {
      Entity poll = lookup.apply(String.valueOf(fields.get("poll")));
      if (poll == null || poll.deleted || !poll.kind.name().equals(POLL)) {
        throw new BoardRejection(409, "this poll is not there (any more)");
      }
      if (!Boolean.TRUE.equals(poll.fields.get("open"))) {
        throw new BoardRejection(409, "this poll is closed");
      }
      if (!(fields.get("choice") instanceof Number choice)
          || choice.intValue() >= options(poll.fields.get("options")).size()) {
        throw BoardRejection.badInput("an answer chooses one of the poll's options");
      }
    }
  }
}
