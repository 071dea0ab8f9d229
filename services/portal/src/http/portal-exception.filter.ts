import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { ApiError } from '../api/regie-api';
import { LoginRequired } from '../session/session.guard';
import { endSession, type PortalRequest } from '../session/session';
import { NO_RIGHTS } from '../views/form-state';
import { formatDateTime } from '../views/format';
import { ErrorPage } from '../views/pages/error.page';
import { redirect, sendPage } from './page';

/**
 * The portal's errors as pages, never as JSON: no session → the login page (and back after it);
 * a refusal of the API → its message in Dutch; anything unexpected → a calm page, logged.
 */
@Catch()
export class PortalExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('portal');

  catch(exception: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<PortalRequest>();
    const res = host.switchToHttp().getResponse<Response>();
    const expired = exception instanceof LoginRequired ? exception.expired : exception instanceof ApiError && exception.status === 401;
    if (exception instanceof LoginRequired || expired) {
      endSession(req, res);
      const back = exception instanceof LoginRequired ? exception.returnTo : '/';
      const query = new URLSearchParams({ ...(back !== '/' ? { terug: back } : {}), ...(expired ? { verlopen: '1' } : {}) }).toString();
      return redirect(res, `/inloggen${query ? `?${query}` : ''}`);
    }
    const { status, title, message } = this.describe(exception, req.portal?.asOf?.instant);
    if (status >= 500) this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    sendPage(res, ErrorPage({ status, title, message, me: req.portal?.me }), status);
  }

  private describe(exception: unknown, asOf?: string): { status: number; title: string; message: string } {
    if (exception instanceof ApiError) {
      const detail = exception.problem.detail;
      // A screen as it was at a peildatum before what it shows was recorded (the werkagenda, the action).
      if (exception.status === 404 && asOf)
        return {
          status: 404,
          title: 'Nog niet vastgelegd',
          message: `Op ${formatDateTime(asOf)} was dit nog niet in Regie vastgelegd. Kies een latere peildatum.`,
        };
      if (exception.status === 403)
        return {
          status: 403,
          title: 'Geen toegang',
          message: detail && !/^forbidden/i.test(detail) ? `${NO_RIGHTS} ${detail}` : NO_RIGHTS,
        };
      if (exception.status === 404) return { status: 404, title: 'Niet gevonden', message: detail ?? 'Wat u zoekt bestaat niet (meer).' };
      if (exception.status < 500)
        return {
          status: exception.status,
          title: exception.problem.title ?? 'Niet gelukt',
          message: detail ?? 'Het verzoek is niet gelukt.',
        };
      return {
        status: 502,
        title: 'Dienst niet beschikbaar',
        message: 'Een onderdeel van Regie gaf een fout. Probeer het over enkele ogenblikken opnieuw.',
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const message = typeof body === 'string' ? body : String((body as { message?: unknown }).message ?? exception.message);
      if (status === 404) return { status, title: 'Niet gevonden', message: 'Deze pagina bestaat niet.' };
      if (status === 403) return { status, title: 'Geweigerd', message };
      return { status, title: 'Niet gelukt', message };
    }
    return {
      status: 500,
      title: 'Er ging iets mis',
      message: 'Er ging iets mis aan onze kant. De fout is gelogd; probeer het later opnieuw.',
    };
  }
}
