import type { Action, Knelpunt } from '../../api/regie-api.models';
import type { PortalContext } from '../../session/session';
import { A, Badge, H1, H2, P, Table } from '../components';
import { amsterdamLocal, count, formatDate } from '../format';
import { LEVEL_LABEL } from '../labels';
import { Layout } from '../layout';
import { WerkagendaPreHeading } from '../werkagenda-heading';
import { actionHref } from '../werkagenda';

/** How long ago a knelpunt was resolved and still listed as "recently resolved". */
export const RECENT_DAYS = 90;

export interface KnelpuntRow extends Knelpunt {
  key: string;
  code: string;
  actionTitle: string;
}

const DAY = 24 * 60 * 60 * 1000;

/** The knelpunten of all actions: open ones (oldest first, the longest waiting on top) and those resolved recently (newest first). */
export function knelpuntenOf(actions: Action[], now: Date): { open: KnelpuntRow[]; resolved: KnelpuntRow[] } {
  const rows = actions.flatMap((a) => a.knelpunten.map((k) => ({ ...k, key: a.key, code: a.code, actionTitle: a.title })));
  const open = rows.filter((k) => k.status === 'open').sort((a, b) => a.raisedAt.localeCompare(b.raisedAt));
  const resolved = rows
    .filter((k) => k.status === 'resolved' && k.resolvedAt && now.getTime() - Date.parse(k.resolvedAt) <= RECENT_DAYS * DAY)
    .sort((a, b) => (b.resolvedAt ?? '').localeCompare(a.resolvedAt ?? ''));
  return { open, resolved };
}

/** "3 december 2026 (5 dagen)": the date in words and how long ago, in calendar days in Amsterdam (weeks from 7 days). */
export function since(instant: string, now: Date): string {
  const then = amsterdamLocal(new Date(instant)).date;
  const days = Math.max(0, Math.round((Date.parse(amsterdamLocal(now).date) - Date.parse(then)) / DAY));
  const ago =
    days === 0
      ? 'vandaag'
      : days === 1
        ? 'gisteren'
        : days < 7
          ? count(days, 'dag', 'dagen')
          : count(Math.floor(days / 7), 'week', 'weken');
  return `${formatDate(then)} (${ago})`;
}

const action = (k: KnelpuntRow) => <A href={`${actionHref(k.key)}#knelpunten`}>{`Actie ${k.code}: ${k.actionTitle}`}</A>;

/** The knelpunten overview across actions: what is open, since when, escalated or not; and what was recently resolved. */
export function KnelpuntenPage({ p, actions }: { p: PortalContext; actions: Action[] }) {
  const { open, resolved } = knelpuntenOf(actions, p.now);
  const escalated = open.filter((k) => k.escalatedTo).length;
  return (
    <Layout title="Knelpunten" section="knelpunten" me={p.me} werkagendas={p.werkagendas} flash={p.flash}>
      <WerkagendaPreHeading p={p} />
      <H1>Knelpunten</H1>
      <P lead>
        {open.length === 0
          ? 'Er zijn geen open knelpunten.'
          : `${count(open.length, 'open knelpunt', 'open knelpunten')}, waarvan ${escalated} geëscaleerd. Het langst openstaande staat bovenaan.`}
      </P>
      <section aria-labelledby="open">
        <H2 id="open">Open knelpunten</H2>
        <Table
          caption="Open knelpunten, het oudste eerst"
          rows={open}
          rowKey={(k) => k.id}
          empty="Er zijn geen open knelpunten."
          columns={[
            { header: 'Actie', cell: action },
            { header: 'Knelpunt', cell: (k) => k.description },
            { header: 'Gemeld op', cell: (k) => <span class="regie-nowrap">{since(k.raisedAt, p.now)}</span> },
            {
              header: 'Geëscaleerd',
              cell: (k) => (k.escalatedTo ? <Badge tone="bad">{`Ja, naar de ${LEVEL_LABEL[k.escalatedTo]}`}</Badge> : <Badge>Nee</Badge>),
            },
          ]}
        />
      </section>
      <section aria-labelledby="opgelost">
        <H2 id="opgelost">Onlangs opgelost</H2>
        <Table
          caption={`Opgelost in de laatste ${RECENT_DAYS} dagen, het laatst opgeloste eerst`}
          rows={resolved}
          rowKey={(k) => k.id}
          empty={`In de laatste ${RECENT_DAYS} dagen is geen knelpunt opgelost.`}
          columns={[
            { header: 'Actie', cell: action },
            { header: 'Knelpunt', cell: (k) => k.description },
            { header: 'Oplossing', cell: (k) => k.resolution ?? '—' },
            { header: 'Opgelost op', cell: (k) => <span class="regie-nowrap">{k.resolvedAt ? since(k.resolvedAt, p.now) : '—'}</span> },
          ]}
        />
      </section>
    </Layout>
  );
}
