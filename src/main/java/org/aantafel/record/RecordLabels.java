package org.aantafel.record;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/** Every word the record prints that nobody typed, in Dutch and English: one place to read and correct them. */
public final class RecordLabels {

  /** key → {Dutch, English}. */
  private static final Map<String, String[]> TEXTS = Map.ofEntries(
      Map.entry("record", new String[] {"Verslag", "Record"}),
      Map.entry("version", new String[] {"versie", "version"}),
      Map.entry("closedBy", new String[] {"Afgesloten door", "Closed by"}),
      Map.entry("date", new String[] {"Datum", "Date"}),
      Map.entry("participants", new String[] {"Deelnemers", "Participants"}),
      Map.entry("name", new String[] {"Naam", "Name"}),
      Map.entry("role", new String[] {"Rol", "Role"}),
      Map.entry("goal", new String[] {"Doel", "Goal"}),
      Map.entry("goalChecks", new String[] {"Is het doel bereikt?", "Was the goal met?"}),
      Map.entry("checkins", new String[] {"Check-in", "Check-in"}),
      Map.entry("agenda", new String[] {"Agenda", "Agenda"}),
      Map.entry("proposedBy", new String[] {"Ingebracht door", "Proposed by"}),
      Map.entry("fromTemplate", new String[] {"uit het sjabloon", "from the template"}),
      Map.entry("late", new String[] {"later toegevoegd", "added late"}),
      Map.entry("timebox", new String[] {"Tijd", "Time"}),
      Map.entry("minutes", new String[] {"min", "min"}),
      Map.entry("status", new String[] {"Status", "Status"}),
      Map.entry("notes", new String[] {"Aantekeningen", "Notes"}),
      Map.entry("agreements", new String[] {"Waar we het over eens zijn", "What we agree on"}),
      Map.entry("disagreements", new String[] {"Waar we het (nog) niet over eens zijn", "What we do not (yet) agree on"}),
      Map.entry("actions", new String[] {"Afspraken", "Actions"}),
      Map.entry("what", new String[] {"Wat", "What"}),
      Map.entry("who", new String[] {"Wie", "Who"}),
      Map.entry("due", new String[] {"Wanneer", "By when"}),
      Map.entry("followUp", new String[] {"Vervolg", "Follow-up"}),
      Map.entry("lead", new String[] {"Regie", "Lead"}),
      Map.entry("evaluationDate", new String[] {"Evaluatiedatum", "Evaluation date"}),
      Map.entry("consent", new String[] {"Toestemming om te delen", "Consent to share"}),
      Map.entry("evaluations", new String[] {"Evaluatie van de samenwerking", "Evaluation of the collaboration"}),
      Map.entry("assignee", new String[] {"Door", "By"}),
      Map.entry("howIsIt", new String[] {"Hoe is dit bij ons?", "How is this with us?"}),
      Map.entry("goodAt", new String[] {"Waar zijn we goed in?", "What are we good at?"}),
      Map.entry("couldBetter", new String[] {"Wat kan beter?", "What could be better?"}),
      Map.entry("questions", new String[] {"Vragen", "Questions"}),
      Map.entry("answered", new String[] {"beantwoord", "answered"}),
      Map.entry("vote", new String[] {"stem", "vote"}),
      Map.entry("votes", new String[] {"stemmen", "votes"}),
      Map.entry("none", new String[] {"—", "—"}),
      Map.entry("nobody", new String[] {"niemand", "nobody"}),
      Map.entry("status.open", new String[] {"open", "open"}),
      Map.entry("status.done", new String[] {"klaar", "done"}),
      Map.entry("status.postponed", new String[] {"uitgesteld", "postponed"}),
      Map.entry("verdict.met", new String[] {"bereikt", "met"}),
      Map.entry("verdict.partly", new String[] {"deels bereikt", "partly met"}),
      Map.entry("verdict.not", new String[] {"niet bereikt", "not met"}),
      Map.entry("role.parent", new String[] {"ouder of verzorger", "parent or carer"}),
      Map.entry("role.student", new String[] {"leerling", "student"}),
      Map.entry("role.teacher", new String[] {"leerkracht of mentor", "teacher or mentor"}),
      Map.entry("role.care-coordinator", new String[] {"zorgcoördinator / intern begeleider", "care coordinator"}),
      Map.entry("role.youth-care", new String[] {"jeugdhulpverlener", "youth care professional"}),
      Map.entry("role.parent-supporter", new String[] {"ouderondersteuner", "parent supporter"}),
      Map.entry("role.other", new String[] {"anders", "other"}),
      Map.entry("polls", new String[] {"Peilingen", "Polls"}),
      Map.entry("pollOf", new String[] {"van de", "of"}),
      Map.entry("pollChoseOne", new String[] {"koos", "chose"}),
      Map.entry("pollChoseMany", new String[] {"kozen", "chose"}),
      Map.entry("pollAnsweredOne", new String[] {"antwoord", "answer"}),
      Map.entry("pollAnsweredMany", new String[] {"antwoorden", "answers"}),
      Map.entry("pollOpenAtClose", new String[] {"stond nog open bij het afsluiten", "still open at the close"}));

  private final String language;

  private RecordLabels(String language) {
    this.language = language;
  }

  public static RecordLabels of(String language) {
    return new RecordLabels("en".equals(language) ? "en" : "nl");
  }

  public String language() {
    return language;
  }

  public String text(String key) {
    String[] both = TEXTS.get(key);
    if (both == null) {
      throw new IllegalArgumentException("no label " + key);
    }
    return "en".equals(language) ? both[1] : both[0];
  }

  /** A wire value (status, verdict, role) as words; an unknown value is shown as it is rather than hidden. */
  public String value(String prefix, String wire) {
    String[] both = wire == null ? null : TEXTS.get(prefix + "." + wire);
    return both == null ? String.valueOf(wire) : ("en".equals(language) ? both[1] : both[0]);
  }

  public String role(String wire) {
    return value("role", wire);
  }

  /** "2026-11-25" as "25 november 2026"; "" stays "", and anything unparsable is shown as typed. */
  public String date(String iso) {
    if (iso == null || iso.isEmpty()) {
      return "";
    }
    try {
      Locale locale = "en".equals(language) ? Locale.UK : Locale.forLanguageTag("nl-NL");
      return LocalDate.parse(iso).format(DateTimeFormatter.ofPattern("d MMMM yyyy", locale));
    } catch (DateTimeParseException e) {
      return iso;
    }
  }
}
