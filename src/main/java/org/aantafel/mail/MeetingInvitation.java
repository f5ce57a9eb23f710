package org.aantafel.mail;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The invitation for a meeting as an iCalendar request (RFC 5545 / iTIP), so that a calendar program offers to add
 * it. The start is written in UTC: every calendar converts that to its own zone without needing the VTIMEZONE
 * definition that a TZID would require.
 */
final class MeetingInvitation {
  static final String CONTENT_TYPE = "text/calendar; charset=utf-8; method=REQUEST";
  static final String FILE_NAME = "invitation.ics";
  private static final Method METHOD = ImmutableMethod.REQUEST;

  private MeetingInvitation() {
  }

  /**
   * @param organizer the address the mail comes from; iTIP wants an organizer on a request
   * @param sentAt    when it is sent: a later invitation for the same board must carry a higher SEQUENCE for a
   *                  calendar to replace the earlier one, and the minute it was sent always grows
   */
  static String ics(UpcomingMeeting meeting, ZoneId zone, String joinLink, String organizer, Instant sentAt) {
    Instant start = meeting.scheduledAt()
        .orElseThrow(() -> new IllegalArgumentException("a meeting without a time has no invitation"))
        .atZone(zone).toInstant();
    VEvent event = new VEvent(start, Duration.ofMinutes(meeting.minutes()), meeting.title());
    // One UID per board: a second invitation for the same meeting updates the entry instead of adding another.
    event.add(new Uid(meeting.boardId() + "@aantafel"));
    event.add(new Sequence((int) (sentAt.getEpochSecond() / 60)));
    event.add(new Url(URI.create(joinLink)));
    event.add(new Description(meeting.goal().isBlank() ? joinLink : meeting.goal() + "\n\n" + joinLink));
    if (!organizer.isBlank()) {
      event.add(new Organizer(URI.create("mailto:" + organizer)));
    }
    Calendar calendar = new Calendar();
    calendar.add(new ProdId("-//Aan Tafel//Meeting board//" + meeting.language().toUpperCase()));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    calendar.add(METHOD);
    calendar.add(event);
    StringWriter out = new StringWriter();
    try {
      new CalendarOutputter().output(calendar, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
