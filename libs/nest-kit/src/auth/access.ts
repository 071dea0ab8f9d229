import { SetMetadata } from '@nestjs/common';
import { splitActionKey } from '@regie/es-core';
import { ALL_WERKAGENDAS, type Grant, type Principal, type Role } from './principal';

/** A role, or "the actiehouder of the action named by this route parameter". */
export type AccessRule = Role | { actiehouderOf: string };

export const ACCESS_METADATA = 'regie:access';
export const PUBLIC_ACCESS = 'public';

/** No token needed (health, login). */
export const Public = () => SetMetadata(ACCESS_METADATA, PUBLIC_ACCESS);

/**
 * Who may call this route (on a handler, or on a controller for all its handlers). Without it a
 * read (GET/HEAD) is open to every signed-in role and any other method is refused: forgetting
 * the rule on a new write fails closed.
 */
export const Allow = (...rules: AccessRule[]) => SetMetadata(ACCESS_METADATA, rules);

/** The actiehouder of the action whose code is in route parameter `param`. */
export const actiehouderOf = (param = 'code'): AccessRule => ({ actiehouderOf: param });

/**
 * Whether the caller's grants satisfy one of the rules. With `werkagendaId` (the route is scoped)
 * only grants in that werkagenda or in all count; without, a grant in any werkagenda does. The
 * actiehouder rule compares the action's key with the keys the caller's grants hold.
 */
export function permits(
  principal: Principal,
  rules: AccessRule[],
  params: Record<string, string | undefined>,
  werkagendaId?: string,
): boolean {
  const inScope = (grant: Grant) =>
    werkagendaId === undefined || grant.werkagendaId === ALL_WERKAGENDAS || grant.werkagendaId === werkagendaId;
  return rules.some((rule) => {
    if (typeof rule === 'string') return principal.grants.some((grant) => grant.role === rule && inScope(grant));
    const key = params[rule.actiehouderOf];
    if (key === undefined) return false;
    const action = splitActionKey(key);
    return principal.grants.some(
      (grant) =>
        grant.role === 'actiehouder' &&
        (grant.werkagendaId === ALL_WERKAGENDAS
          ? grant.actionCodes.includes(key)
          : grant.werkagendaId === action.werkagendaId && grant.actionCodes.includes(action.code)),
    );
  });
}

const ROLE_NAMES: Record<Role, string> = {
  coordinator: 'coördinator',
  director: 'directeur',
  auditor: 'auditor',
  actiehouder: 'actiehouder',
  beheerder: 'beheerder',
};

/** "Alleen coördinator of actiehouder van actie 2.1 mag dit." */
export function describeRules(rules: AccessRule[], params: Record<string, string | undefined>, werkagendaId?: string): string {
  const who = rules.map((rule) => {
    if (typeof rule !== 'string') {
      const key = params[rule.actiehouderOf];
      return `actiehouder van actie ${key === undefined ? '?' : splitActionKey(key).code}`;
    }
    return ROLE_NAMES[rule] + (werkagendaId === undefined || rule === 'auditor' ? '' : ' van deze werkagenda');
  });
  return `Alleen ${who.join(' of ')} mag dit.`;
}
