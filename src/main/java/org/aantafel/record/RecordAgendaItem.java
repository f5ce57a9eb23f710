package org.aantafel.record;

/**
 * An agenda item as it ended. The proposer is null for an item that came from the template: nobody at the
 * table chose it. The timebox is null when none was set.
 */
public record RecordAgendaItem(
    String title, String notes, String status, RecordPerson proposer, boolean late, Integer timeboxMinutes) {
}
