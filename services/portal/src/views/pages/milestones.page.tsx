import type { BoardActionLine, BoardMilestone, Werkagenda } from '../../api/regie-api.models';
import type { PortalContext } from '../../session/session';
import { A, Badge, H1, H2, P, Table } from '../components';
import { count, formatDate, formatDaysLate } from '../format';
import { Layout } from '../layout';
import { asOfQuery, PeildatumForm } from './peildatum';
import { WerkagendaPreHeading } from '../werkagenda-heading';
import { actionHref } from '../werkagenda';
import { actionCodeOf } from '@regie/es-core';

const tone = (m: BoardMilestone) =>
  m.late ? 'bad' : m.status === 'achieved' ? 'good' : m.status === 'in_progress' ? 'warning' : 'neutral';

interface Row extends BoardMilestone {
  key: string;
  code: string;
}

/** The mijlpalen board: per actielijn every mijlpaal with its status, late ones marked in words. */
export function MilestonesPage({
  p,
  board,
  werkagenda,
  onlyLate,
}: {
  p: PortalContext;
  board: BoardActionLine[];
  werkagenda: Werkagenda;
  onlyLate: boolean;
}) {
  const q = asOfQuery(p);
  return (
    <Layout title="Mijlpalen" section="mijlpalen" me={p.me} werkagendas={p.werkagendas} flash={p.flash} asOf={p.asOf}>
      <WerkagendaPreHeading p={p} />
      <H1>Mijlpalen</H1>
      <P lead>
        Alle mijlpalen van de werkagenda per actielijn. Een mijlpaal is te laat als de streefdatum voorbij is en hij niet is behaald.
      </P>
      <form method="get" action="/mijlpalen" class="regie-inline-form" aria-label="Mijlpalen filteren">
        <div class="utrecht-form-field utrecht-form-field--checkbox regie-radio">
          <input
            class="utrecht-checkbox utrecht-checkbox--html-input"
            type="checkbox"
            id="alleen-te-laat"
            name="alleen"
            value="te-laat"
            checked={onlyLate}
          />
          <label class="utrecht-form-label utrecht-form-label--checkbox" for="alleen-te-laat">
            Alleen mijlpalen die te laat zijn
          </label>
        </div>
        {p.asOf && <input type="hidden" name="peildatum" value={p.asOf.input} />}
        <button type="submit" class="utrecht-button utrecht-button--secondary-action">
          Tonen
        </button>
      </form>
      {board.map((line) => {
        const title = werkagenda.actionLines.find((l) => l.number === line.actionLine)?.title ?? '';
        const rows: Row[] = line.actions
          .flatMap((a) => a.milestones.map((m) => ({ ...m, key: a.code, code: actionCodeOf(a.code) })))
          .filter((m) => !onlyLate || m.late);
        const c = line.counts;
        return (
          <section key={line.actionLine} aria-labelledby={`lijn-${line.actionLine}`}>
            <H2 id={`lijn-${line.actionLine}`}>
              Actielijn {line.actionLine}: {title}
            </H2>
            <P>
              {count(c.total, 'mijlpaal', 'mijlpalen')}: {c.achieved} behaald, {c.inProgress} in uitvoering, {c.planned} gepland, {c.late}{' '}
              te laat, {c.cancelled} vervallen; {c.replanned} ooit herpland.
            </P>
            <Table
              caption={`Mijlpalen van actielijn ${line.actionLine}${onlyLate ? ' die te laat zijn' : ''}`}
              rows={rows}
              rowKey={(m) => m.id}
              empty={onlyLate ? 'Geen mijlpalen te laat.' : 'Geen mijlpalen.'}
              rowClass={(m) => (m.late ? 'regie-row--alert' : undefined)}
              columns={[
                { header: 'Actie', cell: (m) => <A href={`${actionHref(m.key)}${q}#mijlpalen`}>{m.code}</A> },
                { header: 'Mijlpaal', cell: (m) => m.title },
                {
                  header: 'Streefdatum',
                  cell: (m) => (
                    <>
                      <span class="regie-nowrap">{formatDate(m.dueDate)}</span>
                      {m.originalDueDate !== m.dueDate && (
                        <span class="regie-muted"> (oorspronkelijk {formatDate(m.originalDueDate)})</span>
                      )}
                    </>
                  ),
                },
                {
                  header: 'Status',
                  cell: (m) => (
                    <>
                      <Badge tone={tone(m)}>{m.label}</Badge>
                      {m.daysLate !== null && <span class="regie-muted"> ({formatDaysLate(m.daysLate)})</span>}
                    </>
                  ),
                },
              ]}
            />
          </section>
        );
      })}
      <PeildatumForm p={p} action="/mijlpalen" />
    </Layout>
  );
}
