import {
  CanActivate,
  createParamDecorator,
  ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  Optional,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { CommandContext } from '@regie/es-core';
import { ACCESS_METADATA, type AccessRule, describeRules, permits, PUBLIC_ACCESS } from './access';
import { SCOPE_METADATA, type ScopeSource, UNSCOPED, WerkagendaLookups } from './werkagenda-scope';
import { ADMISSION } from '../tokens';
import { InvalidToken, type Principal, type Role, TokenVerifier } from './principal';

type AuthenticatedRequest = Request & { principal?: Principal; commandContext?: CommandContext };

const READS = new Set(['GET', 'HEAD']);

/**
 * Every route needs a valid bearer token unless it is `@Public()`; its `@Allow(...)` rules (or,
 * without rules, "reads only") decide the rest. The verified principal becomes the actor of the
 * request's command context, so every event records who did it. A request it lets through then
 * passes the process's admission check, when it has one (CoreAdapters.admission).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    private readonly lookups: WerkagendaLookups,
    @Optional() @Inject(ADMISSION) private readonly admission?: CanActivate,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    return (await this.allows(context)) && (this.admission ? (this.admission.canActivate(context) as boolean | Promise<boolean>) : true);
  }

  private async allows(context: ExecutionContext): Promise<boolean> {
    const access = this.reflector.getAllAndOverride<AccessRule[] | typeof PUBLIC_ACCESS | undefined>(ACCESS_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (access === PUBLIC_ACCESS) return true;
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = await this.authenticate(req);
    req.principal = principal;
    if (req.commandContext) req.commandContext.actor = { userId: principal.username, role: principal.roles.join(',') };
    const params = req.params as Record<string, string | undefined>;
    if (access === undefined) {
      if (READS.has(req.method)) return true;
      throw new ForbiddenException('Voor deze handeling is geen recht vastgelegd.');
    }
    const scope = this.reflector.getAllAndOverride<ScopeSource[] | typeof UNSCOPED | undefined>(SCOPE_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    const werkagendaId = Array.isArray(scope) ? await this.lookups.ofRequest(scope, req) : undefined;
    if (!permits(principal, access, params, werkagendaId)) throw new ForbiddenException(describeRules(access, params, werkagendaId));
    return true;
  }

  private async authenticate(req: Request): Promise<Principal> {
    const header = req.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw new UnauthorizedException('Log in: stuur een token mee als "Authorization: Bearer <token>".');
    try {
      return await this.verifier.verify(match[1]);
    } catch (error) {
      if (error instanceof InvalidToken) throw new UnauthorizedException(`Het token is niet geldig: ${error.message}.`);
      throw error;
    }
  }
}

/** `@Caller() caller: Principal` in a controller method behind the guard. */
export const Caller = createParamDecorator((_: unknown, host: ExecutionContext): Principal => {
  const principal = host.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new UnauthorizedException('Niet ingelogd.');
  return principal;
});

/** For rules that depend on the request body (e.g. only a director records a strategic decision). */
export function requireRole(caller: Principal, role: Role, detail: string): void {
  if (!caller.roles.includes(role)) throw new ForbiddenException(detail);
}
