/** The roles of the governance cycle (DESIGN.md "Users"). */
export const ROLES = ['coordinator', 'director', 'auditor', 'actiehouder'] as const;
export type Role = (typeof ROLES)[number];

/** Who calls: established from a verified JWT, never from a header the caller can choose. */
export interface Principal {
  /** Account name (JWT `preferred_username`, else `sub`): recorded as the actor of every write. */
  username: string;
  /** Display name, for screens only. */
  name: string;
  roles: Role[];
  /** For an actiehouder: the codes of the actions they hold (e.g. ["2.1"]). */
  actionCodes: string[];
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
}

export const DEFAULT_CLAIMS: ClaimNames = { roles: 'roles', actions: 'regie_actions' };

/**
 * A principal from verified JWT claims. Unknown roles are ignored (a provider may carry many);
 * a token without any known role is refused, so a valid login elsewhere grants nothing here.
 */
export function principalFromClaims(claims: Record<string, unknown>, names: ClaimNames = DEFAULT_CLAIMS): Principal {
  const username = stringClaim(claims.preferred_username) ?? stringClaim(claims.sub);
  if (!username) throw new InvalidToken('het token noemt geen gebruiker (sub)');
  const roles = listClaim(pathOf(claims, names.roles)).filter((r): r is Role => (ROLES as readonly string[]).includes(r));
  if (roles.length === 0) throw new InvalidToken(`het token geeft geen rol in Regie (claim ${names.roles})`);
  return {
    username,
    name: stringClaim(claims.name) ?? username,
    roles: [...new Set(roles)],
    actionCodes: listClaim(pathOf(claims, names.actions)),
  };
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
