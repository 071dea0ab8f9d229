import { dutchDate, dutchLongDate } from '@regie/calendar';

/**
 * The verslag as a printable page in Dutch (A4): werkagenda, overleg and date, attendance, the
 * agenda items with their notes, decisions and action points, a print date and page numbers
 * (CSS @page margin boxes with the page counter). No scripts; every text escaped. Names arrive
 * opened (the route opens the sealed ones).
 */
export interface MinutesDocumentInput {
  werkagenda: string;
  seriesTitle: string;
  local: { date: string; time: string };
  status: string;
  minutesApprovedAt: string | null;
  printedOn: string;
  attendance: { present: string[]; absent: string[] };
  agenda: { id: string; title: string }[];
  notes: { itemId: string; title: string; notes: string }[];
  decisions: { id: string; text: string; kind: string; status: string; itemId: string | null; reason: string | null }[];
  actionPoints: { text: string; owner: string; dueDate: string; status: string; itemId: string | null }[];
}

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
const paragraphs = (text: string) =>
  text
    .split(/\n{2,}/)
    .map((p) => `<p>${escape(p).replace(/\n/g, '<br>')}</p>`)
    .join('');

const DECISION_STATUS: Record<string, string> = {
  geldig: '',
  gecorrigeerd: ' <em>(gecorrigeerd)</em>',
  ingetrokken: ' <em>(ingetrokken)</em>',
};
/** The kind in words, as the meeting page and the printed agenda say it ("Regiokaart start in mei — operationeel besluit"). */
const DECISION_KIND: Record<string, string> = { operationeel: 'operationeel besluit', strategisch: 'strategisch besluit' };
const ACTION_STATUS: Record<string, string> = { open: 'open', overdue: 'te laat', done: 'afgerond' };

function recordOf(input: MinutesDocumentInput, itemId: string | null): string {
  const decisions = input.decisions.filter((d) => d.itemId === itemId);
  const actions = input.actionPoints.filter((a) => a.itemId === itemId);
  const parts: string[] = [];
  if (decisions.length > 0)
    parts.push(
      `<h3>Besluiten</h3><ul class="besluiten">${decisions
        .map(
          (d) =>
            `<li class="${escape(d.status)}">${escape(d.text)} <span class="soort">— ${DECISION_KIND[d.kind] ?? 'besluit'}</span>${DECISION_STATUS[d.status] ?? ''}${
              d.reason ? `<br><span class="reden">Reden: ${escape(d.reason)}</span>` : ''
            }</li>`,
        )
        .join('')}</ul>`,
    );
  if (actions.length > 0)
    parts.push(
      `<h3>Actiepunten</h3><table class="acties"><thead><tr><th>Actie</th><th>Wie</th><th>Uiterlijk</th><th>Stand</th></tr></thead><tbody>${actions
        .map(
          (a) =>
            `<tr><td>${escape(a.text)}</td><td>${escape(a.owner)}</td><td>${escape(dutchDate(a.dueDate))}</td><td>${escape(ACTION_STATUS[a.status] ?? a.status)}</td></tr>`,
        )
        .join('')}</tbody></table>`,
    );
  return parts.join('\n');
}

export function minutesDocument(input: MinutesDocumentInput): string {
  const notes = new Map(input.notes.map((n) => [n.itemId, n]));
  // Items on the agenda, then items noted that the agenda no longer shows (with their title as noted).
  const items = [
    ...input.agenda,
    ...input.notes.filter((n) => !input.agenda.some((i) => i.id === n.itemId)).map((n) => ({ id: n.itemId, title: n.title })),
  ];
  const known = new Set(items.map((i) => i.id));
  const loose = {
    decisions: input.decisions.filter((d) => !d.itemId || !known.has(d.itemId)).map((d) => ({ ...d, itemId: null })),
    actionPoints: input.actionPoints.filter((a) => !a.itemId || !known.has(a.itemId)).map((a) => ({ ...a, itemId: null })),
  };
  const sections = items
    .map((item, i) => {
      const note = notes.get(item.id);
      return `<section class="punt"><h2><span class="nr">${i + 1}.</span> ${escape(item.title)}</h2>
      ${note && note.notes.trim() ? paragraphs(note.notes) : '<p class="leeg">Geen aantekeningen.</p>'}
      ${recordOf(input, item.id)}</section>`;
    })
    .join('\n');
  const rest = recordOf({ ...input, ...loose }, null);
  const status =
    input.status === 'minutes_approved' && input.minutesApprovedAt
      ? `<p class="meta">Verslag vastgesteld op ${escape(dutchDate(input.minutesApprovedAt.slice(0, 10)))}</p>`
      : '<p class="status">Concept: dit verslag is nog niet vastgesteld.</p>';
  const list = (names: string[]) => (names.length > 0 ? names.map(escape).join(', ') : 'niet vastgelegd');
  return `<!doctype html>
<html lang="nl">
<head>
  <meta charset="utf-8">
  <title>Verslag ${escape(input.seriesTitle)} ${escape(dutchDate(input.local.date))}</title>
  <style>
    @page {
      size: A4; margin: 2cm 2cm 2.5cm;
      @bottom-left { content: "Verslag ${escape(input.seriesTitle).replace(/"/g, '')} – ${escape(dutchDate(input.local.date))}"; font-size: 9pt; color: #555; }
      @bottom-right { content: "Pagina " counter(page) " van " counter(pages); font-size: 9pt; color: #555; }
    }
    body { font-family: "RijksoverheidSansWebText", Verdana, Arial, sans-serif; color: #000; line-height: 1.5; max-width: 44em; margin: 2em auto; }
    h1 { font-size: 1.5em; margin-bottom: 0.2em; color: #154273; }
    h2 { font-size: 1.1em; margin: 1.2em 0 0.3em; color: #154273; }
    h3 { font-size: 1em; margin: 0.6em 0 0.2em; }
    .meta, .leeg, .soort, .reden { color: #333; }
    .status { border-left: 4px solid #e17000; padding-left: 0.5em; }
    .punt { border-bottom: 1px solid #ccc; padding-bottom: 0.5em; break-inside: avoid-page; }
    .nr { display: inline-block; min-width: 2em; }
    .gecorrigeerd, .ingetrokken { color: #555; }
    table { border-collapse: collapse; width: 100%; }
    th, td { text-align: left; border-bottom: 1px solid #ddd; padding: 0.2em 0.4em; vertical-align: top; }
    footer { margin-top: 2em; font-size: 0.9em; color: #555; }
  </style>
</head>
<body>
  <header>
    <h1>Verslag ${escape(input.seriesTitle)}</h1>
    <p class="meta">${escape(dutchLongDate(input.local.date))}, ${escape(input.local.time)} uur</p>
    <p class="meta">Werkagenda ${escape(input.werkagenda)}</p>
    ${status}
  </header>
  <main>
    <section class="aanwezig">
      <h2>Aanwezig</h2><p>${list(input.attendance.present)}</p>
      <h2>Afgemeld</h2><p>${input.attendance.absent.length > 0 ? input.attendance.absent.map(escape).join(', ') : 'niemand'}</p>
    </section>
    ${sections}
    ${rest ? `<section class="punt"><h2>Overige besluiten en actiepunten</h2>${rest}</section>` : ''}
  </main>
  <footer>Afgedrukt op ${escape(dutchDate(input.printedOn))}</footer>
</body>
</html>
`;
}
