package org.aantafel.board;

import java.util.Map;
import java.util.function.Function;

/**
 * What the meeting allows of one kind of entity besides what its fields accept: who may make one, how one leaves the
 * meeting, and whether it is one person's own, with an id the server derives from that person. Declared for every
 * kind in {@link BoardSchema#STANDARD}, checked by {@link Draft} on every op a browser submits, and exported to the
 * browser through the shared vectors (webroot/js/board/entity-rules.js), so a raw frame gets exactly what a screen
 * offers.
 */
public record KindRules(Grant creator, Ending ending, Remover remover, Personal personal, int maxIdLength) {

  /**
   * The character that only the ids of one person's entities contain: an id a browser chooses for anything else may
   * not, so nobody can take such an id first.
   */
  public static final char PERSONAL_SEPARATOR = '.';
  /** Room in the 64 characters of an id for a per-person child: a prefix, this, a separator and a participant id. */
  static final int MAX_PARENT_ID = 36;

  /** How an entity leaves the meeting. */
  public enum Ending {
    /** Set {@code removed}, stamped with who did it, and brought back by them or the facilitator; never deleted. */
    REMOVED,
    /** Deleted for good, by whom {@link Authorship} lets change it. */
    DELETED,
    /** Stays: one person's entry, which they change (a vote is taken back with {@code withdrawn}). */
    KEPT;

    public String wire() {
      return name().toLowerCase();
    }
  }

  /** Who may set {@code removed: true} on an entity that ends {@link Ending#REMOVED}. */
  public enum Remover {
    NOBODY, ANYONE, PROPOSER_OR_FACILITATOR;

    public String wire() {
      return switch (this) {
        case NOBODY -> "nobody";
        case ANYONE -> "anyone";
        case PROPOSER_OR_FACILITATOR -> "proposerOrFacilitator";
      };
    }
  }

  /**
   * An entity of one person (stamped {@code participantId}): its id is {@code prefix.participantId}, or
   * {@code prefix.parent.participantId} with the id of the entity it belongs to (its {@code parentField}), so there
   * is one per person (per parent), and only that person can make it. {@code facilitatorEdits}: the facilitator may
   * change it too (a check-in, written down for someone at the table).
   */
  public record Personal(String prefix, String parentField, boolean facilitatorEdits) {

    public static final String OWNER = "participantId";

    public String id(String parentId, String participantId) {
      String sep = String.valueOf(PERSONAL_SEPARATOR);
      return parentField == null ? prefix + sep + participantId : prefix + sep + parentId + sep + participantId;
    }

    /** The id such an entry had before ids were derived: {@code goalcheck-<p>}, {@code vote-<q>-<p>}, ... */
    String earlierId(String parentId, String participantId) {
      String earlier = prefix.toLowerCase(java.util.Locale.ROOT) + "-";
      return parentField == null ? earlier + participantId : earlier + parentId + "-" + participantId;
    }

    boolean owns(Map<String, Object> fields, Actor actor) {
      return actor.participantId().equals(fields.get(OWNER));
    }
  }

  /** Shared by everyone at the table, made by a participant, deleted by whom {@link Authorship} allows. */
  public static KindRules shared() {
    return new KindRules(Grant.PARTICIPANT, Ending.DELETED, Remover.NOBODY, null, EntityId.MAX_LENGTH);
  }

  public KindRules madeBy(Grant grant) {
    return new KindRules(grant, ending, remover, personal, maxIdLength);
  }

  /** Removed with undo, never deleted. */
  public KindRules removedBy(Remover who) {
    return new KindRules(creator, Ending.REMOVED, who, personal, maxIdLength);
  }

  public KindRules personal(String prefix, String parentField, boolean facilitatorEdits) {
    return new KindRules(creator, Ending.KEPT, Remover.NOBODY, new Personal(prefix, parentField, facilitatorEdits),
      maxIdLength);
  }

  /** Other entities' ids are part of this kind's ids: short enough that theirs still fit in 64 characters. */
  public KindRules parentOfPersonal() {
    return new KindRules(creator, ending, remover, personal, MAX_PARENT_ID);
  }

