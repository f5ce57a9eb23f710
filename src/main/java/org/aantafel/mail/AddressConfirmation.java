package org.aantafel.mail;

import io.vertx.core.Future;
import org.aantafel.store.AccessTokens;
import org.aantafel.store.BoardStore;
import org.aantafel.sync.Refusal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An address receives the meetings' mail only after its owner confirmed it: leaving it sends one mail with a link
 * that carries a secret the server issued (only its SHA-256 is stored), and opening that link confirms it.
 */
public final class AddressConfirmation {
  /** The page that reads the secret from its fragment, so it never reaches a server log. */
  static final String PAGE = "/confirm.html#";

  private final BoardStore store;
  private final Mailer mailer;
  private final SendLimits limits;

  AddressConfirmation(BoardStore store, Mailer mailer, SendLimits limits) {
    this.store = store;
    this.mailer = mailer;
    this.limits = limits;
  }

  /**
   * Leaves the address for the seat. The same address, already confirmed, stays as it is; any other is stored
   * unconfirmed and gets the confirmation mail, within the limits, which are counted before anything is stored.
   *
   * @param origin where the server is reached, for the link: the configured public URL
   * @return whether the address is confirmed already (false: a confirmation mail was sent)
   */
  public Future<Boolean> leave(String boardId, String participantId, String email, String language, String origin) {
    return store.contact(boardId, participantId).compose(stored -> {
      if (stored.filter(contact -> contact.confirmed() && contact.email().equalsIgnoreCase(email)).isPresent()) {
        return Future.succeededFuture(true);
      }
      String secret = AccessTokens.newToken();
      return limits.takeConfirmation(boardId, participantId, email)
          .compose(v -> store.saveContact(boardId, participantId, email, AccessTokens.hash(secret), Instant.now()))
          .compose(saved -> saved ? Future.succeededFuture()
              : Future.failedFuture(new Refusal(Refusal.CONFLICT, "this meeting already has "
                  + BoardStore.MAX_CONTACTS_PER_BOARD + " e-mail addresses; ask the facilitator")))
          .compose(v -> mailer.sendEach(List.of(email), ConfirmationMail.of(language, origin + PAGE + secret)))
          .map(false);
    });
  }

  /** @return whether the secret confirmed an address (false: unknown, used, replaced or too old) */
  public Future<Boolean> confirm(String secret) {
    return store.confirmContact(AccessTokens.hash(secret),
        Instant.now().minus(Duration.ofDays(ConfirmationMail.VALID_DAYS)));
  }
}
