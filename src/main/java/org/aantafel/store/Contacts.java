package org.aantafel.store;

import io.vertx.core.Future;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * E-mail addresses participants left on boards: never part of the board state, so never on another screen. An address
 * receives the meetings' mail only once its owner confirmed it with the link sent to it.
 */
public interface Contacts {

  /** The most addresses one board keeps: about everyone at a large table, not a mailing list. */
  int MAX_CONTACTS_PER_BOARD = 60;

  /** The address a participant left, and whether its owner confirmed it. */
  record Contact(String email, boolean confirmed) {}

  Future<Optional<Contact>> contact(String boardId, String participantId);

  /**
   * Remembers (or replaces) the e-mail address a participant left on a board, unconfirmed: an earlier address and its
   * confirmation are gone.
   *
   * @param confirmationSha256 SHA-256 of the secret in the confirmation link sent to it
   * @param sentAt             when that link was sent; {@link #confirmContact} takes it only for a while
   * @return false when the board already holds {@link #MAX_CONTACTS_PER_BOARD} addresses of others (nothing stored)
   */
  Future<Boolean> saveContact(String boardId, String participantId, String email, byte[] confirmationSha256,
                              Instant sentAt);

  /**
   * Confirms the address whose link carried this secret, if that link was sent after {@code sentAfter}; the secret
   * then opens nothing any more.
   *
   * @return whether an address was confirmed
   */
  Future<Boolean> confirmContact(byte[] confirmationSha256, Instant sentAfter);

  /** Forgets the e-mail address a participant left on a board; nothing happens when there is none. */
  Future<Void> removeContact(String boardId, String participantId);

  /** Every confirmed address left on any board of the board's series, each once (ignoring case), sorted. */
  Future<List<String>> seriesEmails(String boardId);
}
