package org.aantafel.record;

import java.util.ArrayList;
import java.util.List;

/**
 * The short lines of facts under an item, as plain text that each renderer escapes its own way. Built in one
 * place so that the page, the PDF and the Markdown say them in the same words.
 */
final class RecordFacts {

  private static final String SEPARATOR = " · ";

  private RecordFacts() {
  }

  static String agendaFacts(RecordAgendaItem item, RecordLabels labels) {
    List<String> facts = new ArrayList<>();
    facts.add(labels.text("proposedBy") + ": "
        + (item.proposer() == null ? labels.text("fromTemplate") : person(item.proposer())));
    if (item.timeboxMinutes() != null) {
      facts.add(labels.text("timebox") + ": " + item.timeboxMinutes() + " " + labels.text("minutes"));
    }
    facts.add(labels.text("status") + ": " + labels.value("status", item.status()));
    return String.join(SEPARATOR, facts);
  }

  static String questionFacts(RecordQuestion question, RecordLabels labels) {
    List<String> facts = new ArrayList<>();
    if (question.asker() != null) {
      facts.add(person(question.asker()));
    }
    facts.add(question.votes() + " " + labels.text(question.votes() == 1 ? "vote" : "votes"));
    if (question.answered()) {
      facts.add(labels.text("answered"));
    }
    return String.join(SEPARATOR, facts);
  }

  /** "2 of 3 chose: Yes" / "2 van de 3 kozen: Ja": the result of one option in words. */
  static String pollLine(RecordPoll.Option option, int answered, RecordLabels labels) {
    return option.count() + " " + labels.text("pollOf") + " " + answered + " "
        + labels.text(option.count() == 1 ? "pollChoseOne" : "pollChoseMany") + ": " + option.text();
  }

  static String pollFacts(RecordPoll poll, RecordLabels labels) {
    String facts = poll.answered() + " " + labels.text(poll.answered() == 1 ? "pollAnsweredOne" : "pollAnsweredMany");
    return poll.open() ? facts + SEPARATOR + labels.text("pollOpenAtClose") : facts;
  }

  static String person(RecordPerson person) {
    return person.name() + " (" + person.roleLabel() + ")";
  }
}
