import type { Meeting, MeetingSeries } from '../../api/regie-api.models';
import { formatDate, formatDateTime, formatTime, formatWeekday } from '../format';
import { DECISION_KIND_LABEL, DECISION_STATUS_LABEL, MEETING_KIND_LABEL, MEETING_STATUS_LABEL } from '../labels';

/** Text for a CSS string (`content: "…"`): no quotes, backslashes or line breaks that could end it. */
export const cssText = (text: string): string => text.replace(/["\\\n\r<>]/g, ' ');

/**
 * The print header of every page: werkagenda, overleg and date on top, the print date and "Pagina 2
 * van 3" at the bottom (CSS @page margin boxes, which Chromium prints since version 131). The first
 * page also carries them in the document itself, so a browser without margin boxes still shows them.
 */
export function printPageStyle({ top, printedOn }: { top: string; printedOn: string }): string {
  return `@page {
  size: A4; margin: 2.2cm 1.8cm 2.5cm;
  @top-left { content: "${cssText(top)}"; font-size: 9pt; color: #555; }
  @bottom-left { content: "Afgedrukt op ${cssText(printedOn)}"; font-size: 9pt; color: #555; }
  @bottom-right { content: "Pagina " counter(page) " van " counter(pages); font-size: 9pt; color: #555; }
}`;
}

/** The agenda and besluitenlijst of one overleg on A4: no menu, no forms; a draft says so. Headed by werkagenda, overleg and date. */
export function MeetingPrintPage({
  meeting: m,
  series,
  werkagenda,
  now,
}: {
  meeting: Meeting;
  series?: MeetingSeries;
  /** The werkagenda's title, for the header. */
  werkagenda?: string;
  /** The moment of printing (the request), for "Afgedrukt op". */
  now: Date;
}) {
  const overleg = series?.title ?? MEETING_KIND_LABEL[m.kind];
  const title = `${overleg} — ${formatWeekday(m.startsAt)}`;
  const printedOn = formatDateTime(now.toISOString());
  const top = [werkagenda ? `Werkagenda ${werkagenda}` : 'Werkagenda', overleg, formatWeekday(m.startsAt)].join(' · ');
  return (
    <html lang="nl" class="rhc-theme">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`Agenda ${title}`}</title>
        <link rel="stylesheet" href="/assets/rhc/design-tokens.css" />
        <link rel="stylesheet" href="/assets/rhc/components.css" />
        <link rel="stylesheet" href="/assets/portal.css" />
        <style dangerouslySetInnerHTML={{ __html: printPageStyle({ top, printedOn }) }} />
      </head>
      <body class="utrecht-document regie-print">
        <main class="utrecht-page-body__content">
          <p class="regie-no-print nl-paragraph">
            <a class="nl-link" href={`/overleggen/${m.id}`}>
              Terug naar het overleg
            </a>{' '}
            — gebruik de afdrukfunctie van uw browser (Ctrl+P) om af te drukken.
          </p>
          <header class="regie-print-header">
            <p class="nl-paragraph">{werkagenda ? `Werkagenda ${werkagenda}` : 'Werkagenda'}</p>
            <p class="nl-paragraph">
              {overleg} · {formatWeekday(m.startsAt)}
            </p>
            <p class="nl-paragraph regie-print-header__printed">Afgedrukt op {printedOn}</p>
          </header>
          {/* a held meeting's agenda is frozen: never headed "Concept-agenda" */}
          <h1 class="nl-heading nl-heading--level-1">{m.agendaStatus === 'concept' ? `Concept-agenda ${title}` : `Agenda ${title}`}</h1>
          <p class="nl-paragraph">
            {formatTime(m.startsAt)}–{formatTime(m.endsAt)} · {m.notHeld ? 'niet gehouden' : MEETING_STATUS_LABEL[m.status]}
            {m.publishedAt &&
              (m.agendaFrozenBy === 'held'
                ? ` · agenda vastgelegd toen het overleg gehouden werd, op ${formatDateTime(m.publishedAt)}`
                : ` · agenda gepubliceerd op ${formatDateTime(m.publishedAt)}`)}
          </p>
          {series && (
            <p class="nl-paragraph">
              Deelnemers: {series.participants.join(', ')}
              {m.chair ? `; voorzitter: ${m.chair}` : ''}
            </p>
          )}
          <h2 class="nl-heading nl-heading--level-2">Agenda</h2>
          <ol class="utrecht-ordered-list">
            {m.agenda.map((item) => (
              <li key={item.id}>{item.title}</li>
            ))}
          </ol>
          {m.decisions.length > 0 && (
            <>
              <h2 class="nl-heading nl-heading--level-2">Besluiten</h2>
              <ol class="utrecht-ordered-list">
                {m.decisions.map((d) => (
                  <li key={d.id}>
                    {d.text} — {DECISION_KIND_LABEL[d.kind]}
                    {DECISION_STATUS_LABEL[d.status] && ` (${DECISION_STATUS_LABEL[d.status]}${d.reason ? `; reden: ${d.reason}` : ''})`}
                  </li>
                ))}
              </ol>
            </>
          )}
          {m.actionPoints.length > 0 && (
            <>
              <h2 class="nl-heading nl-heading--level-2">Actiepunten</h2>
              <ol class="utrecht-ordered-list">
                {m.actionPoints.map((a) => (
                  <li key={a.id}>
                    {a.text} — {a.owner}, uiterlijk {formatDate(a.dueDate)}
                    {a.done ? ' (afgerond)' : ''}
                  </li>
                ))}
              </ol>
            </>
          )}
        </main>
      </body>
    </html>
  );
}
