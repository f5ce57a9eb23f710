package org.aantafel.board;

import static org.aantafel.board.FieldSpec.text;
import static org.aantafel.board.FieldSpec.value;
import static org.aantafel.board.ValueRule.isoDateOrEmpty;
import static org.aantafel.board.ValueRule.oneOf;
import static org.aantafel.board.ValueRule.orderKey;
import static org.aantafel.board.ValueRule.string;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
  public static final List<String> LANGUAGES = List.of("nl", "en");

  public static final BoardSchema STANDARD = new BoardSchema(
      EntityKind.of(BOARD,
          text("title", 200),
          text("goal", 4000),
          value("phase", oneOf(PHASES.toArray(String[]::new))).facilitatorOnly(),
          value("language", oneOf(LANGUAGES.toArray(String[]::new)))),
      EntityKind.of("agendaItem",
          text("title", 300),
          text("notes", 10000),
          value("order", orderKey()),
          value("status", oneOf("open", "done", "postponed")),
          value("proposedBy", string(100).orNull())),
      EntityKind.of("action",
          text("what", 500),
          text("who", 200),
          value("due", isoDateOrEmpty()),
          value("status", oneOf("open", "done")),
          value("order", orderKey())));

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

  /** The kind of an existing entity. State maps are checked with this, so a stored kind must still be known. */
  public EntityKind kind(String name) {
    EntityKind kind = kinds.get(name);
    if (kind == null) {
      throw BoardRejection.badInput("unknown kind: " + name);
    }
    return kind;
  }
}
