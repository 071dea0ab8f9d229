import type { Application, NextFunction, Request, RequestHandler, Response } from 'express';
import helmet, { type HelmetOptions } from 'helmet';

type Directives = NonNullable<Exclude<HelmetOptions['contentSecurityPolicy'], boolean | undefined>['directives']>;

/** No page of Regie may be framed, change its base or post elsewhere; each kind of answer then loosens only what it needs. */
const everywhere: Directives = {
  defaultSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  objectSrc: ["'none'"],
  scriptSrc: ["'none'"],
};

/** Content-Security-Policy per kind of answer, by path. */
const POLICIES: { path: RegExp; directives: Directives }[] = [
  // Swagger UI: its own scripts and styles from this origin, inline styles, data: images.
  {
    path: /^\/api\/docs(\/|$|-json)/,
    directives: {
      ...everywhere,
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
    },
  },
  // JSON, iCalendar and the printable agenda (which has an inline stylesheet): nothing to load.
  { path: /^\/(api|health)(\/|$)/, directives: { ...everywhere, styleSrc: ["'unsafe-inline'"], formAction: ["'none'"] } },
  // The portal's pages: no script at all, images and styles from this origin only.
  { path: /^/, directives: { ...everywhere, defaultSrc: ["'self'"], imgSrc: ["'self'", 'data:'] } },
];

const options = (directives: Directives): HelmetOptions => ({
  contentSecurityPolicy: { useDefaults: false, directives },
  referrerPolicy: { policy: 'same-origin' },
  xFrameOptions: { action: 'deny' },
  // Sent only over https, below: a browser that saw it over plain http would ignore it anyway, and a
  // development machine on http://localhost must not be pinned to https.
  strictTransportSecurity: false,
});

/**
 * Security headers on every answer (helmet), whatever serves it: API, docs, health and portal;
 * Strict-Transport-Security only when the request came over https, which behind a proxy Express
 * believes only of a trusted proxy (`trust proxy`); no `X-Powered-By`.
 */
export function securityHeaders(express: Application): void {
  express.disable('x-powered-by');
  const byPath = POLICIES.map(({ path, directives }) => ({ path, headers: helmet(options(directives)) }));
  const hsts = helmet.strictTransportSecurity({ maxAge: 365 * 24 * 60 * 60, includeSubDomains: true });
  express.use((req: Request, res: Response, next: NextFunction) => {
    const headers: RequestHandler = byPath.find(({ path }) => path.test(req.path))!.headers;
    headers(req, res, (error?: unknown) => (error || !req.secure ? next(error) : hsts(req, res, next)));
  });
}
