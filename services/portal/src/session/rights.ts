import { FIRST_WERKAGENDA_ID, splitActionKey } from '@regie/es-core';
import type { Me, Role } from '../api/regie-api.models';

/** A right in one werkagenda, or in all (`*`), as /auth/me tells it. */
export type Grant = NonNullable<Me['grants']>[number];

export const ALL_WERKAGENDAS = '*';

/**
 * The caller's grants. An answer without grants (an older API, a test) means its roles count in
 * every werkagenda, as the API itself treats roles given without a werkagenda.
 */
export const grantsOf = (me: Me): Grant[] =>
  me.grants ?? me.roles.map((role) => ({ role, werkagendaId: ALL_WERKAGENDAS, actionCodes: role === 'actiehouder' ? me.actionCodes : [] }));

const inWerkagenda = (grant: Grant, werkagendaId: string) => grant.werkagendaId === ALL_WERKAGENDAS || grant.werkagendaId === werkagendaId;

/** Whether the user holds `role` in this werkagenda (or in all). */
export const hasIn = (me: Me, role: Role, werkagendaId: string): boolean =>
  grantsOf(me).some((grant) => grant.role === role && inWerkagenda(grant, werkagendaId));

/** Whether the user holds `role` anywhere: for what belongs to no one werkagenda (the audit trail). */
export const has = (me: Me, role: Role): boolean => grantsOf(me).some((grant) => grant.role === role);

/** Whether the user may see this werkagenda at all: any grant in it, or in all. */
export const mayRead = (me: Me, werkagendaId: string): boolean => grantsOf(me).some((grant) => inWerkagenda(grant, werkagendaId));

/**
 * The keys of the actions this user is actiehouder of ("2.1", "actieplan-dakloos-wlz-2025:1.1"),
 * as the API compares them: a grant in one werkagenda holds codes within it, a `*` grant keys.
 */
export function isActiehouderOf(me: Me, key: string): boolean {
  const action = splitActionKey(key);
  return grantsOf(me).some(
    (grant) =>
      grant.role === 'actiehouder' &&
      (grant.werkagendaId === ALL_WERKAGENDAS
        ? grant.actionCodes.includes(key)
        : grant.werkagendaId === action.werkagendaId && grant.actionCodes.includes(action.code)),
  );
}

/**
 * What the screens offer to whom, in the current werkagenda: a grant counts there only when it
 * is for that werkagenda or for all. This only decides which buttons and forms to show: the
 * services enforce the same rules on every request (a refused write shows their 403 as a message).
 *
 * - auditor: reads everything, and the audit trail; no writes
 * - coordinator: every write except strategic decisions and publishing projections; no audit
 * - director: decisions (both kinds) and publishing projections; reads
 * - actiehouder: writes only on their own actions
 */
export const rights = (me: Me, werkagendaId: string = FIRST_WERKAGENDA_ID) => {
  const here = (role: Role) => hasIn(me, role, werkagendaId);
  return {
    /** Report progress, raise and escalate knelpunten, plan and update mijlpalen of this action (by key: its own werkagenda counts). */
    writeAction: (key: string) => hasIn(me, 'coordinator', splitActionKey(key).werkagendaId) || isActiehouderOf(me, key),
    /** Overleggen (agenda, holding, action points, minutes), toezeggingen, measurements. */
    coordinate: here('coordinator'),
    /** Record a meeting held: the coordinator any; a director the regiegroep (its chair is a director). */
    recordHeld: (kind: string) => here('coordinator') || (kind === 'regiegroep' && here('director')),
    decide: (kind: 'operationeel' | 'strategisch') => here('director') || (kind === 'operationeel' && here('coordinator')),
    publishProjection: here('director'),
    audit: has(me, 'auditor'),
    /**
     * The beheer section: a beheerder sets up werkagenda's and accounts; a coordinator defines the
     * actions and action lines of their werkagenda, keeps the people directory and defines indicators.
     */
    beheer: {
      section: has(me, 'beheerder') || here('coordinator'),
      werkagendas: has(me, 'beheerder'),
      actions: has(me, 'beheerder') || here('coordinator'),
      people: has(me, 'beheerder') || here('coordinator'),
      accounts: has(me, 'beheerder'),
      indicators: here('coordinator'),
      meetings: here('coordinator'),
    },
  };
};

export type Rights = ReturnType<typeof rights>;
