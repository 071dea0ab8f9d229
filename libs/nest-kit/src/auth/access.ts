import { SetMetadata } from '@nestjs/common';
import type { Principal, Role } from './principal';

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

export function permits(principal: Principal, rules: AccessRule[], params: Record<string, string | undefined>): boolean {
  return rules.some((rule) =>
    typeof rule === 'string'
      ? principal.roles.includes(rule)
      : principal.roles.includes('actiehouder') &&
        params[rule.actiehouderOf] !== undefined &&
        principal.actionCodes.includes(params[rule.actiehouderOf] as string),
  );
}

const ROLE_NAMES: Record<Role, string> = {
  coordinator: 'coördinator',
  director: 'directeur',
  auditor: 'auditor',
  actiehouder: 'actiehouder',
};

/** "Alleen coördinator of actiehouder van actie 2.1 mag dit." */
export function describeRules(rules: AccessRule[], params: Record<string, string | undefined>): string {
  const who = rules.map((rule) =>
    typeof rule === 'string' ? ROLE_NAMES[rule] : `actiehouder van actie ${params[rule.actiehouderOf] ?? '?'}`,
  );
  return `Alleen ${who.join(' of ')} mag dit.`;
}
