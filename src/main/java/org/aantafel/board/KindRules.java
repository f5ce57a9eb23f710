package org.aantafel.board;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * What the meeting allows of one kind of entity besides what its fields accept and which grant writes them: who may
 * make one, whose it is (and so who changes which of its fields), how it leaves the meeting and who ends it, and
 * whether it is one person's, with an id the server derives from that person. Declared for every kind in
 * {@link BoardSchema#STANDARD}, checked by {@link Draft} on every op a browser submits, and exported to the browser
 * through the shared vectors (webroot/js/board/entity-rules.js), so a raw frame gets exactly what a screen offers.
 */
public record KindRules(Grant creator, Ending ending, Ender ender, Owner owner, Personal personal, int maxIdLength) {

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
    /** Deleted for good. */
    DELETED,
    /** Stays: one person's entry, which they change (a vote is taken back with {@code withdrawn}). */
    KEPT;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Who ends an entity: removes it (what ends {@link Ending#REMOVED}) or deletes it ({@link Ending#DELETED}). */
  public enum Ender {
    NOBODY, ANYONE, OWNER, FACILITATOR;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Whose an entity is: the participant its {@code field} names. Only they change the {@code fields} listed (empty:
   * every field), and the facilitator too when {@code facilitatorToo}. With nobody named (the template's agenda
   * items, an evaluation not handed out yet) those fields are the facilitator's.
   */
  public record Owner(String field, List<String> fields, boolean facilitatorToo) {

    public Owner {
      fields = List.copyOf(fields);
    }

    boolean owns(Map<String, Object> entity, Actor actor) {
      Object owner = entity.get(field);
      return owner == null ? actor.isFacilitator()
        : actor.participantId().equals(owner) || facilitatorToo && actor.isFacilitator();
    }

    boolean covers(String changed) {
      return fields.isEmpty() || fields.contains(changed);
    }

    String who() {
      String whose = switch (field) {
        case "proposedBy" -> "who brought it in";
        case "assignedTo" -> "who it is handed to";
        default -> "the person whose it is";
      };
      return facilitatorToo ? whose + ", or the facilitator," : whose;
    }
  }

  /**
   * An entity of one person (stamped {@code participantId}, its {@link Owner}): its id is {@code prefix.participantId},
   * or {@code prefix.parent.participantId} with the id of the entity it belongs to (its {@code parentField}), so there
   * is one per person (per parent), and only that person can make it.
   */
  public record Personal(String prefix, String parentField) {

    public static final String OWNER = "participantId";

    public String id(String parentId, String participantId) {
      String sep = String.valueOf(PERSONAL_SEPARATOR);
      return parentField == null ? prefix + sep + participantId : prefix + sep + parentId + sep + participantId;
    }

    /** The id such an entry had before ids were derived: {@code goalcheck-<p>}, {@code vote-<q>-<p>}, ... */
    String earlierId(String parentId, String participantId) {
      String earlier = prefix.toLowerCase(Locale.ROOT) + "-";
      return parentField == null ? earlier + participantId : earlier + parentId + "-" + participantId;
    }
  }

  /** Written by everyone at the table, made by a participant; deleted by the facilitator unless declared otherwise. */
  public static KindRules shared() {
    return new KindRules(Grant.PARTICIPANT, Ending.DELETED, Ender.FACILITATOR, null, null, EntityId.MAX_LENGTH);
  }

  public KindRules madeBy(Grant grant) {
    return new KindRules(grant, ending, ender, owner, personal, maxIdLength);
  }

  /** Removed with undo by {@code who}, never deleted. */
  public KindRules removedBy(Ender who) {
    return new KindRules(creator, Ending.REMOVED, who, owner, personal, maxIdLength);
  }

  /** Deleted, by {@code who}. */
  public KindRules deletedBy(Ender who) {
    return new KindRules(creator, Ending.DELETED, who, owner, personal, maxIdLength);
  }

  /** Whose it is: see {@link Owner}. */
  public KindRules ownedBy(String field, boolean facilitatorToo, String... fields) {
    return new KindRules(creator, ending, ender, new Owner(field, List.of(fields), facilitatorToo), personal,
      maxIdLength);
  }

  /** One person's, kept: every field theirs (and the facilitator's too when {@code facilitatorToo}). */
  public KindRules personal(String prefix, String parentField, boolean facilitatorToo) {
    return new KindRules(creator, Ending.KEPT, Ender.NOBODY, new Owner(Personal.OWNER, List.of(), facilitatorToo),
      new Personal(prefix, parentField), maxIdLength);
  }

  /** Other entities' ids are part of this kind's ids: short enough that theirs still fit in 64 characters. */
  public KindRules parentOfPersonal() {
    return new KindRules(creator, ending, ender, owner, personal, MAX_PARENT_ID);
  }

  /** At create, by a browser or the server: the grant, and the id this kind's entity may have. */
  void checkCreate(String kind, String id, Map<String, Object> fields, Actor actor) {
    if (!actor.grant().atLeast(creator)) {
      throw new BoardRejection(403, "only a " + creator.name().toLowerCase(Locale.ROOT) + " may create " + a(kind));
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
    boolean theirs = earlier != null && (earlier.deleted || owner.owns(earlier.fields, actor));
    if (theirs && earlier.kind.name().equals(kind)) {
      throw new BoardRejection(409, "you have " + a(kind) + " here already: " + earlierId);
    }
  }

  /** A set or an edit of {@code field}: what the owner holds is theirs. */
  void checkChange(String kind, Map<String, Object> fields, String field, Actor actor) {
    if (owner != null && owner.covers(field) && !owner.owns(fields, actor)) {
      throw new BoardRejection(403, "only " + owner.who() + " may change " + field + " of this " + kind);
    }
  }

  /** A delete: only what ends {@link Ending#DELETED}, by whom the table names. */
  void checkDelete(String kind, Map<String, Object> fields, Actor actor) {
    switch (ending) {
      case REMOVED -> throw new BoardRejection(403, a(kind) + " is removed (set removed to true), not deleted, "
        + "so that it can be brought back");
      case KEPT -> throw new BoardRejection(403, a(kind) + " is one person's and is changed, not deleted");
      case DELETED -> checkEnder(kind, fields, actor, "delete");
    }
  }

  /**
   * Setting {@code removed}: removing by who the table names; bringing back by who removed it or the facilitator, so
   * nobody can undo someone else's decision behind their back.
   */
  void checkRemoval(String kind, Map<String, Object> fields, Object removed, Actor actor) {
    if (Boolean.TRUE.equals(removed)) {
      checkEnder(kind, fields, actor, "remove");
      return;
    }
    if (!actor.isFacilitator() && !actor.participantId().equals(fields.get(Removal.REMOVED_BY))) {
      throw new BoardRejection(403, "only who removed this, or the facilitator, may bring it back");
    }
  }

  private void checkEnder(String kind, Map<String, Object> fields, Actor actor, String verb) {
    boolean allowed = switch (ender) {
      case ANYONE -> true;
      case OWNER -> owner.owns(fields, actor);
      case FACILITATOR -> actor.isFacilitator();
      case NOBODY -> false;
    };
    if (!allowed) {
      throw new BoardRejection(403, "only " + (ender == Ender.OWNER ? owner.who() : "the facilitator") + " may "
        + verb + " this " + kind);
    }
  }

  private static String a(String kind) {
    return ("aeiou".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ") + kind;
  }
}
