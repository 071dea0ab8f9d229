import type { PortalContext } from '../session/session';
import type { FormErrors } from '../views/form-state';
import { MeetingPage } from '../views/pages/meeting.page';

/** The meeting page with its agenda, record and verslag (attendance, notes), for a GET or a refused form. */
export async function meetingPage(p: PortalContext, id: string, errors?: FormErrors) {
  const [meeting, series, minutes] = await Promise.all([
    p.api.meeting(id, p.asOf?.instant),
    p.api.meetingSeries(),
    p.api.minutes(id, p.asOf?.instant),
  ]);
  return MeetingPage({ p, meeting, series: series.find((s) => s.id === meeting.seriesId), minutes, errors });
}
