package org.aantafel.record;

/**
 * One praatplaat topic of the collaboration evaluation with its three answers. The topic label is kept in the
 * record's language for the same reason as a role label; the assignee is a name, or null when nobody took it.
 */
public record RecordEvaluation(
    String topic, String topicLabel, String assignee, String howIsIt, String goodAt, String couldBetter) {
}
