package org.aantafel.board;

import java.util.Map;

/**
 * Who looks at a board, for what they are shown of its questions: the facilitator moderates and sees every question;
 * anyone else sees the approved ones and their own, also while it waits for approval or is hidden, as in Slido.
 */
public record Viewer(String participantId, boolean facilitator) {

  /** Someone without a seat (a watcher, the projector): shown only what everyone is shown. */
  public static final Viewer PUBLIC = new Viewer(null, false);

  public static Viewer of(String participantId, Grant grant) {
    return new Viewer(participantId, grant.atLeast(Grant.FACILITATOR));
  }

  /** Whether this viewer is shown a live question with these fields. */
  public boolean sees(Map<?, ?> question) {
    return facilitator || Questions.approved(question)
      || participantId != null && participantId.equals(question.get("proposedBy"));
  }
}
