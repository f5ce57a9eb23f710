package org.aantafel.record;

/** A question asked during a webinar, with who asked it and whether it was answered. */
public record RecordQuestion(String text, RecordPerson asker, boolean answered) {
}
