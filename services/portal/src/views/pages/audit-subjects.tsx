import type { ActionSummary, CommitmentSummary, MeetingSummary, Person, WerkagendaEntry } from '../../api/regie-api.models';
import { formatDateTime } from '../format';
import { MEETING_KIND_LABEL } from '../labels';

/** What the auditor can trace by name, and the werkagenda's titles that tell two actions 1.1 apart. */
export interface AuditSubjects {
  /** The actions to choose from: the current werkagenda's. */
  actions: ActionSummary[];
  /** The actions the sentences name by title: of the werkagenda's the shown events name (else `actions`). */
  named?: ActionSummary[];
  commitments: CommitmentSummary[];
  meetings: MeetingSummary[];
  people: Person[];
  werkagendas: Pick<WerkagendaEntry, 'id' | 'title'>[];
  /** The names of the regions the shown events name: action key → region slug → name. */
  regions?: Map<string, Map<string, string>>;
}

export const NO_SUBJECTS: AuditSubjects = { actions: [], commitments: [], meetings: [], people: [], werkagendas: [] };

const cut = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);

/** "C. de Vries, coördinator werkagenda (VWS)": a person as the directory names them, never an account. */
export const personLabel = (person: Person): string =>
  `${person.name}${person.function ? `, ${person.function}` : ''} (${person.organisation})`;

/**
 * Choose what to trace by name: an action (with its milestones and knelpunten), a toezegging, a
 * meeting, or a person (what they did and what is recorded about them).
 */
export function SubjectSelect({ subjects, value }: { subjects: AuditSubjects; value?: string }) {
  const meetings = [...subjects.meetings].sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  const werkagenda = new Map(subjects.werkagendas.map((w) => [w.id, w.title]));
  const option = (key: string, label: string) => (
    <option key={key} value={key} selected={value === key}>
      {cut(label)}
    </option>
  );
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
            {subjects.actions.map((a) => {
              const of = a.key === a.code ? '' : ` (${werkagenda.get(a.werkagendaId) ?? 'andere werkagenda'})`;
              return option(`actie:${a.key}`, `Actie ${a.code}${of}: ${a.title}`);
            })}
          </optgroup>
          <optgroup label="Toezeggingen">{subjects.commitments.map((c) => option(`toezegging:${c.id}`, c.text))}</optgroup>
          <optgroup label="Overleggen">
            {meetings.map((m) => option(`overleg:${m.id}`, `${MEETING_KIND_LABEL[m.kind]} van ${formatDateTime(m.startsAt)}`))}
          </optgroup>
          <optgroup label="Personen: wat zij deden en wat over hen is vastgelegd">
            {subjects.people.map((person) => option(`persoon:${person.id}`, personLabel(person)))}
          </optgroup>
        </select>
      </div>
    </div>
  );
}
