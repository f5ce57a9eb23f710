package org.aantafel.board;

import static org.aantafel.board.FieldSpec.text;
import static org.aantafel.board.FieldSpec.value;
import static org.aantafel.board.ValueRule.bool;
import static org.aantafel.board.ValueRule.id;
import static org.aantafel.board.ValueRule.integerBetween;
import static org.aantafel.board.ValueRule.isoDateOrEmpty;
import static org.aantafel.board.ValueRule.localDateTimeOrEmpty;
import static org.aantafel.board.ValueRule.oneOf;
import static org.aantafel.board.ValueRule.orderKey;
import static org.aantafel.board.ValueRule.phaseList;
import static org.aantafel.board.ValueRule.string;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.aantafel.board.KindRules.Ending;
import org.aantafel.board.KindRules.Ender;

/**
 * The single source of truth for which kinds of entity exist, which fields they have and what those accept.
 * A new kind or field is one line in {@link #STANDARD}.
 */
public final class BoardSchema {

  /** Kind name of the board entity (id "board"), which always exists and cannot be created or deleted. */
  public static final String BOARD = "board";
  public static final int MAX_OPS_PER_APPLY = 100;
  public static final int MAX_LIVE_ENTITIES = 2000;

  public static final List<String> PHASES =
      List.of("prepare", "checkin", "goal", "agenda", "agreements", "lookback", "closed");
  public static final String CLOSED = "closed";
  public static final List<String> LANGUAGES = List.of("nl", "en");
  public static final List<String> TEMPLATES =
      List.of("empty", "driehoeksgesprek", "startgesprek", "zorgoverleg", "ouderavond", "webinar");
  public static final List<String> TOPICS = PraatplaatTopic.wireNames();
  /** Names are stamped from the join, which allows at most this many characters. */
  static final int MAX_NAME = 100;

