import { actionKey } from '@regie/es-core';

/** The roles of the governance cycle (DESIGN.md "Users"). */
export const ROLES = ['coordinator', 'director', 'auditor', 'actiehouder', 'beheerder'] as const;
export type Role = (typeof ROLES)[number];

/** Every werkagenda: auditors read all, a beheerder manages all. */
export const ALL_WERKAGENDAS = '*';

/**
 * A right in one werkagenda (or in all, `*`). For an actiehouder, `actionCodes` are the codes of
 * their actions within that werkagenda ("2.1"); for other roles it is empty.
 */
export interface Grant {
  role: Role;
  werkagendaId: string;
  actionCodes: string[];
}

/** Who calls: established from a verified JWT, never from a header the caller can choose. */
export interface Principal {
  /** Account name (JWT `preferred_username`, else `sub`): recorded as the actor of every write. */
  username: string;
  /** Display name, for screens only. */
  name: string;
  /** Every role of any grant: for screens and for rules that do not depend on a werkagenda. */
  roles: Role[];
  /** For an actiehouder: the keys of the actions they hold, over all grants (e.g. ["2.1"]). */
  actionCodes: string[];
  /** What the caller may do where. Rules on a route scoped to a werkagenda look only at these. */
  grants: Grant[];
  /** The person in the directory this account belongs to, when linked. */
  personId?: string;
}

/** Verifies a bearer token and says who it belongs to; throws InvalidToken otherwise. */
export abstract class TokenVerifier {
  abstract verify(token: string): Promise<Principal>;
}

export class InvalidToken extends Error {}

export interface ClaimNames {
  /** Where the roles are, as a dotted path (e.g. `roles`, or Keycloak's `realm_access.roles`). */
  roles: string;
  /** Where an actiehouder's action codes are (e.g. `regie_actions`). */
  actions: string;
  /**
   * Where the grants per werkagenda are (e.g. `regie_grants`): a list of `{role, werkagendaId,
   * actionCodes}` objects, or of strings `role@werkagendaId[:code,code]` (a Keycloak group or role
   * mapper yields strings). Roles from the roles claim without grants count in every werkagenda.
   */
  grants: string;
}

export const DEFAULT_CLAIMS: ClaimNames = { roles: 'roles', actions: 'regie_actions', grants: 'regie_grants' };

/**
 * A principal from verified JWT claims. Unknown roles are ignored (a provider may carry many);
 * a token without any known role is refused, so a valid login elsewhere grants nothing here.
 */
export function principalFromClaims(claims: Record<string, unknown>, names: ClaimNames = DEFAULT_CLAIMS): Principal {
  const username = stringClaim(claims.preferred_username) ?? stringClaim(claims.sub);
  if (!username) throw new InvalidToken('het token noemt geen gebruiker (sub)');
  const grants = grantsClaim(pathOf(claims, names.grants));
  const plainRoles = listClaim(pathOf(claims, names.roles)).filter(isRole);
  const plainCodes = listClaim(pathOf(claims, names.actions));
  for (const role of new Set(plainRoles)) {
    grants.push({ role, werkagendaId: ALL_WERKAGENDAS, actionCodes: role === 'actiehouder' ? plainCodes : [] });
  }
  if (grants.length === 0) throw new InvalidToken(`het token geeft geen rol in Regie (claim ${names.roles} of ${names.grants})`);
  return principalOf(username, stringClaim(claims.name) ?? username, grants);
}

/** A principal from its grants: roles and action keys are derived, so they cannot disagree. */
export function principalOf(username: string, name: string, grants: Grant[], personId?: string): Principal {
  return {
    username,
    name,
    roles: [...new Set(grants.map((g) => g.role))],
    actionCodes: [
      ...new Set(
        grants.flatMap((g) =>
          g.role !== 'actiehouder'
            ? []
            : g.werkagendaId === ALL_WERKAGENDAS
              ? g.actionCodes
              : g.actionCodes.map((code) => actionKey(g.werkagendaId, code)),
        ),
      ),
    ],
    grants,
    ...(personId ? { personId } : {}),
  };
}

const isRole = (r: unknown): r is Role => typeof r === 'string' && (ROLES as readonly string[]).includes(r);

/** `role@werkagendaId` or `actiehouder@werkagendaId:2.1,2.2`, or the object form. Unknown roles are ignored. */
function grantsClaim(value: unknown): Grant[] {
  const items = typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : Array.isArray(value) ? value : [];
  const grants: Grant[] = [];
  for (const item of items) {
    if (typeof item === 'string') {
      const match = /^([a-z]+)@([^:\s]+)(?::(.+))?$/.exec(item);
      if (match && isRole(match[1]))
        grants.push({ role: match[1], werkagendaId: match[2], actionCodes: match[3]?.split(',').filter(Boolean) ?? [] });
    } else if (item && typeof item === 'object') {
      const g = item as Record<string, unknown>;
      if (isRole(g.role) && typeof g.werkagendaId === 'string' && g.werkagendaId.length > 0) {
        grants.push({ role: g.role, werkagendaId: g.werkagendaId, actionCodes: listClaim(g.actionCodes) });
      }
    }
  }
  return grants;
}

const stringClaim = (value: unknown): string | undefined => (typeof value === 'string' && value.length > 0 ? value : undefined);

const listClaim = (value: unknown): string[] => {
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
};

const pathOf = (claims: Record<string, unknown>, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), claims);
