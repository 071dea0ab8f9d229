/**
 * Actions are identified across the platform by their key: the stream (`action-<key>`), every
 * integration message's `code` field, read-model rows and URLs. Codes are unique per werkagenda
 * (two werkagenda's may each have an action 1.1), so a key names the werkagenda too — except for
 * the first tenant, whose actions were keyed by their bare code before werkagenda's became tenants:
 * its history keeps those keys ("2.1"). Every later werkagenda's keys read `<werkagendaId>:<code>`.
 * Pure and deterministic, so every process derives the same key without a lookup.
 */
export const FIRST_WERKAGENDA_ID = 'betekenisvol-leven-2025-2028';

const SEPARATOR = ':';

/** What a werkagenda id looks like: lower-case letters, digits and hyphens, at most 80 characters. */
export const WERKAGENDA_ID_PATTERN = '[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?';
const WERKAGENDA_ID = new RegExp(`^${WERKAGENDA_ID_PATTERN}$`);
export const isWerkagendaId = (value: string): boolean => WERKAGENDA_ID.test(value);

/** The key of action `code` in werkagenda `werkagendaId`. */
export const actionKey = (werkagendaId: string, code: string): string =>
  werkagendaId === FIRST_WERKAGENDA_ID ? code : `${werkagendaId}${SEPARATOR}${code}`;

/** The werkagenda and the code within it that a key names ("2.1" is the first tenant's action 2.1). */
export function splitActionKey(key: string): { werkagendaId: string; code: string } {
  const at = key.lastIndexOf(SEPARATOR);
  return at < 0 ? { werkagendaId: FIRST_WERKAGENDA_ID, code: key } : { werkagendaId: key.slice(0, at), code: key.slice(at + 1) };
}

/** The code people read ("1.1"), without the werkagenda. */
export const actionCodeOf = (key: string): string => splitActionKey(key).code;
