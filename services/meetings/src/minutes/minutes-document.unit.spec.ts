import { minutesDocument, type MinutesDocumentInput } from './minutes-document';

const item = '0196a4a2-7c1e-7000-8000-000000000001';
const input: MinutesDocumentInput = {
  werkagenda: 'Een betekenisvol leven met een langdurige psychische aandoening',
  seriesTitle: 'Kerngroepoverleg',
  local: { date: '2026-11-17', time: '10:00' },
  status: 'minutes_approved',
  minutesApprovedAt: '2026-11-24T09:30:00.000Z',
  printedOn: '2026-12-06',
  attendance: { present: ['VWS', 'ZN'], absent: ['MIND'] },
  agenda: [{ id: item, title: 'Voortgang pilotregio’s' }],
  notes: [{ itemId: item, title: 'Voortgang pilotregio’s', notes: 'Besproken.' }],
  decisions: [
    { id: 'd1', text: 'Regiokaart start in mei', kind: 'operationeel', status: 'geldig', itemId: item, reason: null },
    { id: 'd2', text: 'Koers vastgesteld', kind: 'strategisch', status: 'ingetrokken', itemId: null, reason: 'Achterhaald' },
  ],
  actionPoints: [{ text: 'Notitie opstellen', owner: 'C. de Vries', dueDate: '2026-12-20', status: 'overdue', itemId: item }],
};

/** What a reader of the printed verslag sees: the text between the tags of its body. */
const visibleText = (html: string) =>
  html
    .slice(html.indexOf('<body>'))
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

describe('the printed verslag', () => {
  const text = visibleText(minutesDocument(input));

  it('names each decision’s kind in words, as the meeting page does', () => {
    expect(text).toContain('Regiokaart start in mei — operationeel besluit');
    expect(text).toContain('Koers vastgesteld — strategisch besluit (ingetrokken) Reden: Achterhaald');
    expect(text).not.toMatch(/\((operationeel|strategisch)\)/);
  });

  it('shows dates, states and people in Dutch words: no ISO date, status code or id', () => {
    expect(text).toContain('Notitie opstellen C. de Vries 20 december 2026 te laat');
    expect(text).toContain('Verslag vastgesteld op 24 november 2026');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|minutes_approved|overdue|geldig|0196a4a2/);
  });
});
