import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ErrorPages, type Problem } from '@regie/nest-kit';
import { ErrorPage } from '../views/pages/error.page';
import { sendPage } from './page';

/** A browser's unknown address, or a request refused before any page ran, gets a page in the portal's style instead of problem+json. */
@Injectable()
export class PortalErrorPages extends ErrorPages {
  send(_request: Request, response: Response, problem: Problem): void {
    const message =
      problem.status === 404
        ? 'Deze pagina bestaat niet. Controleer het adres, of ga terug naar het overzicht.'
        : [problem.detail, ...(problem.errors ?? []).map((e) => `${e.field}: ${e.message}`)].filter(Boolean).join(' ');
    sendPage(response, ErrorPage({ status: problem.status, title: problem.title, message }), problem.status);
  }
}
