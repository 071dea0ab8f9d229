import type { Account, Grant, Party, PartyRole, Person, WerkagendaEntry } from '../../../api/beheer-api';
import type { Role } from '../../../api/regie-api.models';
import { formatDate } from '../../format';

/** The words of the beheer screens: roles, grants, periods and parties as a person reads them. */

export const GRANT_ROLE_LABEL: Record<Role, string> = {
  coordinator: 'coördinator',
  director: 'directeur',
  actiehouder: 'actiehouder',
  auditor: 'auditor',
  beheerder: 'beheerder',
};

export const PARTY_ROLE_LABEL: Record<PartyRole, string> = { penvoerder: 'penvoerder', partner: 'partner', deelnemer: 'deelnemer' };

/** The value of "alle werkagenda's" in a grant. */
export const ALL_WERKAGENDAS = '*';

/** "30 april 2025 tot en met 31 december 2028". */
export const periodText = (period: { from: string; to: string }): string =>
  `${formatDate(period.from)} tot en met ${formatDate(period.to)}`;

/** A werkagenda's title by id; an unknown one is named as such, never by its id. */
export function werkagendaTitle(werkagendas: Pick<WerkagendaEntry, 'id' | 'title'>[], id: string): string {
  if (id === ALL_WERKAGENDAS) return 'alle werkagenda’s';
  return werkagendas.find((w) => w.id === id)?.title ?? 'een werkagenda die niet meer bestaat';
}

/** "coördinator in Passende zorg voor dakloze mensen", "actiehouder van actie 1.1 en 1.2 in …", "auditor in alle werkagenda’s". */
export function grantText(grant: Grant, werkagendas: Pick<WerkagendaEntry, 'id' | 'title'>[]): string {
  const where = werkagendaTitle(werkagendas, grant.werkagendaId);
  const role =
    grant.role === 'actiehouder' && grant.actionCodes.length > 0
      ? `actiehouder van ${grant.actionCodes.length === 1 ? 'actie' : 'acties'} ${listText(grant.actionCodes)}`
      : GRANT_ROLE_LABEL[grant.role];
  return `${role} in ${where}`;
}

export const grantsText = (account: Pick<Account, 'grants'>, werkagendas: Pick<WerkagendaEntry, 'id' | 'title'>[]): string =>
  account.grants.length === 0 ? 'geen rechten' : account.grants.map((g) => grantText(g, werkagendas)).join('; ');

/** "1.1", "1.1 en 1.2", "1.1, 1.2 en 2.3". */
export function listText(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;
}

/** A person's name, or a neutral phrase for one forgotten or unknown (never an id). */
export function personName(people: Person[], id: string | null | undefined): string {
  if (!id) return 'geen persoon gekoppeld';
  const person = people.find((p) => p.id === id);
  if (!person) return 'onbekende persoon';
  return person.forgotten ? 'vergeten persoon' : person.name;
}

/** "partner, lid vanaf 1 januari 2025; neemt niet meer deel aan de bestuurlijke afspraken (sinds september 2024)". */
export function partyText(party: Party): string {
  const parts: string[] = [party.role ? PARTY_ROLE_LABEL[party.role] : 'rol niet vastgelegd'];
  if (party.memberFrom && party.memberTo) parts.push(`lid van ${formatDate(party.memberFrom)} tot en met ${formatDate(party.memberTo)}`);
  else if (party.memberFrom) parts.push(`lid vanaf ${formatDate(party.memberFrom)}`);
  else if (party.memberTo) parts.push(`lid tot en met ${formatDate(party.memberTo)}`);
  const ba = party.bestuurlijkeAfspraken;
  if (ba) {
    const since = ba.sinceText ?? (ba.since ? formatDate(ba.since) : undefined);
    const what = ba.participates ? 'neemt deel aan de bestuurlijke afspraken' : 'neemt niet deel aan de bestuurlijke afspraken';
    parts.push(since ? `${what} (sinds ${since})` : what);
    if (ba.note) parts.push(ba.note);
  }
  return parts.join('; ');
}

/** A person's function: the API answers a text (its schema says a list); either reads as one line. */
export const personFunction = (person: Pick<Person, 'function'>): string => textOf(person.function);

/**
 * A text the API answers as a text where its schema says a list (a werkagenda's archive reason, a
 * person's function): either reads as one line; anything else as nothing.
 */
export function textOf(value: unknown, separator = ', '): string {
  if (Array.isArray(value)) return value.filter((v) => typeof v === 'string').join(separator);
  return typeof value === 'string' ? value : '';
}
