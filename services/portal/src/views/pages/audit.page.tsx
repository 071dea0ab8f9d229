import type { AuditEvent, AuditPage as Page, Verification } from '../../api/regie-api.models';
import type { PortalContext } from '../../session/session';
import { A, Alert, H1, H2, P } from '../components';
import { CHAIN_PROBLEM_LABEL, PAST_SCREENS, subjectLabel } from '../audit';
import { formatDateTime } from '../format';
import { EVENT_TYPES, eventTypeLabel } from '../event-labels';
import { Layout } from '../layout';
import { EventsTable } from './audit-events';

export interface AuditFilters {
  stroom?: string;
  type?: string;
  door?: string;
  van?: string;
  tot?: string;
  na?: number;
  aantal: number;
  /** `open`: names of persons opened for reading (sealed as stored otherwise; "[verwijderd]" once forgotten). */
  namen?: 'open';
}

/** The audit timeline with filters, the hash-chain verification, and screens as of a past date. */
export function AuditPage({
  p,
  page,
  filters,
  verification,
  previous,
  brokenAt = [],
}: {
  p: PortalContext;
  page: Page;
  filters: AuditFilters;
  verification: Verification;
  previous?: number;
  /** The events at the positions where the chain check failed, to name them in words. */
  brokenAt?: AuditEvent[];
}) {
  const query = (after: number) => {
    const q = new URLSearchParams(
      Object.entries({ ...filters, na: after })
        .filter(([, v]) => v !== undefined && v !== '')
        .map(([k, v]) => [k, String(v)]),
    );
    return `/audit?${q.toString()}`;
  };
  return (
    <Layout title="Audit" section="audit" me={p.me} flash={p.flash}>
      <H1>Audit</H1>
      <P lead>
        De volledige geschiedenis: elke wijziging is een gebeurtenis met tijdstip, wie het deed en de gegevens, in de volgorde waarin ze
        zijn vastgelegd.
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
          <FilterField id="f-stroom" name="stroom" label="Actie (nummer)" value={filters.stroom} hint="bijvoorbeeld 2.1" />
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
        <EventsTable
          events={page.events}
          caption={`Gebeurtenissen${page.events.length ? ` op positie ${page.events[0].position} tot en met ${page.events[page.events.length - 1].position}` : ''}, oudste eerst`}
        />
        <nav aria-label="Bladeren door de tijdlijn" class="regie-inline-form">
          {previous !== undefined && <A href={query(previous)}>Eerdere gebeurtenissen</A>}
          {page.next !== null && <A href={query(page.next)}>Latere gebeurtenissen</A>}
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
