import { z } from 'zod';
import { isCalendarDate } from '@regie/calendar';
import { amsterdamDate, stableId } from '@regie/es-core';
import type { FulfilmentDocument, RegisteredData } from '../commitment/commitment';
import type { MadeByInput } from '../commitment/made-by';
import { type Due, UNKNOWN_DUE } from '../due/resolve-due';

/*
 * Tweede Kamer open data, entity Toezegging (OData v4 JSON, `{"value": [Toezegging, …]}`),
 * mapped to the commitment lifecycle. The mapping, also in services/commitments/README.md:
 *
 *   Id             -> the commitment's identity: stream commitment-<stableId('tk:' + Id)>
 *   Tekst          -> text
 *   Functie, Naam  -> madeBy "<Functie> (<Naam>)", Naam (as the Kamer publishes it) a person: personal data,
 *                     sealed when the plan is carried out; Ministerie if both are empty
 *   Aanmaakdatum   -> madeAt.date (Amsterdam date); madeAt.source "Tweede Kamer, toezegging <Nummer> (activiteit <ActiviteitNummer>)"
 *   DatumNakoming  -> due {text: the date, date}; the sentinel 0001-01-01 (or empty) = no date:
 *                     due {text: 'onbekend', date: null}, never overdue, never "due soon"
 *   GewijzigdOp    -> version: a record is applied only when it is newer than the last one applied
 *   Verwijderd     -> true: withdrawn (reason "verwijderd uit de registratie van de Tweede Kamer");
 *                     a deleted record never imported before is skipped, a fulfilled one stays fulfilled
 *   Status         -> 'Openstaand', 'Deels voldaan': open (postponed/overdue follow from the dates)
 *                     'Voldaan', 'Afgedaan': fulfilled by document {kenmerk 'TK <Nummer>',
 *                       title '<Status> volgens Tweede Kamer', date: the date of GewijzigdOp}
 *                     'Niet nagekomen', 'Vervallen', 'Ingetrokken': withdrawn, reason naming the status
 *                     anything else: the record is rejected (field Status), the rest still imports
 */

export type TkTarget = 'open' | 'fulfilled' | 'withdrawn';

export const TK_STATUSES: Record<string, TkTarget> = {
  openstaand: 'open',
  'deels voldaan': 'open',
  voldaan: 'fulfilled',
  afgedaan: 'fulfilled',
  'niet nagekomen': 'withdrawn',
  vervallen: 'withdrawn',
  ingetrokken: 'withdrawn',
};
const KNOWN_STATUSES = 'Openstaand, Deels voldaan, Voldaan, Afgedaan, Niet nagekomen, Vervallen, Ingetrokken';

export interface FieldError {
  field: string;
  message: string;
}

/** What one Toezegging record asks of the commitment it maps to. */
export interface TkPlan {
  commitmentId: string;
  /** GewijzigdOp: the version of the record. */
  changedAt: string;
  deleted: boolean;
  /** Absent for a deleted record, which may carry nothing but its Id. The person in madeBy is sealed when it is registered. */
  registration?: Omit<RegisteredData, 'madeBy'> & { madeBy: MadeByInput };
  target: TkTarget;
  fulfilment?: FulfilmentDocument;
  withdrawalReason?: string;
}

export type Planned = { ok: true; plan: TkPlan } | { ok: false; id: string | null; errors: FieldError[] };

const timestamp = z.iso.datetime({ offset: true, local: true, error: 'verwacht een tijdstip als 2026-03-19T17:42:13+01:00' });
const optionalText = z.string().trim().nullish();
const versioned = z.looseObject({
  Id: z.guid({ error: 'verwacht het Id (guid) van de toezegging' }),
  GewijzigdOp: timestamp,
  Verwijderd: z.boolean({ error: 'verwacht true of false' }).nullish(),
});
const live = versioned.extend({
  Nummer: optionalText,
  Tekst: z.string({ error: 'verplicht tekstveld' }).trim().min(1, 'mag niet leeg zijn'),
  Naam: optionalText,
  Functie: optionalText,
  Ministerie: optionalText,
  Status: z.string({ error: `verplicht: ${KNOWN_STATUSES}` }),
  DatumNakoming: z.string({ error: 'verwacht een datum' }).nullish(),
  ActiviteitNummer: optionalText,
  Aanmaakdatum: z.union([z.iso.date(), timestamp], { error: 'verwacht een datum of tijdstip' }),
});
type LiveRecord = z.infer<typeof live>;

