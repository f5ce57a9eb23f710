package org.aantafel.record;

/** How someone said they were at the start of the meeting. */
public record RecordCheckin(RecordPerson person, String text) {
}
