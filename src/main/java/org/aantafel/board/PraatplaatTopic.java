package org.aantafel.board;

import java.util.ArrayList;
import java.util.List;

/**
 * The nine topics of the "praatplaat" by Met Andere Ogen, which an evaluation of the collaboration takes one of.
 * The labels live here rather than only in the page so that the record (HTML, PDF) can print them too.
 */
public enum PraatplaatTopic {
  CHILD("child", "Denk vanuit het kind", "Think from the child"),
  POSSIBILITIES("possibilities", "Denk in mogelijkheden", "Think in possibilities"),
  CONNECTION("connection", "Zoek de verbinding met ouders", "Seek connection with parents"),
  INVOLVE_CHILDREN("involveChildren", "Betrek kinderen bij je keuzes", "Involve children in your choices"),
  PARENT_EXPERTISE("parentExpertise", "Erken de expertise van ouders", "Recognise the expertise of parents"),
  SUPPORT_PARENTS("supportParents", "Bied ouders steun", "Support parents"),
  WORK_TOGETHER("workTogether", "Werk samen voor resultaat", "Work together for results"),
  STAY_CLOSE("stayClose", "Sta dichtbij", "Stay close"),
  POSITIVE("positive", "Heb een positieve houding", "Keep a positive attitude");

  private final String wire;
  private final String dutch;
  private final String english;

  PraatplaatTopic(String wire, String dutch, String english) {
    this.wire = wire;
    this.dutch = dutch;
    this.english = english;
  }

  public String wire() {
    return wire;
  }

  /** The label in a board language ("nl" or "en"). */
  public String label(String language) {
    return "en".equals(language) ? english : dutch;
  }

  static List<String> wireNames() {
    List<String> names = new ArrayList<>();
    for (PraatplaatTopic topic : values()) {
      names.add(topic.wire);
    }
    return names;
  }
}
