package org.aantafel.store;

import io.vertx.core.Future;

import java.util.List;

/** E-mail addresses participants left on boards: never part of the board state, so never on another screen. */
public interface Contacts {

  /** The most addresses one board keeps: about everyone at a large table, not a mailing list. */
  int MAX_CONTACTS_PER_BOARD = 60;

  /**
   * Remembers (or replaces) the e-mail address a participant left on a board.
   *
   * @return false when the board already holds {@link #MAX_CONTACTS_PER_BOARD} addresses of others (nothing stored)
   */
  Future<Boolean> saveContact(String boardId, String participantId, String email);

  /** Forgets the e-mail address a participant left on a board; nothing happens when there is none. */
  Future<Void> removeContact(String boardId, String participantId);

  /** Every address left on any board of the board's series, each once (ignoring case), sorted. */
  Future<List<String>> seriesEmails(String boardId);
}
