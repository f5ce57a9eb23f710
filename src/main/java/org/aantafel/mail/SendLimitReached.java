package org.aantafel.mail;

/**
 * A limit on sending e-mail is used up for now: the HTTP API answers 429 with {@code Retry-After}, and nothing is
 * sent. The message says in plain words which limit and when to try again; it never names an address.
 */
public final class SendLimitReached extends RuntimeException {
  private final long retryAfterSeconds;

  SendLimitReached(String message, long retryAfterSeconds) {
    super(message, null, false, false);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
