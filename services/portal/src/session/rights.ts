import type { Me, Role } from '../api/regie-api.models';

/**
 * What the screens offer to whom. This only decides which buttons and forms to show: the services
 * enforce the same rules on every request (a refused write shows their 403 as a message).
 *
 * - auditor: reads everything, and the audit trail; no writes
 * - coordinator: every write except strategic decisions and publishing projections; no audit
 * - director: decisions (both kinds) and publishing projections; reads
 * - actiehouder: writes only on their own actions
 */
export const has = (me: Me, role: Role): boolean => me.roles.includes(role);

export const rights = (me: Me) => ({
  /** Report progress, raise and escalate knelpunten, plan and update mijlpalen of this action. */
  writeAction: (code: string) => has(me, 'coordinator') || (has(me, 'actiehouder') && me.actionCodes.includes(code)),
  /** Overleggen (agenda, holding, action points, minutes), toezeggingen, measurements. */
  coordinate: has(me, 'coordinator'),
  /** Record a meeting held: the coordinator any; a director the regiegroep (its chair is a director). */
  recordHeld: (kind: string) => has(me, 'coordinator') || (kind === 'regiegroep' && has(me, 'director')),
  decide: (kind: 'operationeel' | 'strategisch') => has(me, 'director') || (kind === 'operationeel' && has(me, 'coordinator')),
  publishProjection: has(me, 'director'),
  audit: has(me, 'auditor'),
  /**
   * The beheer section: a beheerder sets up werkagenda's and accounts; a coordinator defines the
   * actions and action lines of their werkagenda, keeps the people directory and defines indicators.
   */
  beheer: {
    section: has(me, 'beheerder') || has(me, 'coordinator'),
    werkagendas: has(me, 'beheerder'),
    actions: has(me, 'beheerder') || has(me, 'coordinator'),
    people: has(me, 'beheerder') || has(me, 'coordinator'),
    accounts: has(me, 'beheerder'),
    indicators: has(me, 'coordinator'),
    meetings: has(me, 'coordinator'),
  },
});

export type Rights = ReturnType<typeof rights>;
