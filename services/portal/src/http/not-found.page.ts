import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { NotFoundPage } from '@regie/nest-kit';
import { ErrorPage } from '../views/pages/error.page';
import { sendPage } from './page';

/** A browser's unknown address gets a page in the portal's style instead of problem+json. */
@Injectable()
export class PortalNotFoundPage extends NotFoundPage {
  send(_request: Request, response: Response): void {
    sendPage(
      response,
      ErrorPage({
        status: 404,
        title: 'Niet gevonden',
        message: 'Deze pagina bestaat niet. Controleer het adres, of ga terug naar het overzicht.',
      }),
      404,
    );
  }
}
