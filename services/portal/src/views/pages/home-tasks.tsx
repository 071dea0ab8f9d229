import type { ComponentChildren } from 'preact';
import type { PortalContext } from '../../session/session';
import { A, H2, P } from '../components';
import { amsterdamLocal, count, formatDate, formatQuarter, formatWeekday, quarterOf } from '../format';
import { MEETING_KIND_LABEL } from '../labels';
import type { HomeData } from './home.page';
import { isActiehouderOf } from '../../session/rights';
import { actionHref } from '../werkagenda';

type Task = { key: string; href: string; text: string; detail?: ComponentChildren };

/**
 * What this user has to do now, first on the start page, by role: an actiehouder reports on their
 * actions and looks at their open knelpunten; the coordinator records the meeting under way (and
 * the past ones never recorded, "niet gehouden"),
 * publishes the next agenda and chases overdue toezeggingen; a director reviews and publishes the
 * quarter's projection and decides the knelpunten escalated to the regiegroep; an auditor checks the chain and the latest changes.
 */
export function tasksFor(p: PortalContext, data: HomeData): Task[] {
  const tasks: Task[] = [];
  const meetingName = (m: HomeData['upcoming'][number]) => `${MEETING_KIND_LABEL[m.kind]} van ${formatWeekday(m.startsAt)}`;
  for (const a of data.actions.filter((action) => isActiehouderOf(p.me, action.key))) {
    tasks.push({
      key: `voortgang-${a.key}`,
      href: `${actionHref(a.key)}#voortgang-form`,
      text: `Voortgang van actie ${a.code} rapporteren`,
      detail: a.lastReportedAt
        ? `laatst gerapporteerd op ${formatDate(amsterdamLocal(new Date(a.lastReportedAt)).date)}`
        : 'nog niet gerapporteerd',
    });
    const late = a.milestones.filter((m) => m.late).length;
    if (late > 0)
      tasks.push({
        key: `laat-${a.key}`,
        href: `${actionHref(a.key)}#mijlpalen`,
        text: `${count(late, 'mijlpaal', 'mijlpalen')} van actie ${a.code} te laat`,
      });
    if (a.openKnelpunten > 0)
      tasks.push({
        key: `knelpunten-${a.key}`,
        href: `${actionHref(a.key)}#knelpunten`,
        text: `${count(a.openKnelpunten, 'open knelpunt', 'open knelpunten')} bij actie ${a.code}`,
      });
  }
  if (p.rights.coordinate) {
    for (const m of data.unrecorded ?? [])
      tasks.push({
        key: `niet-gehouden-${m.id}`,
        href: `/overleggen/${m.id}`,
        text: `Vastleggen of het overleg gehouden is: ${meetingName(m)}`,
        detail: 'staat nu als niet gehouden',
      });
    for (const m of data.upcoming.filter((meeting) => new Date(meeting.startsAt) <= p.now && meeting.status !== 'held'))
      tasks.push({
        key: `vastleggen-${m.id}`,
        href: `/overleggen/${m.id}`,
        text: `Vastleggen dat het overleg gehouden is, met besluiten en actiepunten: ${meetingName(m)}`,
      });
    const next = data.upcoming.find((m) => m.status === 'scheduled' && new Date(m.startsAt) > p.now);
    if (next)
      tasks.push({
        key: `agenda-${next.id}`,
        href: `/overleggen/${next.id}`,
        text: `Agenda opstellen en publiceren: ${meetingName(next)}`,
      });
    if (data.overdue.length > 0)
      tasks.push({
        key: 'toezeggingen',
        href: '/toezeggingen?status=overdue',
        text: `${count(data.overdue.length, 'toezegging', 'toezeggingen')} over de termijn nalopen`,
      });
  }
  if (p.rights.publishProjection) {
    const quarter = quarterOf(amsterdamLocal(p.now).date);
    tasks.push({
      key: 'projectie',
      href: `/voortgangsrapportage?kwartaal=${quarter}`,
      text: `Kwartaalprojectie ${formatQuarter(quarter)} beoordelen en publiceren`,
    });
    for (const e of data.escalated ?? [])
      tasks.push({
        key: `besluit-${e.key}`,
        href: `${actionHref(e.key)}#knelpunten`,
        text: `${count(e.count, 'knelpunt', 'knelpunten')} van actie ${e.code} wacht op een besluit van de regiegroep`,
      });
    const regiegroep = data.upcoming.find((m) => m.kind === 'regiegroep');
    if (regiegroep)
      tasks.push({
        key: `regiegroep-${regiegroep.id}`,
        href: `/overleggen/${regiegroep.id}`,
        text: `${meetingName(regiegroep)} voorbereiden`,
      });
  }
  if (p.rights.audit) {
    tasks.push({ key: 'keten', href: '/audit#controle', text: 'De controle van de keten bekijken' });
    tasks.push({ key: 'wijzigingen', href: '/audit#tijdlijn', text: 'De laatste wijzigingen nalopen' });
  }
  return tasks;
}

export function HomeTasks({ p, data }: { p: PortalContext; data: HomeData }) {
  const tasks = tasksFor(p, data);
  return (
    <section aria-labelledby="nu-te-doen" class="regie-tasks">
      <H2 id="nu-te-doen">Nu te doen</H2>
      {tasks.length === 0 ? (
        <P>Er staat nu niets voor u klaar. Vandaag is het {formatDate(amsterdamLocal(p.now).date)}.</P>
      ) : (
        <ul class="utrecht-link-list utrecht-link-list--html-ul">
          {tasks.map((t) => (
            <li key={t.key} class="utrecht-link-list__item">
              <A href={t.href}>{t.text}</A>
              {t.detail && <span class="regie-muted"> ({t.detail})</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
