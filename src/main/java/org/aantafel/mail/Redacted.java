package org.aantafel.mail;

import java.util.regex.Pattern;

/**
 * Text for the log without e-mail addresses: an address names a parent, and logs are kept longer and read by more
 * people than the contact list. Mail servers put the recipient in their refusals ("550 5.1.1 <anna@example.nl>:
 * Recipient address rejected"), so every failure that may come from mailing is logged through here.
 */
public final class Redacted {
  /** Anything with an @ between two runs of characters that cannot end an address in running text. */
  private static final Pattern ADDRESS = Pattern.compile("[^\\s<>()\\[\\]\"',;:@]+@[^\\s<>()\\[\\]\"',;:@]+");

  private Redacted() {
  }

  public static String withoutAddresses(String text) {
    return text == null ? null : ADDRESS.matcher(text).replaceAll("[address]");
  }

  /** The failure as {@code toString()} would say it, its addresses replaced. */
  public static String failure(Throwable failure) {
    return withoutAddresses(String.valueOf(failure));
  }
}
