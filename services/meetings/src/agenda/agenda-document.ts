import { amsterdamDate, dutchLongDate } from '@regie/calendar';

/**
 * The agenda as a printable page in Dutch, for directors who read on paper: A4 print styles,
 * no scripts, every text escaped. A draft is marked as such; a published agenda is frozen.
 */
export interface AgendaDocumentInput {
  kind: string;
  local: { date: string; time: string };
  status: string;
  agendaStatus: string;
  agendaFrozenBy?: 'held' | null;
  publishedAt: string | null;
  heldAt?: string | null;
  agenda: { title: string; source: { type: string; ref: string } }[];
}

const TITLES: Record<string, string> = {
  kerngroep: 'Kerngroepoverleg',
  evaluatie: 'Evaluatie op voortgang',
  jaaroverleg: 'Jaaroverleg',
  regiegroep: 'Regiegroep',
};

const SOURCES: Record<string, string> = {
  standing: 'vast punt',
  knelpunt: 'knelpunt',
  milestone: 'mijlpaal',
  'late-milestones': 'mijlpalen te laat',
  projection: 'kwartaalprojectie',
  'regiegroep-preparation': 'voorbereiding',
  commitment: 'toezegging',
  'action-point': 'actiepunt',
  preparation: 'voorbereiding',
  manual: 'toegevoegd',
};

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

export function agendaDocument(meeting: AgendaDocumentInput): string {
  const title = TITLES[meeting.kind] ?? meeting.kind;
  const day = (iso: string) => escape(dutchLongDate(amsterdamDate(new Date(iso))));
  // A held meeting's agenda is never a concept: holding froze it (or, held before that rule, it was never published).
  const state =
    meeting.status === 'cancelled'
      ? '<p class="status">Dit overleg is geannuleerd.</p>'
      : meeting.agendaStatus === 'concept'
        ? '<p class="status">Concept: deze agenda is nog niet vastgesteld en kan nog wijzigen.</p>'
        : meeting.agendaStatus === 'niet-gepubliceerd'
          ? '<p class="meta">Deze agenda is niet vooraf gepubliceerd; het overleg is gehouden.</p>'
          : meeting.agendaFrozenBy === 'held'
            ? `<p class="meta">Niet vooraf gepubliceerd; vastgelegd toen het overleg gehouden werd, op ${day(meeting.publishedAt!)}</p>`
            : `<p class="meta">Vastgesteld op ${day(meeting.publishedAt!)}</p>`;
  const items = meeting.agenda
    .map(
      (item, i) =>
        `<li><span class="nr">${i + 1}.</span> ${escape(item.title)} <span class="bron">(${escape(SOURCES[item.source.type] ?? item.source.type)})</span></li>`,
    )
    .join('\n      ');
  return `<!doctype html>
<html lang="nl">
<head>
  <meta charset="utf-8">
  <title>Agenda ${escape(title)} ${escape(meeting.local.date)}</title>
  <style>
    @page { size: A4; margin: 2cm; }
    body { font-family: "RijksoverheidSansWebText", Verdana, Arial, sans-serif; color: #000; line-height: 1.5; max-width: 44em; margin: 2em auto; }
    h1 { font-size: 1.5em; margin-bottom: 0.2em; color: #154273; }
    .meta { color: #333; }
    .status { border-left: 4px solid #e17000; padding-left: 0.5em; }
    ol { list-style: none; padding: 0; }
    li { padding: 0.4em 0; border-bottom: 1px solid #ccc; break-inside: avoid; }
    .nr { display: inline-block; min-width: 2em; font-weight: bold; }
    .bron { color: #555; font-size: 0.9em; }
  </style>
</head>
<body>
  <header>
    <h1>Agenda ${escape(title)}</h1>
    <p class="meta">${escape(dutchLongDate(meeting.local.date))}, ${escape(meeting.local.time)} uur</p>
    <p class="meta">Werkagenda "Een betekenisvol leven met een langdurige psychische aandoening"</p>
    ${state}
  </header>
  <main>
    <ol>
      ${items}
    </ol>
  </main>
</body>
</html>
`;
}
