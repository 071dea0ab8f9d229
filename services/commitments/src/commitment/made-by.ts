import type { PersonalDataVault, PersonalText } from '@regie/es-core';

/**
 * Who made a commitment: the bewindspersoon's function, readable, and the persons it names,
 * personal data (sealed under their own key, see README "Personal data and erasure"):
 * "Minister voor Langdurige Zorg en Sport ({0})" with persons ["C. Helder"]. In memory only;
 * events store it sealed (`PersonalText`).
 */
export interface MadeByInput {
  text: string;
  persons: string[];
}

const PARTICLES = "(?:van|de|der|den|het|ten|ter|te|in|op|la|le|du|da|'t)";
const NAME_PART = "\\p{Lu}[\\p{L}'’-]+";
/** "C. Helder", "M. van Ooijen", "V.P.G. Karremans", "Nicki J.F. Pouw-Verweij", and the Kamer's "Voorbeeld, A.". */
const PERSON = new RegExp(
  `^(?:(?:${NAME_PART}\\s+)?(?:\\p{Lu}\\.\\s?)+(?:${PARTICLES}\\s+)*${NAME_PART}(?:\\s+${NAME_PART})*|(?:${PARTICLES}\\s+)*${NAME_PART}(?:\\s+${NAME_PART})*,\\s*(?:\\p{Lu}\\.\\s?)+)$`,
  'u',
);
const LEAD = /^((?:ondertekend|namens|door):\s*)/i;

export const looksLikePerson = (text: string): boolean => PERSON.test(text.trim());

/**
 * The API's `madeBy` string as function and persons. With `persons` given, each is taken out of the
 * text where it occurs (or added in brackets where it does not). Without, names in brackets are
 * recognised — "(C. Helder)", "(ondertekend: V. Maeijer en V.P.G. Karremans)" — and an
 * abbreviation such as "(LJS)" is left as text.
 */
export function parseMadeBy(madeBy: string, persons?: string[]): MadeByInput {
  const text = madeBy.replace(/\{(\d+)\}/g, '($1)'); // placeholders are ours
  if (persons && persons.length > 0) {
    let result = text;
    persons.forEach((name, i) => {
      result = result.includes(name) ? result.split(name).join(`{${i}}`) : `${result} ({${i}})`;
    });
    return { text: result, persons: [...persons] };
  }
  const found: string[] = [];
  const result = text.replace(/\(([^()]*)\)/g, (group, content: string) => {
    const lead = LEAD.exec(content)?.[1] ?? '';
    const parts = content.slice(lead.length).split(/(\s+en\s+|;\s*)/);
    const names = parts.filter((_, i) => i % 2 === 0);
    if (names.length === 0 || !names.every(looksLikePerson)) return group;
    const replaced = parts.map((part, i) => (i % 2 === 1 ? part : `{${found.push(part.trim()) - 1}}`)).join('');
    return `(${lead}${replaced})`;
  });
  return { text: result, persons: found };
}

export const sealMadeBy = (vault: PersonalDataVault, madeBy: MadeByInput): Promise<PersonalText> => vault.sealText(madeBy);
