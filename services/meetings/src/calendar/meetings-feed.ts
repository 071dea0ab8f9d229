import type { Request } from 'express';
import type { View } from '@regie/context';
import type { MeetingsQueries } from '../read-model/meetings.queries';
import { calendarFeed } from './calendar-feed';

/** The portal page of a meeting at the address the request came in on (the portal shares the origin). */
export const portalPage =
  (req: Request) =>
  (meetingId: string): string =>
    `${req.protocol}://${req.get('host')}/overleggen/${encodeURIComponent(meetingId)}`;

/** The meetings (of one overlegvorm or werkagenda, or all) as an iCalendar feed. */
export async function meetingsFeed(
  view: View<MeetingsQueries>,
  filter: { kind?: string; werkagendaId?: string | readonly string[] },
  pageUrl: (meetingId: string) => string,
): Promise<string> {
  const meetings = await view.queries.forCalendar(filter.kind, filter.werkagendaId);
  const name = filter.kind ? `Werkagenda: ${meetings[0]?.series.title ?? filter.kind}` : 'Werkagenda: overleggen';
  return calendarFeed(
    meetings.map((m) => ({
      id: m.id,
      title: m.series.title,
      purpose: m.series.purpose,
      startsAt: m.startsAt,
      endsAt: m.endsAt,
      status: m.status,
      sequence: m.sequence,
      updatedAt: m.updatedAt,
      cancelReason: m.cancelReason,
      example: m.series.example,
      location: m.location,
    })),
    name,
    { pageUrl },
  );
}
