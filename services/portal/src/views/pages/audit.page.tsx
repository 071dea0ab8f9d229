import type { AuditEvent, AuditPage as Page, ChainCheckpoint, Verification } from '../../api/regie-api.models';
import type { PortalContext } from '../../session/session';
import { A, H1, H2, P } from '../components';
import { PAST_SCREENS } from '../audit';
import { EVENT_TYPES, eventTypeLabel } from '../event-labels';
import { Layout } from '../layout';
import type { ActorNames } from '../actors';
import { EventsTable, namesOf } from './audit-events';
import { ChainCheck } from './audit-chain';
import { type AuditSubjects, NO_SUBJECTS, SubjectSelect } from './audit-subjects';

export interface AuditFilters {
  /** What to trace, chosen by name: `actie:2.1`, `toezegging:<id>`, `overleg:<id>`, `persoon:<id>`. */
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

/** The audit timeline with filters, the hash chain's state, and screens as of a past date. */
export function AuditPage({
  p,
  page,
  filters,
  checkpoint,
  verification,
  brokenAt = [],
  subjects = NO_SUBJECTS,
  actors = {},
}: {
  p: PortalContext;
  page: Page;
  filters: AuditFilters;
  /** The last signed checkpoint: shown on every view instead of recomputing the chain. */
  checkpoint: ChainCheckpoint;
  /** The full verification, when the auditor asked for it ("Nu controleren"). */
  verification?: Verification;
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
        actie, toezegging, overleg of persoon om alleen de geschiedenis daarvan te zien.
      </P>

      <section aria-labelledby="controle">
        <H2 id="controle">Controle van de keten</H2>
        <ChainCheck
          checkpoint={checkpoint}
          verification={verification}
          brokenAt={brokenAt}
          verifyAction={`/audit/controle${query().slice('/audit'.length)}`}
        />
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
        <EventsTable
          events={page.events}
          caption="Gebeurtenissen, de nieuwste eerst"
          names={namesOf(subjects.named ?? subjects.actions, subjects.werkagendas, subjects.regions)}
          actors={actors}
          namesOpen={filters.namen === 'open'}
        />
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
