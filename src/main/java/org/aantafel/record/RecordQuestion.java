package org.aantafel.record;

/**
 * A question asked during a webinar, with who asked it, whether it was answered and how many people voted for it.
 * Only questions everyone could see are recorded: hidden ones and ones never approved are left out.
 */
public record RecordQuestion(String text, RecordPerson asker, boolean answered, int votes) {
}
