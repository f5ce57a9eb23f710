package org.aantafel.record;

/** Someone who joined the board, as the store knows them: the input the record resolves names and roles from. */
public record RecordParticipant(String participantId, String name, String role, String grant) {
}
