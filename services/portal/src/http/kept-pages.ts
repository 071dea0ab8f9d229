import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { decodeJwt } from 'jose';
import { LRUCache } from 'lru-cache';
import { Clock, processChanges } from '@regie/es-core';
import { PortalApiFactory } from '../api/portal-api.factory';
import { FLASH_COOKIE, type PortalRequest, WERKAGENDA_COOKIE } from '../session/session';
import { KEY_FIELD } from '../views/form-state';
import { PAGE_HEADERS } from './page';

/** How long a page is kept at most, in ms: as long as the API keeps a read model's answer (Answers' ttlMs). */
export const KEPT_PAGE_MS = 1_000;

/** How many characters of HTML all kept pages hold together at most (about 16 MB); a larger page than a quarter of it is not kept. */
const KEPT_PAGES_CHARS = 8_000_000;

/** A form's Idempotency-Key as a page writes it (form.tsx): each serve of a kept page gets new ones. */
const FORM_KEY = new RegExp(`name="${KEY_FIELD}" value="[0-9a-f-]{36}"`, 'g');

export interface KeptPage {
  /** The page's HTML as bytes, cut at its forms' keys: a serve puts a new key between each two parts. */
  parts: Buffer[];
  /** When it was made, by the monotonic clock and by the platform's (a test clock set forward is followed). */
  madeAt: number;
  madeAtPlatform: number;
  /** The real time its session's token expires (ms), if it says: a kept page is not served after it. */
  tokenExpires: number;
  size: number;
}

/**
 * What the session guard learns of a reading request: a kept page to serve, the page another
 * request of the same session is making now (to serve when it is made; undefined if it was not
 * kept), or how to keep the page this request makes. None of them when it may not be kept.
 */
export interface KeptPageLookup {
  page?: KeptPage;
  pending?: Promise<KeptPage | undefined>;
  keep?: (html: string) => void;
}

/**
 * Pages kept until anything they show may have changed. A page is the work of three to seven
 * reads of the API (each a kept answer since session 16), the session's check (`/auth/me`) and
 * its HTML: about 2 ms of the process's one thread, against 0.3 ms for one API read
 * (docs/performance.md, session 19). The same user opening the same address again while nothing
 * changed gets the same page, made once.
 *
 * Kept per session token, chosen werkagenda and address (path and query): a page is only ever
 * served to the session it was made for. Let go of as soon as this process sees anything change
 * (ProcessChanges: a read model's commit, an append, a portal form, a logout, a change of accounts,
 * grants or personal-data keys heard from any process), and at most after one second, the bound
 * within which the API's own kept answers follow a change made by another process; never served
 * after its token expires. Not kept: a page with a one-time message, a look at a past moment
 * (`peildatum`), a page whose making saw a change, anything but a 200, and nothing at all when the
 * portal calls the API over HTTP (a process of its own does not see the API's changes) or while a
 * read model in this process is written by another instance (a standby).
 *
 * Each serve gives every form on the page a new Idempotency-Key, as a new rendering does: two tabs
 * opened on one kept page record two reports, not one.
 */
@Injectable()
export class KeptPages {
  private readonly pages = new LRUCache<string, KeptPage>({
    max: 1_000,
    maxSize: KEPT_PAGES_CHARS,
    sizeCalculation: (page) => page.size,
  });
  /** The pages being made now, by key: a second request for one waits for it instead of making it too. */
  private readonly making = new Map<string, Promise<KeptPage | undefined>>();
  private generation = processChanges.generation;
  private readonly active: boolean;

  constructor(
    apis: PortalApiFactory,
    private readonly clock: Clock,
  ) {
    this.active = apis.callsInProcess;
  }

  /**
   * For a GET of a signed-in page: the page kept for it, the same page being made by another
   * request, or how to keep the page about to be made (nothing when it may not be kept). When a
   * kept page goes (a change, its second) several requests of one session may come for it at once
   * (ten tabs, a crawler, a bench): one makes it, the others wait for it.
   */
  lookup(req: PortalRequest, res: Response, token: string): KeptPageLookup {
    if (!this.active || req.method !== 'GET' || req.cookies?.[FLASH_COOKIE] || req.query.peildatum !== undefined || !processChanges.keeping)
      return {};
    if (processChanges.generation !== this.generation) {
      this.pages.clear();
      this.generation = processChanges.generation;
    }
    const key = `${token}\n${req.cookies?.[WERKAGENDA_COOKIE] ?? ''}\n${req.originalUrl}`;
    const kept = this.pages.get(key);
    const madeAt = performance.now();
    const madeAtPlatform = this.clock.now().getTime();
    if (kept && fresh(kept, madeAt, madeAtPlatform)) return { page: kept };
    const pending = this.making.get(key);
    if (pending) return { pending };
    let settle!: (page: KeptPage | undefined) => void;
    const made = new Promise<KeptPage | undefined>((resolve) => (settle = resolve));
    const done = (page?: KeptPage) => {
      if (this.making.get(key) === made) this.making.delete(key);
      settle(page);
    };
    this.making.set(key, made);
    res.once('finish', () => done()).once('close', () => done()); // not kept (a redirect, a refusal, an error): the others make their own
    const generation = this.generation;
    return {
      keep: (html) => {
        if (processChanges.generation !== generation || html.length > KEPT_PAGES_CHARS / 4) return done(); // something changed while it was made
        const parts = html.split(FORM_KEY).map((part) => Buffer.from(part));
        const page = { parts, madeAt, madeAtPlatform, tokenExpires: expiryOf(token), size: html.length };
        this.pages.set(key, page);
        done(page);
      },
    };
  }

  /**
   * Sends a kept page, with new keys in its forms: its bytes as they are, without Express's ETag
   * (a hash of the whole page at every serve; a page is never stored, so never revalidated).
   */
  serve(res: Response, page: KeptPage): void {
    const chunks = [page.parts[0]];
    for (let i = 1; i < page.parts.length; i++) chunks.push(Buffer.from(`name="${KEY_FIELD}" value="${randomUUID()}"`), page.parts[i]);
    const body = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
    res.status(200).set(PAGE_HEADERS).setHeader('Content-Length', body.length);
    res.end(body);
  }

  /** A form of the portal was posted: no page made before it is served after it. */
  changed(): void {
    processChanges.changed();
  }
}

const fresh = (page: KeptPage, now: number, platformNow: number): boolean =>
  now - page.madeAt < KEPT_PAGE_MS &&
  platformNow >= page.madeAtPlatform &&
  platformNow - page.madeAtPlatform < KEPT_PAGE_MS &&
  Date.now() < page.tokenExpires;

/** The token's `exp` in ms; a token that says none, or is not a JWT, is kept for no longer than a page is. */
function expiryOf(token: string): number {
  try {
    const { exp } = decodeJwt(token);
    if (typeof exp === 'number') return exp * 1000;
  } catch {
    // not a JWT: the API decides what it is; the page is kept for KEPT_PAGE_MS at most
  }
  return Number.POSITIVE_INFINITY;
}
