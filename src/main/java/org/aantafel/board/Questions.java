package org.aantafel.board;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rules of a webinar's questions, as in Slido: a listener asks, and their question is theirs to reword or
 * withdraw; the facilitator approves or hides it, but does not rewrite it. Everyone votes once per question, for a
 * question everyone can see; the count is the number of live votes, so sending a vote again cannot inflate it.
 * The browser reads questions with webroot/js/board/questions.js, held to this class by the shared rule vectors
 * (RuleVectorGenerator in the tests).
 */
public final class Questions {

  /** A question's moderation: {@code pending} (waits for the facilitator), {@code approved}, {@code hidden}. */
  public static final String MODERATION = "moderation";
  public static final String PENDING = "pending";
  public static final String APPROVED = "approved";
  public static final String HIDDEN = "hidden";
  static final List<String> MODERATIONS = List.of(PENDING, APPROVED, HIDDEN);
  /** A vote's field: taken back (true) or cast again (false); only a vote that is not withdrawn counts. */
  public static final String WITHDRAWN = "withdrawn";
  /** When the server received the question, in its milliseconds: what "newest" and "asked first" go by. */
  static final String ASKED_AT = "askedAt";
  /** Board field: new questions of listeners wait for approval. */
  static final String NEED_APPROVAL = "questionsNeedApproval";

  private Questions() {
  }

  /** The id of a participant's vote for a question: one per person per question, like a goal check's. */
  public static String voteId(String questionId, String participantId) {
    return BoardSchema.STANDARD.kind("vote").rules().personal().id(questionId, participantId);
  }

  /** Whether everyone sees the question: approved (or from before moderation existed), not hidden. */
  public static boolean visible(Map<?, ?> question) {
    return !Removal.gone(question) && approved(question);
  }

  /** Whether the facilitator let the question through: approved, or from before moderation existed. */
  static boolean approved(Map<?, ?> question) {
    Object moderation = question.get(MODERATION);
    return moderation == null || APPROVED.equals(moderation);
  }

  /** Whether a vote's state map counts: live and not taken back. */
  public static boolean counts(Map<?, ?> vote) {
    return !Removal.gone(vote) && !Boolean.TRUE.equals(vote.get(WITHDRAWN));
  }

  /** Votes that count, per question id, among a board's entities (id to state map): what everyone sees counted. */
  public static Map<String, Integer> voteCounts(Map<String, ? extends Map<?, ?>> entities) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    entities.values().forEach(e -> {
      if ("vote".equals(e.get("kind")) && counts(e) && e.get("question") instanceof String question) {
        counts.merge(question, 1, Integer::sum);
      }
    });
    return counts;
  }

  /**
   * Questions (id to state map) as they were asked: by the server's stamp, which askers cannot tie as they can tie
   * the order keys of questions they could not see; questions from before the stamp by order key, before the others.
   */
  public static final Comparator<Map.Entry<String, ? extends Map<?, ?>>> AS_ASKED = Comparator
      .<Map.Entry<String, ? extends Map<?, ?>>>comparingLong(e -> e.getValue().get(ASKED_AT) instanceof Number n
          ? n.longValue() : 0)
      .thenComparing(e -> e.getValue().get("order") instanceof String order ? order : "")
      .thenComparing(Map.Entry::getKey);

  /** Casting a vote again ({@code withdrawn} false) needs its question still to be one everyone sees. */
  static void checkRecast(Map<String, Object> vote, Object withdrawn, Function<String, Optional<Entity>> lookup) {
    if (Boolean.FALSE.equals(withdrawn)) {
      checkVotable(vote.get("question"), lookup);
    }
  }

  private static void checkVotable(Object questionId, Function<String, Optional<Entity>> lookup) {
    Optional<Entity> question = questionId instanceof String id ? lookup.apply(id) : Optional.empty();
    if (question.isEmpty() || question.get().deleted || !question.get().kind.name().equals("question")
        || !visible(question.get().fields)) {
      throw new BoardRejection(409, "there is no such question to vote for (withdrawn, hidden or not approved)");
    }
  }

  /**
   * A vote names a question everyone can see. Its id is {@link #voteId} of that question and the actor
   * ({@link KindRules}), so a second vote of the same person is a 409 (the id is taken).
   */
  static void checkVoteCreate(Map<String, Object> fields, Function<String, Optional<Entity>> lookup) {
    checkVotable(fields.get("question"), lookup);
  }

  /** At create: whether the question waits for approval (only a listener's, on a board that asks for it). */
  static void stampModeration(Map<String, Object> fields, Actor actor, Map<String, Object> board) {
    boolean waits = Boolean.TRUE.equals(board.get(NEED_APPROVAL)) && !actor.isFacilitator();
    fields.putIfAbsent(MODERATION, waits ? PENDING : APPROVED);
  }

  /**
   * A listener who rewords an approved question on a board that asks for approval sends it back for approval, so
   * that approving cannot be worked around by writing something else afterwards.
   */
  static Optional<Op.Set> onEdit(Op.Text edit, Map<String, Object> before, Actor actor, Map<String, Object> board) {
    if (actor.isFacilitator() || !Boolean.TRUE.equals(board.get(NEED_APPROVAL))
        || !APPROVED.equals(before.get(MODERATION))) {
      return Optional.empty();
    }
    return Optional.of(new Op.Set(edit.id(), MODERATION, PENDING));
  }
}
