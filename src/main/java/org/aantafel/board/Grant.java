package org.aantafel.board;

/** What a token allows on a board. Declared weakest first: the ordinal is the strength. */
public enum Grant {
  VIEWER, PARTICIPANT, FACILITATOR;

  /** "projector" is a viewer that the browser shows the projector view; on the board it can change nothing. */
  public static Grant parse(String s) {
    if (s != null) {
      switch (s) {
        case "viewer", "projector": return VIEWER;
        case "participant": return PARTICIPANT;
        case "facilitator": return FACILITATOR;
        default: break;
      }
    }
    throw BoardRejection.badInput("unknown grant: " + s);
  }

  public boolean atLeast(Grant other) {
    return ordinal() >= other.ordinal();
  }
}
