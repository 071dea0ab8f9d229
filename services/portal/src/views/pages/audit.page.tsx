import type {
  ActionSummary,
  AuditEvent,
  AuditPage as Page,
  CommitmentSummary,
  MeetingSummary,
  Verification,
} from '../../api/regie-api.models';
import type { PortalContext } from '../../session/session';
import { A, Alert, H1, H2, P } from '../components';
import { CHAIN_PROBLEM_LABEL, PAST_SCREENS, subjectLabel } from '../audit';
import { formatDateTime } from '../format';
import { MEETING_KIND_LABEL } from '../labels';
import { EVENT_TYPES, eventTypeLabel } from '../event-labels';
import { Layout } from '../layout';
import type { ActorNames } from '../actors';
import { EventsTable, namesOf } from './audit-events';

export interface AuditFilters {
  /** What to trace, chosen by name: `actie:2.1`, `toezegging:<id>`, `overleg:<id>`. */
  onderwerp?: string;
  /** An action's number typed in (older links); `onderwerp` is the choice list. */
  stroom?: string;
  /** Words in the events' content. */
  zoek?: string;
  type?: string;
  door?: string;
  van?: string;
  tot?: string;
  /** The page before this position (newest first). */
  voor?: number;
  aantal: number;
  /** `open`: names of persons opened for reading (sealed as stored otherwise; "[verwijderd]" once forgotten). */
  namen?: 'open';
}

/** The audit timeline with filters, the hash-chain verification, and screens as of a past date. */
export interface AuditSubjects {
  actions: ActionSummary[];
  commitments: CommitmentSummary[];
  meetings: MeetingSummary[];
}

