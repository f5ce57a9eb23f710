package org.aantafel.record;

/**
 * A person as the record shows them. The role label is kept next to the wire role, in the record's language,
 * so that a stored version reads the same even after the labels in the code change.
 */
public record RecordPerson(String name, String role, String roleLabel) {
}
