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
  // helmet's headers depend only on the options (no directive here is a function of the request):
  // worked out once per kind of answer, then set as they are, instead of running helmet's dozen
  // middlewares and rebuilding the policy at every request.
  const byPath = POLICIES.map(({ path, directives }) => ({ path, headers: headersOf(helmet(options(directives))) }));
  const hsts = headersOf(helmet.strictTransportSecurity({ maxAge: 365 * 24 * 60 * 60, includeSubDomains: true }));
  express.use((req: Request, res: Response, next: NextFunction) => {
    apply(res, byPath.find(({ path }) => path.test(req.path))!.headers);
    if (req.secure) apply(res, hsts);
    next();
  });
}

/** A header to set, or (value null) to remove. */
type HeaderChange = readonly [name: string, value: string | null];

/** What a helmet middleware does to a response, recorded once. */
export function headersOf(middleware: RequestHandler): HeaderChange[] {
  const changes: HeaderChange[] = [];
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => void changes.push([name, String(value)]),
    removeHeader: (name: string) => void changes.push([name, null]),
  };
  let done = false;
  middleware({} as Request, recorder as unknown as Response, (error?: unknown) => {
    if (error) throw error;
    done = true;
  });
  if (!done) throw new Error('helmet did not set its headers synchronously');
  return changes;
}

function apply(res: Response, changes: HeaderChange[]): void {
  for (const [name, value] of changes) {
    if (value === null) res.removeHeader(name);
    else res.setHeader(name, value);
  }
}
