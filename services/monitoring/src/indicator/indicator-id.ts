import { FIRST_WERKAGENDA_ID } from '@regie/es-core';

const MAX = 100;

/** "Nieuwe Wlz-indicaties ggz-wonen" → "nieuwe-wlz-indicaties-ggz-wonen". */
export const slugOf = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'indicator';

/**
 * The id of a new indicator: its name as a slug, prefixed with the werkagenda's id for every
 * werkagenda but the first (so two werkagenda's can each have "Instroom"); when taken (an indicator
 * renamed since), a number is added.
 */
export async function newIndicatorId(werkagendaId: string, name: string, exists: (id: string) => Promise<boolean>): Promise<string> {
  const base = (werkagendaId === FIRST_WERKAGENDA_ID ? slugOf(name) : `${werkagendaId}-${slugOf(name)}`)
    .slice(0, MAX - 4)
    .replace(/-+$/, '');
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    if (!(await exists(id))) return id;
  }
}

/** The last day of a month ("2026-02" → "2026-02-28"): a month's target is the one valid at its end. */
export const lastDayOf = (month: string): string => {
  const [y, m] = month.split('-').map(Number);
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};
