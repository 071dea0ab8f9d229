import { BadRequestException, UnsupportedMediaTypeException } from '@nestjs/common';
import { type Application, json, type NextFunction, type Request, type RequestHandler, type Response, urlencoded } from 'express';

/** Every body's limit unless its route is given a larger one: far above any form or command, far below what hurts. */
export const DEFAULT_BODY_LIMIT = '256kb';
const JSON_TYPES = ['application/json', 'application/*+json'];
const FORM_TYPE = 'application/x-www-form-urlencoded';
/** Deeper than any command or import record nests; refused before anything walks it recursively. */
const MAX_DEPTH = 32;

/** A route that needs a larger body than the default, e.g. `{ path: '/api/v1/…/import', limit: '20mb' }`. */
export interface LargeBody {
  path: string;
  limit: string;
}

/**
 * Reads request bodies: JSON everywhere, HTML forms outside the API (the portal), nothing else
 * (415); each route's size limit (413), counted after decompression so a gzip bomb stops at the
 * limit; and no text the database or any reader would choke on. Errors go on to the exception
 * filter, which words them in Dutch.
 */
export function readBodies(express: Application, largeBodies: readonly LargeBody[] = []): void {
  const parsers = (limit: string): RequestHandler[] => [
    json({ limit, type: JSON_TYPES }),
    urlencoded({ limit, type: FORM_TYPE, extended: true }),
  ];
  const byPath = new Map(largeBodies.map(({ path, limit }) => [path, parsers(limit)]));
  const normal = parsers(DEFAULT_BODY_LIMIT);
  // One middleware, in this order: the media type, the parsers, the text. A request without a body
  // (every GET) goes straight to the text check of its address and query: the parsers and the media
  // type have nothing to do then, and each middleware is a layer Express walks per request.
  express.use((req: Request, res: Response, next: NextFunction) => {
    if (!hasBody(req)) return next(badText(req));
    const refused = refusedMediaType(req);
    if (refused) return next(refused);
    const [parseJson, parseForm] = byPath.get(req.path) ?? normal;
    parseJson(req, res, (error?: unknown) =>
      error ? next(error) : parseForm(req, res, (formError?: unknown) => next(formError ?? badText(req))),
    );
  });
}

/** Whether a request has a body at all (as the parsers decide it: type-is's `hasBody`). */
const hasBody = (req: Request): boolean =>
  req.headers['transfer-encoding'] !== undefined || !Number.isNaN(Number(req.headers['content-length']));

const isApi = (req: Request) => /^\/api(\/|$)/.test(req.path);

function refusedMediaType(req: Request): UnsupportedMediaTypeException | undefined {
  // An empty body (a body-less POST such as a logout, which fetch sends with Content-Length: 0) has no type to name.
  if (req.headers['content-length'] === '0') return undefined;
  const type = req.is(isApi(req) ? JSON_TYPES : [...JSON_TYPES, FORM_TYPE]);
  if (type === null || type) return undefined;
  return new UnsupportedMediaTypeException(
    `Content-Type "${req.headers['content-type'] ?? '(geen)'}" wordt hier niet ondersteund; stuur ${isApi(req) ? 'application/json' : 'een formulier of JSON'}.`,
  );
}

/**
 * A NUL character or half of a UTF-16 surrogate pair is no text: PostgreSQL refuses to store it
 * (a 500 deep inside a command), and an export or a screen would show garbage. Refused once, for
 * every field of every body and query, sealed personal fields included, naming the field.
 */
function badText(req: Request): BadRequestException | undefined {
  if (/%00/.test(req.path)) return refusal('(adres)', 'het adres bevat een NUL-teken (%00)');
  const bad = firstBadText(req.body) ?? firstBadText(req.query);
  return bad ? refusal(bad.field, bad.message) : undefined;
}

const refusal = (field: string, message: string) =>
  new BadRequestException({ message: 'Een of meer velden zijn ongeldig.', errors: [{ field, message }] });

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const textProblem = (text: string): string | undefined =>
  text.includes('\u0000')
    ? 'bevat een NUL-teken (\\u0000), dat geen tekst is'
    : LONE_SURROGATE.test(text)
      ? 'bevat een ongeldig teken (een losse UTF-16-surrogaat zoals \\ud800)'
      : undefined;

/** The first string (or key) in a decoded body that is no text, walked without recursion; too deep a nesting is refused too. */
export function firstBadText(value: unknown): { field: string; message: string } | undefined {
  const pending: { value: unknown; path: string[] }[] = [{ value, path: [] }];
  const field = (path: string[]) => (path.length ? path.join('.') : '(body)');
  while (pending.length > 0) {
    const { value: current, path } = pending.pop()!;
    if (typeof current === 'string') {
      const message = textProblem(current);
      if (message) return { field: field(path), message };
    } else if (current !== null && typeof current === 'object') {
      if (path.length >= MAX_DEPTH) return { field: field(path), message: `is dieper genest dan ${MAX_DEPTH} niveaus` };
      for (const [key, child] of Object.entries(current)) {
        const message = textProblem(key);
        if (message) return { field: field(path), message: `heeft een veldnaam die ${message.replace(/^bevat /, '')}` };
        pending.push({ value: child, path: [...path, key] });
      }
    }
  }
  return undefined;
}