/** The calendar date of a TK date or timestamp, in Amsterdam. */
const dateOf = (value: string): string =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) || !/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value.slice(0, 10) : amsterdamDate(new Date(value));

const issues = (error: z.ZodError): FieldError[] =>
  error.issues.map((issue) => ({ field: issue.path.length ? issue.path.join('.') : '(record)', message: issue.message }));

/** Validates one record and works out what it asks; `today` guards against a fulfilment dated in the future. */
export function planRecord(raw: unknown, today: string): Planned {
  const id =
    typeof raw === 'object' && raw !== null && typeof (raw as { Id?: unknown }).Id === 'string' ? (raw as { Id: string }).Id : null;
  const head = versioned.safeParse(raw);
  if (!head.success) return { ok: false, id, errors: issues(head.error) };
  const commitmentId = stableId(`tk:${head.data.Id}`);
  if (head.data.Verwijderd === true) {
    const withdrawalReason = 'Verwijderd uit de registratie van de Tweede Kamer (Verwijderd: true)';
    return { ok: true, plan: { commitmentId, changedAt: head.data.GewijzigdOp, deleted: true, target: 'withdrawn', withdrawalReason } };
  }
  const record = live.safeParse(raw);
  if (!record.success) return { ok: false, id, errors: issues(record.error) };
  const errors: FieldError[] = [];
  const r = record.data;
  const target = TK_STATUSES[r.Status.trim().toLowerCase()];
  if (!target) errors.push({ field: 'Status', message: `onbekende status "${r.Status}"; bekend zijn ${KNOWN_STATUSES}` });
  const due = dueOf(r.DatumNakoming, errors);
  const persons = r.Naam ? [r.Naam] : [];
  const role = r.Functie ?? (r.Naam ? '' : r.Ministerie ? `bewindspersoon, ${r.Ministerie}` : '');
  const madeBy: MadeByInput = { text: role && r.Naam ? `${role} ({0})` : r.Naam ? '{0}' : role, persons };
  if (!madeBy.text) errors.push({ field: 'Functie', message: 'Functie, Naam of Ministerie is nodig om de bewindspersoon te noemen' });
  const changedOn = dateOf(r.GewijzigdOp);
  if (target === 'fulfilled' && changedOn > today) errors.push({ field: 'GewijzigdOp', message: `ligt in de toekomst (${changedOn})` });
  if (errors.length > 0 || !due || !target) return { ok: false, id, errors };
  return {
    ok: true,
    plan: {
      commitmentId,
      changedAt: r.GewijzigdOp,
      deleted: false,
      registration: registrationOf(commitmentId, r, madeBy, due),
      target,
      ...closing(r, target, changedOn),
    },
  };
}

function dueOf(value: string | null | undefined, errors: FieldError[]): Due | undefined {
  if (!value || value.startsWith('0001-01-01')) return { text: UNKNOWN_DUE, date: null };
  const date = /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value)) ? dateOf(value) : '';
  if (isCalendarDate(date)) return { text: date, date };
  errors.push({ field: 'DatumNakoming', message: `verwacht een datum als 2026-05-31 (of 0001-01-01 voor "geen datum"), kreeg "${value}"` });
  return undefined;
}

function registrationOf(commitmentId: string, r: LiveRecord, madeBy: MadeByInput, due: Due): NonNullable<TkPlan['registration']> {
  const where = `Tweede Kamer, toezegging ${r.Nummer ?? r.Id}${r.ActiviteitNummer ? ` (activiteit ${r.ActiviteitNummer})` : ''}`;
  return {
    commitmentId,
    text: r.Tekst,
    madeBy,
    madeAt: { date: dateOf(r.Aanmaakdatum), source: where },
    due,
    actionCodes: [],
    externalRef: { system: 'tweede-kamer', id: r.Id, nummer: r.Nummer ?? null, changedAt: r.GewijzigdOp },
  };
}

function closing(r: LiveRecord, target: TkTarget, changedOn: string): Pick<TkPlan, 'fulfilment' | 'withdrawalReason'> {
  const status = r.Status.trim();
  if (target === 'fulfilled')
    return { fulfilment: { kenmerk: `TK ${r.Nummer ?? r.Id}`, title: `${status} volgens Tweede Kamer`, date: changedOn } };
  if (target === 'withdrawn') return { withdrawalReason: `Status "${status}" volgens de Tweede Kamer` };
  return {};
}