  /** At create, by a browser or the server: the grant, and the id this kind's entity may have. */
  void checkCreate(String kind, String id, Map<String, Object> fields, Actor actor) {
    if (!actor.grant().atLeast(creator)) {
      throw new BoardRejection(403, "only a " + creator.name().toLowerCase() + " may create " + a(kind));
    }
    if (Boolean.TRUE.equals(fields.get(Removal.REMOVED))) {
      // A removal always says who removed it, and only a set of removed stamps that.
      throw BoardRejection.badInput(a(kind) + " is made first and then removed");
    }
    if (personal == null) {
      if (id.indexOf(PERSONAL_SEPARATOR) >= 0) {
        throw BoardRejection.badInput("'" + PERSONAL_SEPARATOR + "' is only in the ids the server gives one person's "
          + "entries");
      }
      if (id.length() > maxIdLength) {
        throw BoardRejection.badInput("the id of " + a(kind) + " is at most " + maxIdLength + " characters");
      }
      return;
    }
    Object parent = personal.parentField() == null ? null : fields.get(personal.parentField());
    if (personal.parentField() != null && !(parent instanceof String)) {
      throw BoardRejection.badInput(a(kind) + " names its " + personal.parentField());
    }
    String expected = personal.id((String) parent, actor.participantId());
    if (!id.equals(expected)) {
      // One id per person (and parent), derived from who sends it: two tabs or a resend cannot make a second one,
      // and nobody makes one in someone else's name or holds its id first.
      throw BoardRejection.badInput("the id of your " + kind + " is " + expected);
    }
  }

  /**
   * On a board from before these ids, the actor's entry may be there under its earlier id: then they have one
   * already (409), as when its derived id is taken. Something else under that id (another kind, someone else's) is
   * no entry of theirs and does not count.
   */
  void checkNoEarlierEntry(String kind, Map<String, Object> fields, Actor actor, Function<String, Entity> lookup) {
    if (personal == null) {
      return;
    }
    Object parent = personal.parentField() == null ? null : fields.get(personal.parentField());
    String earlierId = personal.earlierId((String) parent, actor.participantId());
    Entity earlier = EntityId.isValid(earlierId) ? lookup.apply(earlierId) : null;
    boolean theirs = earlier != null && (earlier.deleted || personal.owns(earlier.fields, actor));
    if (theirs && earlier.kind.name().equals(kind)) {
      throw new BoardRejection(409, "you have " + a(kind) + " here already: " + earlierId);
    }
  }

  /** A delete: only what ends {@link Ending#DELETED} is deleted; who may is then {@link Authorship}'s. */
  void checkDelete(String kind) {
    switch (ending) {
      case REMOVED -> throw new BoardRejection(403, a(kind) + " is removed (set removed to true), not deleted, "
        + "so that it can be brought back");
      case KEPT -> throw new BoardRejection(403, a(kind) + " is one person's and is changed, not deleted");
      case DELETED -> {
        // allowed; who may is checked with the entity's fields
      }
    }
  }

  /** Who may change a per-person entity: its owner, and for some kinds the facilitator. */
  void checkOwner(String kind, Map<String, Object> fields, Actor actor) {
    if (personal != null && !personal.owns(fields, actor) && !(personal.facilitatorEdits() && actor.isFacilitator())) {
      throw new BoardRejection(403, personal.facilitatorEdits()
        ? "only the person whose " + kind + " this is, or the facilitator, may change it"
        : "only the person whose " + kind + " this is may change it");
    }
  }

  /**
   * Setting {@code removed}: removing by who the table names; bringing back by who removed it or the facilitator, so
   * nobody can undo someone else's decision behind their back.
   */
  void checkRemoval(Map<String, Object> fields, Object removed, Actor actor) {
    if (Boolean.TRUE.equals(removed)) {
      if (remover == Remover.PROPOSER_OR_FACILITATOR && !actor.isFacilitator()
          && !actor.participantId().equals(fields.get("proposedBy"))) {
        throw new BoardRejection(403, fields.get("proposedBy") == null
          ? "the agenda's own items are the facilitator's to rename or remove"
          : "only who proposed this item, or the facilitator, may rename or remove it");
      }
      return;
    }
    if (!actor.isFacilitator() && !actor.participantId().equals(fields.get(Removal.REMOVED_BY))) {
      throw new BoardRejection(403, "only who removed this, or the facilitator, may bring it back");
    }
  }

  private static String a(String kind) {
    return ("aeiou".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ") + kind;
  }
}
