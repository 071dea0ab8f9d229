import {
  applyDecorators,
  CallHandler,
  CanActivate,
  createParamDecorator,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  NestInterceptor,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import type { Response } from 'express';
import { finalize, type Observable, of } from 'rxjs';
import { Clock } from '@regie/es-core';
import { ApiError } from '../api/regie-api';
import { PortalApiFactory } from '../api/portal-api.factory';
import { KeptPages } from '../http/kept-pages';
import { parsePeildatum } from '../views/format';
import { mayRead, rights } from './rights';
import { isSameOrigin } from './same-origin';
import { type PortalContext, type PortalRequest, SESSION_COOKIE, takeFlash, WERKAGENDA_COOKIE, werkagendaChoice } from './session';

/** Thrown when a page needs a signed-in user; the portal's filter sends them to /inloggen. */
export class LoginRequired extends Error {
  constructor(
    readonly returnTo: string,
    readonly expired: boolean,
  ) {
    super('login required');
  }
}

export const NO_WERKAGENDA = 'U heeft in geen enkele werkagenda rechten. Vraag de beheerder van Regie om toegang.';

export const WRONG_ORIGIN =
  'Dit formulier kwam niet van deze website en is daarom geweigerd. Open de pagina opnieuw en probeer het nog eens.';

/**
 * Every portal page and form: a session cookie whose token the API accepts (`/auth/me`), else to
 * the login page; form posts must come from this site. Puts the PortalContext on the request, with
 * the current werkagenda: every read of the API it makes is of that werkagenda.
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly apis: PortalApiFactory,
    private readonly clock: Clock,
    private readonly kept: KeptPages,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<PortalRequest>();
    const res = context.switchToHttp().getResponse<Response>();
    const reading = req.method === 'GET' || req.method === 'HEAD';
    if (!reading && !isSameOrigin(req.headers)) throw new ForbiddenException(WRONG_ORIGIN);
    const returnTo = reading ? req.originalUrl : '/';
    const token = req.cookies?.[SESSION_COOKIE];
    if (!token) throw new LoginRequired(returnTo, false);
    if (reading) {
      const { page, pending, keep } = this.kept.lookup(req, res, token);
      // Made for this session a moment ago (or just now, by a request of its own), and nothing changed since: PortalPages' interceptor sends it.
      req.keptPage = page ?? (await pending);
      if (req.keptPage) return true;
      req.keepPage = keep;
    }
    const signedIn = this.apis.forRequest(req, res).withToken(token);
    const me = await signedIn.me().catch((error: unknown) => {
      if (error instanceof ApiError && error.status === 401) throw new LoginRequired(returnTo, true);
      throw error;
    });
    // The current werkagenda: the one chosen (cookie) when the user still holds a grant in it, else their first.
    const werkagendas = werkagendaChoice(
      await this.apis.werkagendas(signedIn),
      (id) => mayRead(me, id),
      req.cookies?.[WERKAGENDA_COOKIE],
      req.originalUrl,
    );
    if (!werkagendas) throw new ForbiddenException(NO_WERKAGENDA);
    const api = signedIn.inWerkagenda(werkagendas.current.id);
    const peildatum = typeof req.query.peildatum === 'string' ? req.query.peildatum : '';
    const instant = peildatum ? parsePeildatum(peildatum) : undefined;
    const portal: PortalContext = {
      me,
      rights: rights(me, werkagendas.current.id),
      api,
      werkagendas,
      now: this.clock.now(),
      path: req.originalUrl,
      flash: takeFlash(req, res),
      asOf: instant ? { input: peildatum, instant } : undefined,
    };
    req.portal = portal;
    return true;
  }
}

/**
 * Sends a page the SessionGuard found kept instead of making it again; around a form, lets every
 * kept page go (before: a page made meanwhile is not kept; after: none made before it is served).
 */
@Injectable()
export class KeptPageInterceptor implements NestInterceptor {
  constructor(private readonly kept: KeptPages) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<PortalRequest>();
    if (req.keptPage) {
      this.kept.serve(context.switchToHttp().getResponse<Response>(), req.keptPage);
      return of(undefined);
    }
    if (req.method === 'GET' || req.method === 'HEAD') return next.handle();
    this.kept.changed();
    return next.handle().pipe(finalize(() => this.kept.changed()));
  }
}

/** A controller of signed-in pages and forms: the session guard, and pages kept while nothing changes. */
export const PortalPages = () => applyDecorators(UseGuards(SessionGuard), UseInterceptors(KeptPageInterceptor));

/** `@Portal() p: PortalContext` in a controller behind the SessionGuard. */
export const Portal = createParamDecorator((_: unknown, host: ExecutionContext): PortalContext => {
  const portal = host.switchToHttp().getRequest<PortalRequest>().portal;
  if (!portal) throw new Error('SessionGuard is not installed on this route');
  return portal;
});
