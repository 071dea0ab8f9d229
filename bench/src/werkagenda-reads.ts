import type autocannon from 'autocannon';
import { quarterOf } from '@regie/calendar';

/**
 * Part 2's reads of one werkagenda among many: the mijlpalenbord, the quarterly projection and an
 * agenda draft, for the tenant and for one synthetic werkagenda. The history is a prefix at every
 * size, so `wa3` (the first cohort, complete from 8,000 events on) is the same werkagenda with
 * the same rows at 10k and at 1M: only the number of other werkagenda's grows.
 */
export const WERKAGENDA_READS = ['board', 'projection', 'otherBoard', 'otherProjection', 'otherDraft'] as const;
export type WerkagendaRead = (typeof WERKAGENDA_READS)[number];

/** A typical synthetic werkagenda (2018–2022: its quarter in the middle of its period). */
const OTHER = { id: 'wa3', quarter: '2020-Q2' };

export const WERKAGENDA_READ_NAMES: Record<WerkagendaRead, string> = {
  board: 'read GET /api/v1/monitoring/milestones (board, tenant)',
  projection: 'read GET /api/v1/monitoring/projections/{this quarter} (projection, tenant)',
  otherBoard: `read GET /api/v1/monitoring/milestones?werkagendaId=${OTHER.id} (board, a synthetic werkagenda)`,
  otherProjection: `read GET /api/v1/monitoring/projections/${OTHER.quarter}?werkagendaId=${OTHER.id} (projection, a synthetic werkagenda)`,
  otherDraft: `read GET /api/v1/meetings/{id} (agenda draft, last unpublished kerngroep of ${OTHER.id})`,
};

/** The requests, with the coordinator's authorization; the synthetic werkagenda's draft is of its last kerngroep not published. */
export async function werkagendaReads(
  url: string,
  tenant: string,
  auth: Record<string, string>,
): Promise<Record<WerkagendaRead, autocannon.Request>> {
  const meetings = (await (await fetch(`${url}/api/v1/meetings?kind=kerngroep&werkagendaId=${OTHER.id}`, { headers: auth })).json()) as {
    id: string;
    status: string;
  }[];
  const last = meetings.filter((m) => m.status === 'scheduled').pop();
  if (!last) throw new Error(`no unpublished kerngroep meeting of ${OTHER.id} to read the agenda draft of`);
  const get = (path: string): autocannon.Request => ({ method: 'GET', path, headers: auth });
  const quarter = quarterOf(new Date().toISOString().slice(0, 10));
  return {
    board: get(`/api/v1/monitoring/milestones?werkagendaId=${tenant}`),
    projection: get(`/api/v1/monitoring/projections/${quarter}?werkagendaId=${tenant}`),
    otherBoard: get(`/api/v1/monitoring/milestones?werkagendaId=${OTHER.id}`),
    otherProjection: get(`/api/v1/monitoring/projections/${OTHER.quarter}?werkagendaId=${OTHER.id}`),
    otherDraft: get(`/api/v1/meetings/${last.id}`),
  };
}
