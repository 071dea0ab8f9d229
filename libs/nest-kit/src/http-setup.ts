import type { INestApplication } from '@nestjs/common';
import type { Application } from 'express';
import { parse } from 'node:querystring';
import { z } from 'zod';

// Validation messages in Dutch, for every schema that does not bring its own.
z.config(z.locales.nl());

/**
 * How every Regie HTTP application reads requests, the same in the platform and in the tests of
 * one service:
 * - an empty query parameter is no filter (`?kind=&from=` as an HTML form sends it);
 * - an ETag is always a revision to send back as If-Match, so Express's own (weak, of the
 *   body) is switched off.
 */
export function configureHttp(app: INestApplication): void {
  const express = app.getHttpAdapter().getInstance() as Application;
  express.set('etag', false);
  express.set('query parser', withoutEmptyValues);
}

export function withoutEmptyValues(query: string): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(parse(query))) {
    const kept = ([] as string[]).concat(value ?? []).filter((v) => v !== '');
    if (kept.length > 0) values[name] = kept.length === 1 ? kept[0] : kept;
  }
  return values;
}