export function AuditPage({
  p,
  page,
  filters,
  verification,
  brokenAt = [],
  subjects = { actions: [], commitments: [], meetings: [] },
  actors = {},
}: {
  p: PortalContext;
  page: Page;
  filters: AuditFilters;
  verification: Verification;
  subjects?: AuditSubjects;
  /** The events at the positions where the chain check failed, to name them in words. */
  brokenAt?: AuditEvent[];
  /** Display names of the actors (GET /api/v1/people/actors). */
  actors?: ActorNames;
}) {
  const query = (before?: number) => {
    const q = new URLSearchParams(
      Object.entries({ ...filters, voor: before })
        .filter(([, v]) => v !== undefined && v !== '')
        .map(([k, v]) => [k, String(v)]),
    );
    return `/audit?${q.toString()}`;
  };
  return (
    <Layout title="Audit" section="audit" me={p.me} werkagendas={p.werkagendas} flash={p.flash}>
      <H1>Audit</H1>
      <P lead>
        De volledige geschiedenis: elke wijziging is een gebeurtenis met tijdstip, wie het deed en de gegevens, de nieuwste eerst. Kies een
        actie, toezegging of overleg om alleen de geschiedenis daarvan te zien.
      </P>

      <section aria-labelledby="controle">
        <H2 id="controle">Controle van de keten</H2>
        {verification.ok ? (
          <Alert kind="ok" title={`De keten is intact: ${verification.events} gebeurtenissen gecontroleerd.`}>
            <P>
              Gecontroleerd op {formatDateTime(verification.checkedAt)}.
              {verification.head && (
                <>
                  {' '}
                  Laatste positie {verification.head.position}, hash <code class="regie-hash">{verification.head.hash}</code>.
                </>
              )}{' '}
              Bewaar deze hash buiten Regie om later te kunnen aantonen dat niets is herschreven.
            </P>
          </Alert>
        ) : (
          <ChainProblems verification={verification} events={brokenAt} />
        )}
      </section>

      <section aria-labelledby="tijdlijn">
        <H2 id="tijdlijn">Tijdlijn</H2>
        <form method="get" action="/audit" class="regie-inline-form" aria-label="Gebeurtenissen filteren">
          <SubjectSelect subjects={subjects} value={filters.onderwerp} />
          {filters.stroom && <input type="hidden" name="stroom" value={filters.stroom} />}
          <FilterField id="f-zoek" name="zoek" label="Zoeken in de inhoud" value={filters.zoek} type="search" />
          <div class="utrecht-form-field utrecht-form-field--select">
            <div class="utrecht-form-field__label">
              <label class="utrecht-form-label" for="f-type">
                Soort gebeurtenis
              </label>
            </div>
            <div class="utrecht-form-field__input">
              <select class="utrecht-select utrecht-select--html-select" id="f-type" name="type">
                <option value="">Alle soorten</option>
                {EVENT_TYPES.map((t) => (
                  <option key={t} value={t} selected={t === filters.type}>
                    {eventTypeLabel(t)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <FilterField id="f-door" name="door" label="Door (gebruiker)" value={filters.door} />
          <FilterField id="f-van" name="van" label="Vanaf" type="datetime-local" value={filters.van} />
          <FilterField id="f-tot" name="tot" label="Tot en met" type="datetime-local" value={filters.tot} />
          <div class="utrecht-form-field utrecht-form-field--checkbox regie-radio">
            <input
              class="utrecht-checkbox utrecht-checkbox--html-input"
              type="checkbox"
              id="f-namen"
              name="namen"
              value="open"
              checked={filters.namen === 'open'}
            />
            <label class="utrecht-form-label utrecht-form-label--checkbox" for="f-namen">
              Namen van personen tonen
            </label>
          </div>
          <button type="submit" class="utrecht-button utrecht-button--primary-action">
            Filteren
          </button>
          <A href="/audit">Filters wissen</A>
        </form>
        <EventsTable events={page.events} caption="Gebeurtenissen, de nieuwste eerst" names={namesOf(subjects.actions)} actors={actors} />
        <nav aria-label="Bladeren door de tijdlijn" class="regie-inline-form">
          {filters.voor !== undefined && <A href={query()}>Naar de nieuwste gebeurtenissen</A>}
          {page.next !== null && <A href={query(page.next)}>Oudere gebeurtenissen</A>}
        </nav>
      </section>

      <section aria-labelledby="peildatum">
        <H2 id="peildatum">Een scherm zoals het was</H2>
        <P>Kies een scherm en een moment: u ziet het zoals het toen was, opgebouwd uit de gebeurtenissen tot dat moment.</P>
        <form method="get" action="/audit/peildatum" class="regie-inline-form" aria-label="Scherm op peildatum">
          <div class="utrecht-form-field utrecht-form-field--select">
            <div class="utrecht-form-field__label">
              <label class="utrecht-form-label" for="f-scherm">
                Scherm
              </label>
            </div>
            <div class="utrecht-form-field__input">
              <select class="utrecht-select utrecht-select--html-select" id="f-scherm" name="scherm">
                {Object.entries(PAST_SCREENS).map(([key, [label]]) => (
                  <option key={key} value={key}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <FilterField id="f-peildatum" name="peildatum" label="Peildatum en tijd" type="datetime-local" required />
          <button type="submit" class="utrecht-button utrecht-button--secondary-action">
            Bekijken
          </button>
        </form>
      </section>
    </Layout>
  );
}

/** Choose what to trace by name: an action (with its milestones and knelpunten), a toezegging, a meeting. */
function SubjectSelect({ subjects, value }: { subjects: AuditSubjects; value?: string }) {
  const cut = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);
  const meetings = [...subjects.meetings].sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  return (
    <div class="utrecht-form-field utrecht-form-field--select">
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for="f-onderwerp">
          Onderwerp
        </label>
      </div>
      <div class="utrecht-form-field__input">
        <select class="utrecht-select utrecht-select--html-select" id="f-onderwerp" name="onderwerp">
          <option value="">Alle onderwerpen</option>
          <optgroup label="Acties, met hun mijlpalen en knelpunten">
            {subjects.actions.map((a) => (
              <option key={a.key} value={`actie:${a.key}`} selected={value === `actie:${a.key}`}>
                {cut(`Actie ${a.code}${a.key === a.code ? '' : ` (${a.werkagendaId})`}: ${a.title}`)}
              </option>
            ))}
          </optgroup>
          <optgroup label="Toezeggingen">
            {subjects.commitments.map((c) => (
              <option key={c.id} value={`toezegging:${c.id}`} selected={value === `toezegging:${c.id}`}>
                {cut(c.text)}
              </option>
            ))}
          </optgroup>
          <optgroup label="Overleggen">
            {meetings.map((m) => (
              <option key={m.id} value={`overleg:${m.id}`} selected={value === `overleg:${m.id}`}>
                {`${MEETING_KIND_LABEL[m.kind]} van ${formatDateTime(m.startsAt)}`}
              </option>
            ))}
          </optgroup>
        </select>
      </div>
    </div>
  );
}

function FilterField({
  id,
  name,
  label,
  value,
  type = 'text',
  hint,
  required,
}: {
  id: string;
  name: string;
  label: string;
  value?: string;
  type?: string;
  hint?: string;
  required?: boolean;
}) {
  return (
    <div class="utrecht-form-field utrecht-form-field--text">
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={id}>
          {label}
        </label>
      </div>
      <div class="utrecht-form-field__input">
        <input
          class="utrecht-textbox utrecht-textbox--html-input"
          id={id}
          name={name}
          type={type as 'text'}
          value={value ?? ''}
          placeholder={hint}
          required={required}
        />
      </div>
    </div>
  );
}

/** A failed chain check in words: what is wrong at which position, and which event that is. */
function ChainProblems({ verification, events }: { verification: Verification; events: AuditEvent[] }) {
  const n = verification.problems.length;
  return (
    <Alert kind="error" title={`De keten is niet intact: ${n === 1 ? '1 probleem' : `${n} problemen`} gevonden.`}>
      <P>Wat is vastgelegd, is na het vastleggen veranderd of verdwenen. Meld dit aan de beheerder en bewaar deze pagina.</P>
      <ul class="utrecht-unordered-list">
        {verification.problems.map((problem) => {
          const event = events.find((e) => e.position === problem.position);
          return (
            <li key={`${problem.position}-${problem.kind}`} class="utrecht-unordered-list__item">
              <strong>Positie {problem.position}</strong>
              {event && (
                <>
                  {' '}
                  ({eventTypeLabel(event.type)}, {subjectLabel(event.streamId, event.data)}, {formatDateTime(event.occurredAt)})
                </>
              )}
              : {CHAIN_PROBLEM_LABEL[problem.kind]}
              <details class="regie-event regie-technical">
                <summary>Technische gegevens</summary>
                <p class="nl-paragraph regie-hash">{problem.detail}</p>
              </details>
            </li>
          );
        })}
      </ul>
    </Alert>
  );
}
