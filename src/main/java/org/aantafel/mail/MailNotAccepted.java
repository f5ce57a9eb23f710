package org.aantafel.mail;

/**
 * The school's mail server accepted none of the messages: the fault is upstream of Aan Tafel, not in the request, so
 * the HTTP API answers 502 Bad Gateway.
 */
public final class MailNotAccepted extends RuntimeException {
  public MailNotAccepted() {
    super("the mail server did not accept the e-mail", null, false, false);
  }
}