  public static final BoardSchema STANDARD = new BoardSchema(
      EntityKind.of(BOARD,
          // The meeting's name is the chair's to give; what is written together stays everyone's.
          text("title", 200).plain().facilitatorOnly(),
          text("goal", 4000),
          value("phase", oneOf(PHASES)).facilitatorOnly(),
          value("phases", phaseList(PHASES)).facilitatorOnly(),
          value("language", oneOf(LANGUAGES)).facilitatorOnly(),
          value("template", oneOf(TEMPLATES)).facilitatorOnly(),
          value("agendaFrozen", bool()).facilitatorOnly(),
          value("currentItem", id().orNull()).facilitatorOnly(),
          value("showJoinCode", bool()).facilitatorOnly(),
          text("lead", 200).plain(),
          value("leadParticipantId", id().orNull()),
          value("evaluationDate", isoDateOrEmpty()),
          value("scheduledAt", localDateTimeOrEmpty()),
          text("consent", 2000),
          // Webinar questions: whether new ones wait for the facilitator's approval, and the one being answered.
          value("questionsNeedApproval", bool()).facilitatorOnly(),
          value("currentQuestion", id().orNull()).facilitatorOnly()),
      EntityKind.of("agendaItem",
          text("title", 300).plain(),
          text("notes", 10000),
          value("order", orderKey()),
          value("status", oneOf("open", "done", "postponed")),
          value("timeboxMinutes", integerBetween(0, 240).orNull()),
          value(Timers.CONTROL, oneOf("start", "pause", "reset")).facilitatorOnly().control(),
          value(Timers.STARTED_AT, integerBetween(0, Long.MAX_VALUE).orNull()).stamped(),
          value(Timers.ELAPSED_MS, integerBetween(0, Long.MAX_VALUE)).stamped(),
          value("late", bool()).stamped(),
          value("proposedBy", id()).stamped(),
          value("proposedByName", string(MAX_NAME)).stamped(),
          value("proposedByRole", oneOf(Role.wireNames())).stamped(),
          value(Removal.REMOVED, bool()),
          value(Removal.REMOVED_BY, id().orNull()).stamped(),
          value(Removal.REMOVED_BY_NAME, string(MAX_NAME).orNull()).stamped(),
          value(Stamps.CHANGED_BY_NAME, string(MAX_NAME)).stamped())
          // What an item is called, and whether it is on the agenda, is its proposer's (the template's items are the
          // chair's); its notes are written together.
          .with(KindRules.shared().ownedBy("proposedBy", true, "title").removedBy(Ender.OWNER)),
      // What one person says at the start: theirs, and the facilitator may write it down for them.
      EntityKind.of("checkin",
          text("text", 1000),
          value("participantId", id()).stamped(),
          value("name", string(MAX_NAME)).stamped(),
          value("role", oneOf(Role.wireNames())).stamped())
          .with(KindRules.shared().personal("checkin", null, true)),
      EntityKind.of("agreement",
          text("text", 1000),
          value("order", orderKey()),
          value("stance", oneOf("agree", "disagree")),
          value(Removal.REMOVED, bool()),
          value(Removal.REMOVED_BY, id().orNull()).stamped(),
          value(Removal.REMOVED_BY_NAME, string(MAX_NAME).orNull()).stamped(),
          value(Stamps.CHANGED_BY_NAME, string(MAX_NAME)).stamped())
          .with(KindRules.shared().removedBy(Ender.ANYONE)),
      EntityKind.of("action",
          text("what", 500),
          text("who", 200).plain(),
          value("order", orderKey()),
          value("whoParticipantId", id().orNull()),
          value("due", isoDateOrEmpty()),
          value("status", oneOf("open", "done")),
          value(Stamps.DONE_AT, integerBetween(0, Long.MAX_VALUE).orNull()).stamped(),
          value("carriedFrom", id().orNull()).stamped(),
          value(Removal.REMOVED, bool()),
          value(Removal.REMOVED_BY, id().orNull()).stamped(),
          value(Removal.REMOVED_BY_NAME, string(MAX_NAME).orNull()).stamped(),
          value(Stamps.CHANGED_BY_NAME, string(MAX_NAME)).stamped())
          .with(KindRules.shared().removedBy(Ender.ANYONE)),
      // A verdict on whether the goal was met is personal: not even the facilitator speaks for someone.
      EntityKind.of("goalCheck",
          text("comment", 1000),
          value("verdict", oneOf("met", "partly", "not")),
          value("participantId", id()).stamped(),
          value("name", string(MAX_NAME)).stamped(),
          value("role", oneOf(Role.wireNames())).stamped())
          .with(KindRules.shared().personal("goalCheck", null, false)),
      EntityKind.of("evaluation",
          text("howIsIt", 1000),
          text("goodAt", 1000),
          text("couldBetter", 1000),
          value("topic", oneOf(TOPICS)).facilitatorOnly(),
          value("assignedTo", id().orNull()).facilitatorOnly())
          // Handing out a topic to someone is chairing; the answers are the assignee's (and the facilitator's).
          .with(KindRules.shared().madeBy(Grant.FACILITATOR).deletedBy(Ender.FACILITATOR)
            .ownedBy("assignedTo", true, "howIsIt", "goodAt", "couldBetter")),
      EntityKind.of("question",
          text("text", 500),
          value("order", orderKey()),
          value("answered", bool()).facilitatorOnly(),
          value("proposedBy", id()).stamped(),
          value("proposedByName", string(MAX_NAME)).stamped(),
          value("proposedByRole", oneOf(Role.wireNames())).stamped(),
          value(Questions.ASKED_AT, integerBetween(0, Long.MAX_VALUE)).stamped(),
          // Given by the server at create (Stamps), then the facilitator's: approve or hide.
          value(Questions.MODERATION, oneOf(Questions.MODERATIONS)).facilitatorOnly())
          // Its words and withdrawing it are the asker's alone: the facilitator hides, but never rewrites.
          .with(KindRules.shared().ownedBy("proposedBy", false, "text", "order").deletedBy(Ender.OWNER)
            .parentOfPersonal()),
      // One person's vote for a question; its id names both, so each person has one per question.
      EntityKind.of("vote",
          value("question", id()).fixed(),
          // Taken back and cast again with a set: the vote stays, so its id stays its voter's.
          value(Questions.WITHDRAWN, bool()),
          value("participantId", id()).stamped())
          .with(KindRules.shared().personal("vote", "question", false)),
      // Live polls (Polls): asked by the facilitator, answered once per person while open.
      EntityKind.of(Polls.POLL,
          text("question", Polls.MAX_QUESTION).facilitatorOnly(),
          value("options", Polls.optionList()).facilitatorOnly(),
          value("order", orderKey()).facilitatorOnly(),
          value("open", bool()).facilitatorOnly(),
          value(Polls.OPENED, bool()).stamped())
          // Asking is chairing.
          .with(KindRules.shared().madeBy(Grant.FACILITATOR).deletedBy(Ender.FACILITATOR).parentOfPersonal()),
      // Changed while the poll is open, never withdrawn.
      EntityKind.of(Polls.ANSWER,
          value("poll", id()).fixed(),
          value("choice", integerBetween(0, Polls.MAX_OPTIONS - 1)),
          value("participantId", id()).stamped())
          .with(KindRules.shared().personal("answer", "poll", false)));

  private final Map<String, EntityKind> kinds = new LinkedHashMap<>();

  public BoardSchema(EntityKind... kinds) {
    for (EntityKind kind : kinds) {
      this.kinds.put(kind.name(), kind);
    }
  }

  public EntityKind board() {
    return kinds.get(BOARD);
  }

  /** The kind an entity may be created as; the board kind is not one of them. */
  public EntityKind creatableKind(String name) {
    EntityKind kind = kinds.get(name);
    if (kind == null || name.equals(BOARD)) {
      throw BoardRejection.badInput("unknown kind: " + name);
    }
    return kind;
  }

  /** Every kind but the board's, in the order declared: the table of the meeting's rules. */
  public Collection<EntityKind> creatableKinds() {
    return kinds.values().stream().filter(k -> !k.name().equals(BOARD)).toList();
  }

  /** The names of the kinds that end a certain way (removed with undo, deleted, kept). */
  public Set<String> kindsEnding(Ending ending) {
    return kinds.values().stream().filter(k -> k.rules().ending() == ending).map(EntityKind::name)
      .collect(Collectors.toUnmodifiableSet());
  }

  /** The kind of an existing entity. State maps are checked with this, so a stored kind must still be known. */
  public EntityKind kind(String name) {
    EntityKind kind = kinds.get(name);
    if (kind == null) {
      throw BoardRejection.badInput("unknown kind: " + name);
    }
    return kind;
  }
}
