package org.aantafel.board;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The question and poll groups of the shared rule vectors, from random boards of questions and votes, polls and
 * answers, as {@link Questions} and {@link Polls} read them: which questions everyone sees, the votes counted, the
 * order they were asked in, whose vote counts; each poll's options and results; which option lists a poll accepts,
 * and the poll's limits. webroot/js/board/questions.js and webroot/js/board/polls.js must read them the same.
 */
final class QuestionPollVectors {

  private static final List<String> PEOPLE = List.of("pA", "pB", "pC", "pD");
  private static final String[] MODERATIONS = {null, Questions.PENDING, Questions.APPROVED, Questions.HIDDEN};
  /** Letters, spaces a poll strips (Java's whitespace) or keeps (a non-breaking one), controls it refuses. */
  private static final String OPTION_CHARS = "a\u00e9 \u00a0\u2003\u2028\u3000\t\u0001\u007f";

  private QuestionPollVectors() {
  }

  static void add(Map<String, Object> vectors, Random random) {
    List<Map<String, Object>> questions = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      questions.add(questionCase(random));
    }
    vectors.put("questions", questions);
    List<Map<String, Object>> polls = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      polls.add(pollCase(random));
    }
    vectors.put("polls", polls);
    List<Map<String, Object>> lists = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      lists.add(optionListCase(random));
    }
    vectors.put("pollOptionLists", lists);
    Map<String, Object> limits = new LinkedHashMap<>();
    limits.put("minOptions", Polls.MIN_OPTIONS);
    limits.put("maxOptions", Polls.MAX_OPTIONS);
    limits.put("option", Polls.MAX_OPTION);
    limits.put("question", Polls.MAX_QUESTION);
    vectors.put("pollLimits", List.of(Map.of("limits", limits)));
  }

  private static Map<String, Object> questionCase(Random random) {
    Map<String, Map<String, Object>> entities = new LinkedHashMap<>();
    int count = 1 + random.nextInt(6);
    for (int q = 0; q < count; q++) {
      Map<String, Object> question = entity("question", random);
      // Few order keys and stamps, so that ties are common; questions from before the stamp have none.
      question.put("order", "a" + random.nextInt(3));
      if (random.nextInt(4) > 0) {
        question.put(Questions.ASKED_AT, 1_790_000_000_000L + random.nextInt(3));
      }
      String moderation = MODERATIONS[random.nextInt(MODERATIONS.length)];
      if (moderation != null) {
        question.put(Questions.MODERATION, moderation);
      }
      entities.put("q" + q, question);
    }
    List<List<Object>> voters = new ArrayList<>();
    for (String person : PEOPLE) {
      for (int q = 0; q <= count; q++) {
        String question = "q" + q;
        voters.add(List.of(question, person));
        if (random.nextInt(3) == 0) {
          continue;
        }
        Map<String, Object> vote = entity("vote", random);
        vote.put("question", question);
        vote.put("participantId", person);
        if (random.nextBoolean()) {
          vote.put(Questions.WITHDRAWN, random.nextBoolean());
        }
        entities.put(Questions.voteId(question, person), vote);
      }
    }
    List<String> visible = new ArrayList<>();
    entities.forEach((id, e) -> {
      if ("question".equals(e.get("kind")) && Questions.visible(e)) {
        visible.add(id);
      }
    });
    List<Object> voted = new ArrayList<>();
    for (List<Object> pair : voters) {
      Map<String, Object> vote = entities.get(Questions.voteId((String) pair.get(0), (String) pair.get(1)));
      voted.add(List.of(pair.get(0), pair.get(1), vote != null && Questions.counts(vote)));
    }
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("state", state(entities));
    c.put("visible", visible);
    c.put("counts", Questions.voteCounts(entities));
    c.put("asked", entities.entrySet().stream().filter(e -> visible.contains(e.getKey())).sorted(Questions.AS_ASKED)
        .map(Map.Entry::getKey).toList());
    c.put("voted", voted);
    return c;
  }

  private static Map<String, Object> pollCase(Random random) {
    Map<String, Map<String, Object>> entities = new LinkedHashMap<>();
    int count = 1 + random.nextInt(3);
    for (int p = 0; p < count; p++) {
      Map<String, Object> poll = entity(Polls.POLL, random);
      if (!poll.containsKey("deleted") && random.nextInt(5) > 0) {
        List<String> options = new ArrayList<>();
        for (int o = 0, n = Polls.MIN_OPTIONS + random.nextInt(3); o < n; o++) {
          options.add("option " + o);
        }
        poll.put("options", String.join("\n", options));
      }
      entities.put("poll" + p, poll);
      for (String person : PEOPLE) {
        if (random.nextInt(4) > 0) {
          Map<String, Object> answer = entity(Polls.ANSWER, random);
          // Now and then an answer a poll's options no longer have, or one for a poll that is not there.
          answer.put("poll", "poll" + (random.nextInt(8) == 0 ? count : p));
          answer.put("choice", random.nextInt(Polls.MIN_OPTIONS + 3));
          answer.put("participantId", person);
          entities.put(Polls.answerId("poll" + p, person), answer);
        }
      }
    }
    Map<String, Object> options = new LinkedHashMap<>();
    Map<String, Object> results = new LinkedHashMap<>();
    for (int p = 0; p <= count; p++) {
      Map<String, Object> poll = entities.get("poll" + p);
      options.put("poll" + p, Polls.options(poll == null || Removal.gone(poll) ? null : poll.get("options")));
      results.put("poll" + p, Arrays.stream(Polls.results("poll" + p, entities)).boxed().toList());
    }
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("state", state(entities));
    c.put("options", options);
    c.put("results", results);
    return c;
  }

  /** A list of options as a poll's {@code options} value, and whether the poll accepts it. */
  private static Map<String, Object> optionListCase(Random random) {
    int count = random.nextInt(6) == 0 ? random.nextInt(Polls.MAX_OPTIONS + 3)
        : Polls.MIN_OPTIONS + random.nextInt(Polls.MAX_OPTIONS - Polls.MIN_OPTIONS + 1);
    List<String> options = new ArrayList<>();
    for (int o = 0; o < count; o++) {
      options.add("option " + o);
    }
    // Most lists differ from a good one in one place: an option of random characters (blank, with a control, the
    // same as another but for the spaces around it) or one near the longest allowed.
    for (int changes = random.nextInt(3); changes > 0 && count > 0; changes--) {
      int at = random.nextInt(count);
      StringBuilder option = new StringBuilder();
      if (random.nextInt(4) == 0) {
        option.append("x".repeat(Polls.MAX_OPTION - 1 + random.nextInt(3)));
      } else {
        for (int i = random.nextInt(3); i > 0; i--) {
          option.append(OPTION_CHARS.charAt(random.nextInt(OPTION_CHARS.length())));
        }
        option.append(random.nextBoolean() ? "" : "option " + random.nextInt(count));
        for (int i = random.nextInt(3); i > 0; i--) {
          option.append(OPTION_CHARS.charAt(random.nextInt(OPTION_CHARS.length())));
        }
      }
      options.set(at, option.toString());
    }
    String value = String.join("\n", options);
    boolean accepted;
    try {
      Polls.optionList().check("options", value);
      accepted = true;
    } catch (BoardRejection refused) {
      accepted = false;
    }
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("value", value);
    c.put("accepted", accepted);
    return c;
  }

  private static Map<String, Object> state(Map<String, Map<String, Object>> entities) {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("board", Map.of());
    state.put("entities", entities);
    return state;
  }

  /** An entity of the kind, now and then deleted. */
  private static Map<String, Object> entity(String kind, Random random) {
    Map<String, Object> entity = new LinkedHashMap<>();
    entity.put("kind", kind);
    if (random.nextInt(8) == 0) {
      entity.put("deleted", true);
    }
    return entity;
  }
}
