package org.aantafel.sync;

/**
 * What the bridge refused a frame for, in {@link Addresses#H_REFUSAL}: the hub answers it as a reply failure with the
 * code before the '-', so the browser hears why instead of waiting for an answer that never comes.
 */
public final class Refusals {
  public static final String TOO_MANY_MESSAGES = "429";
  public static final String TOO_MANY_BOARDS = "429-boards";
  public static final String TOO_LARGE = "413";
  public static final String TOO_MANY_FAILED_JOINS = "429-failed-joins";
  public static final String TOO_MANY_NEW_SEATS = "429-new-seats";

  static Refusal failure(String refusal) {
    return switch (refusal) {
      case TOO_MANY_MESSAGES -> new Refusal(Refusal.RATE_LIMITED, "too many messages; slow down and try again");
      case TOO_MANY_BOARDS -> new Refusal(Refusal.RATE_LIMITED,
        "this connection already sits at too many boards; open the board in its own page");
      case TOO_MANY_FAILED_JOINS -> new Refusal(Refusal.RATE_LIMITED,
        "too many joins with a link that does not work came from this address; try again in a minute");
      case TOO_MANY_NEW_SEATS -> new Refusal(Refusal.RATE_LIMITED,
        "too many people joined from this address; try again in a minute");
      default -> new Refusal(Refusal.TOO_LARGE, "this message is too large");
    };
  }

  private Refusals() {
  }
}
