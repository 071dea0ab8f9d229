import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { ZONE } from '@regie/calendar';

export interface CalendarMeeting {
  id: string;
  title: string;
  purpose: string;
  startsAt: Date;
  endsAt: Date;
  status: string;
  sequence: number;
  updatedAt: Date;
  cancelReason: string | null;
  example: boolean;
  /** Where it takes place (of the meeting, else of its series); none known: no LOCATION. */
  location?: string | null;
}

export interface FeedOptions {
  /** The portal page of a meeting, for the event's URL (e.g. https://regie.example/overleggen/<id>). */
  pageUrl?: (meetingId: string) => string;
}

/** Europe/Amsterdam since 1996 (EU rules): CEST from the last Sunday of March, CET from the last Sunday of October. */
const AMSTERDAM_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Amsterdam',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

/** A stable UID per meeting: a subscribed calendar updates the event instead of adding a second. */
export const uidOf = (meetingId: string): string => `${meetingId}@regie.werkagenda`;

/**
 * The meetings as an iCalendar feed (RFC 5545, ical-generator): local times with TZID
 * Europe/Amsterdam and its VTIMEZONE, SEQUENCE raised by every reschedule or cancellation,
 * cancelled occurrences with STATUS:CANCELLED, provisional ones (a "Voorbeelddatum": the series
 * is not planned for certain yet) STATUS:TENTATIVE, the rest CONFIRMED. URL leads back to the
 * meeting's page in the portal, LOCATION where one is known. DTSTAMP is the meeting's last change,
 * so the same state always renders the same feed.
 */
export function calendarFeed(meetings: CalendarMeeting[], name: string, options: FeedOptions = {}): string {
  const calendar = ical({
    name,
    prodId: { company: 'Regie', product: 'Overlegstructuur werkagenda', language: 'NL' },
    method: ICalCalendarMethod.PUBLISH,
    timezone: { name: null, generator: (tz) => (tz === ZONE ? AMSTERDAM_VTIMEZONE : null) },
  });
  for (const m of meetings) {
    const cancelled = m.status === 'cancelled';
    calendar.createEvent({
      id: uidOf(m.id),
      sequence: m.sequence,
      stamp: DateTime.fromJSDate(m.updatedAt, { zone: 'utc' }),
      start: DateTime.fromJSDate(m.startsAt).setZone(ZONE),
      end: DateTime.fromJSDate(m.endsAt).setZone(ZONE),
      timezone: ZONE,
      summary: `${cancelled ? 'Geannuleerd: ' : ''}${m.title}`,
      description: [
        m.purpose,
        cancelled && m.cancelReason ? `Geannuleerd: ${m.cancelReason}` : '',
        m.example ? 'Voorbeelddatum: de reeks is nog niet definitief gepland.' : '',
      ]
        .filter(Boolean)
        .join('\n'),
      status: cancelled ? ICalEventStatus.CANCELLED : m.example ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
      url: options.pageUrl?.(m.id) ?? null,
      location: m.location ?? null,
    });
  }
  return calendar.toString();
}
