import { NotFoundException } from '@nestjs/common';
import type { Meeting, MeetingSeries } from '../api/regie-api.models';
import { mayRead, rights } from '../session/rights';
import type { PortalContext } from '../session/session';
import type { FormErrors } from '../views/form-state';
import { MeetingPage } from '../views/pages/meeting.page';

/**
 * The series of a meeting, among the series of the meeting's own werkagenda (a meeting of another
 * werkagenda the user may read still opens); one of a werkagenda the user holds no grant in is not
 * found, as the user sees it. Not from the list of every werkagenda's series: with a thousand
 * werkagenda's that list is large, and such lists are served one at a time (OneAtATimeUnless):
 * the page then waited 0.2–0.5 s at 1M events (docs/performance.md, session 13).
 */
export async function seriesOfMeeting(
  p: PortalContext,
  meeting: Pick<Meeting, 'seriesId' | 'werkagendaId'>,
): Promise<MeetingSeries | undefined> {
  if (!meeting.werkagendaId) return undefined;
  const series = (await p.api.inWerkagenda(meeting.werkagendaId).meetingSeries()).find((s) => s.id === meeting.seriesId);
  if (series && !mayRead(p.me, series.werkagendaId)) throw new NotFoundException();
  return series;
}

/** The meeting page with its agenda, record and verslag (attendance, notes), for a GET or a refused form. */
export async function meetingPage(p: PortalContext, id: string, errors?: FormErrors) {
  const [meeting, minutes] = await Promise.all([p.api.meeting(id, p.asOf?.instant), p.api.minutes(id, p.asOf?.instant)]);
  const series = await seriesOfMeeting(p, meeting);
  // A meeting of another werkagenda the user may read: the forms follow their grant in that one.
  const here = series && series.werkagendaId !== p.werkagendas?.current.id ? { ...p, rights: rights(p.me, series.werkagendaId) } : p;
  return MeetingPage({ p: here, meeting, series, minutes, errors });
}
