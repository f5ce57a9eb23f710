package org.aantafel.mail;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** Every word the e-mails say that nobody typed, in Dutch and English: one place to read and correct them. */
final class MailTexts {

  /** key → {Dutch, English}; {0}, {1} are filled in by {@link #text(String, Object...)}. */
  private static final Map<String, String[]> TEXTS = Map.ofEntries(
      Map.entry("agendaSubject", new String[] {"Agenda: {0}", "Agenda: {0}"}),
      Map.entry("agendaIntro", new String[] {
          "Hierbij de agenda voor het overleg \u201c{0}\u201d.",
          "Here is the agenda for the meeting \u201c{0}\u201d."}),
      Map.entry("when", new String[] {"Wanneer: {0}", "When: {0}"}),
      Map.entry("notScheduled", new String[] {"Wanneer: nog niet gepland", "When: not scheduled yet"}),
      Map.entry("goal", new String[] {"Doel: {0}", "Goal: {0}"}),
      Map.entry("agenda", new String[] {"Agenda:", "Agenda:"}),
      Map.entry("emptyAgenda", new String[] {"(nog geen agendapunten)", "(no agenda items yet)"}),
      Map.entry("minutes", new String[] {"{0} min", "{0} min"}),
      Map.entry("joinLink", new String[] {
          "Meedoen of vooraf punten inbrengen: {0}",
          "Join or add items beforehand: {0}"}),
      Map.entry("recordSubject", new String[] {"Verslag: {0}", "Record: {0}"}),
      Map.entry("recordIntro", new String[] {
          "Het overleg is afgesloten. Hieronder het verslag (versie {0}); de PDF zit als bijlage bij deze e-mail.",
          "The meeting has been closed. The record (version {0}) follows; the PDF is attached to this e-mail."}),
      Map.entry("invitationSubject", new String[] {"Uitnodiging: {0}", "Invitation: {0}"}),
      Map.entry("invitationIntro", new String[] {
          "U bent uitgenodigd voor het overleg \u201c{0}\u201d. De bijlage zet het in uw agenda.",
          "You are invited to the meeting \u201c{0}\u201d. The attachment adds it to your calendar."}),
      Map.entry("confirmSubject", new String[] {
          "Bevestig je e-mailadres voor Aan Tafel", "Confirm your e-mail address for Aan Tafel"}),
      Map.entry("confirmIntro", new String[] {
          "Iemand heeft dit e-mailadres achtergelaten bij een overleg op Aan Tafel, om er de agenda, de uitnodiging "
              + "en het verslag van te krijgen.",
          "Someone left this e-mail address at a meeting on Aan Tafel, to receive its agenda, invitation and "
              + "record."}),
      Map.entry("confirmLink", new String[] {
          "Was jij dat? Bevestig het dan met deze link: {0}",
          "Was that you? Then confirm it with this link: {0}"}),
      Map.entry("confirmValid", new String[] {"De link werkt {0} dagen.", "The link works for {0} days."}),
      Map.entry("confirmIgnore", new String[] {
          "Was jij het niet? Doe dan niets. Je krijgt dan verder geen e-mail over dit overleg.",
          "Was it not you? Then do nothing. You will then get no other e-mail about this meeting."}),
      Map.entry("why", new String[] {
          "U ontvangt deze e-mail omdat u uw adres achterliet bij een overleg op Aan Tafel.",
          "You receive this e-mail because you left your address at a meeting on Aan Tafel."}));

  private final boolean english;

  private MailTexts(boolean english) {
    this.english = english;
  }

  static MailTexts of(String language) {
    return new MailTexts("en".equals(language));
  }

  String text(String key, Object... values) {
    String[] both = TEXTS.get(key);
    if (both == null) {
      throw new IllegalArgumentException("no mail text " + key);
    }
    String text = english ? both[1] : both[0];
    for (int i = 0; i < values.length; i++) {
      text = text.replace("{" + i + "}", String.valueOf(values[i]));
    }
    return text;
  }

  /** A board's scheduledAt ("2027-01-15T14:30", the school's wall clock) as words: "vrijdag 15 januari 2027, 14:30". */
  String when(LocalDateTime at) {
    Locale locale = english ? Locale.ENGLISH : Locale.forLanguageTag("nl");
    return at.format(DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", locale));
  }
}
