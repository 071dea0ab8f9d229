import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Request, Response } from 'express';
import { ZodValidationException } from 'nestjs-zod';
import { z, ZodError } from 'zod';
import { DomainError, InvalidInput, WrongExpectedRevision } from '@regie/es-core';
import { bodyReadingProblem } from './body-reading-problem';
import { ErrorPages, wantsPage } from './error-pages';

/** The body of every refusal (RFC 9457); the OpenAPI document declares it for every refusal. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof problemSchema>;

const TITLES: Record<number, string> = {
  400: 'Ongeldige invoer',
  401: 'Niet ingelogd',
  403: 'Geen toegang',
  404: 'Niet gevonden',
  409: 'Conflict',
  413: 'Te groot',
  415: 'Niet ondersteund mediatype',
  429: 'Te veel pogingen',
  500: 'Interne fout',
};

/**
 * Every error leaves as application/problem+json (RFC 9457) with a Dutch title; validation
 * errors name each bad field; no stack trace ever reaches a client; a request the client got wrong
 * is never a 5xx, also when Express refused it before any route. One exception: a browser outside
 * the API (an unknown address, a refused form post) gets the portal's page, when the portal runs here.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');
  private pages?: ErrorPages | null;

  constructor(private readonly moduleRef: ModuleRef) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const request = host.switchToHttp().getRequest<Request>();
    const problem = this.toProblem(exception);
    if (problem.status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    const pages = wantsPage(request) ? this.errorPages() : undefined;
    if (pages) return pages.send(request, response, problem);
    if (problem.status === 401) response.setHeader('WWW-Authenticate', 'Bearer realm="regie"');
    response.status(problem.status).type('application/problem+json').json(problem);
  }

  /** The portal's pages, looked up once across modules: they are there only where the portal runs. */
  private errorPages(): ErrorPages | undefined {
    if (this.pages === undefined) {
      try {
        this.pages = this.moduleRef.get(ErrorPages, { strict: false });
      } catch {
        this.pages = null;
      }
    }
    return this.pages ?? undefined;
  }

  private toProblem(exception: unknown): Problem {
    if (exception instanceof ZodValidationException) {
      return validationProblem(exception.getZodError() as ZodError);
    }
    if (exception instanceof InvalidInput) {
      return { ...problemOf(400, exception.message, 'validation'), errors: [{ field: exception.field, message: exception.message }] };
    }
    if (exception instanceof WrongExpectedRevision) {
      return problemOf(
        409,
        `De gegevens zijn intussen gewijzigd (revisie ${exception.actual}); haal ze opnieuw op en probeer het nog eens.`,
        'concurrency-conflict',
      );
    }
    if (exception instanceof DomainError) {
      const status = exception.kind === 'not-found' ? 404 : exception.kind === 'invalid' ? 400 : 409;
      return problemOf(status, exception.message, exception.kind === 'conflict' ? 'illegal-transition' : undefined);
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const detail = typeof body === 'string' ? body : (body as { message?: unknown }).message;
      const extra = typeof body === 'object' && body && 'errors' in body ? { errors: (body as Problem).errors } : {};
      return { ...problemOf(status, inDutch(Array.isArray(detail) ? detail.join('; ') : String(detail ?? exception.message))), ...extra };
    }
    const refused = bodyReadingProblem(exception);
    if (refused) return problemOf(refused.status, refused.detail);
    return problemOf(HttpStatus.INTERNAL_SERVER_ERROR, 'Er ging iets mis aan onze kant. De fout is gelogd.');
  }
}

/**
 * The refusals Express and Nest word themselves, before any route runs: an unknown address, a
 * body that is not JSON (JSON.parse's message, which Nest passes on), a malformed %-encoding.
 */
function inDutch(detail: string): string {
  const unknown = /^Cannot (\w+) (.*)$/.exec(detail);
  if (unknown) return `Onbekend adres: ${unknown[1]} ${unknown[2]}`;
  if (/in JSON at position|JSON input|is not valid JSON|^Unexpected (token|non-whitespace)/.test(detail))
    return `De body is geen geldige JSON (${detail}).`;
  if (/^Failed to decode param/.test(detail)) return `Het adres bevat een ongeldige %-codering (${detail}).`;
  return detail;
}

export const problemOf = (status: number, detail?: string, slug?: string): Problem => ({
  type: slug ? `https://regie.example/problems/${slug}` : 'about:blank',
  title: TITLES[status] ?? 'Fout',
  status,
  ...(detail ? { detail } : {}),
});

export const validationProblem = (error: ZodError): Problem => ({
  ...problemOf(400, 'Een of meer velden zijn ongeldig.', 'validation'),
  errors: error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.join('.') : '(body)',
    message: issue.message,
  })),
});
