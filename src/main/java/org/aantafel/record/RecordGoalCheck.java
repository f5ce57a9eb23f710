package org.aantafel.record;

/** One person's answer at the end: was the goal met (met, partly, not), and why. */
public record RecordGoalCheck(RecordPerson person, String verdict, String comment) {
}
