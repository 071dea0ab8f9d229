import type { INestApplication } from '@nestjs/common';
import type { Application } from 'express';
import { parse } from 'node:querystring';
import { z } from 'zod';
import { type LargeBody, readBodies } from './request-bodies';
import { securityHeaders } from './security-headers';

// Validation messages in Dutch, for every schema that does not bring its own.
z.config(z.locales.nl());

export interface HttpOptions {
  /** Express's `trust proxy`: which proxies' X-Forwarded-* headers to believe (false: none). */
  trustProxy?: boolean | number | string;
  /** Routes that accept a body larger than the default limit. */
  largeBodies?: readonly LargeBody[];
}

/**
 * How every Regie HTTP application reads requests and what every answer carries, the same in the
 * platform and in the tests of one service. Create the app with `bodyParser: false`: bodies are
 * read here, with a limit per route.
 * - an empty query parameter is no filter (`?kind=&from=` as an HTML form sends it);
 * - an ETag is always a revision to send back as If-Match, so Express's own (weak, of the
 *   body) is switched off;
 * - security headers on every answer, HSTS only over https (see security-headers.ts);
 * - bodies: JSON (forms outside the API), size-limited, no NUL or broken UTF-16 (see request-bodies.ts).
 */
export function configureHttp(app: INestApplication, options: HttpOptions = {}): void {
  const express = app.getHttpAdapter().getInstance() as Application;
  express.set('etag', false);
  express.set('query parser', withoutEmptyValues);
  express.set('trust proxy', options.trustProxy ?? false);
  securityHeaders(express);
  readBodies(express, options.largeBodies);
}

export function withoutEmptyValues(query: string): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(parse(query))) {
    const kept = ([] as string[]).concat(value ?? []).filter((v) => v !== '');
    if (kept.length > 0) values[name] = kept.length === 1 ? kept[0] : kept;
  }
  return values;
}
