import type { Request, Response } from 'express';
import type { RegieApi } from '../api/regie-api';
import type { KeptPage } from '../http/kept-pages';
import type { Me, WerkagendaEntry } from '../api/regie-api.models';
import type { Rights } from './rights';

/** The access token lives in this cookie: httpOnly (no script reads it), SameSite=Strict (no other site sends it). */
export const SESSION_COOKIE = 'regie_sessie';
/** A one-time message for the next page ("Uw rapportage is opgeslagen"), after a post/redirect/get. */
export const FLASH_COOKIE = 'regie_melding';
/** The werkagenda the user works in now (its id): a preference, not a right; the guard checks it against the grants. */
export const WERKAGENDA_COOKIE = 'regie_werkagenda';

/** The werkagenda's a user may switch between (each one they hold a grant in; all for `*`), and the one chosen now. */
export interface WerkagendaChoice {
  current: WerkagendaEntry;
  /** In the API's order (the first tenant first); at least the current one. */
  choices: WerkagendaEntry[];
  /** Where the switcher returns to: this page's section. */
  returnTo: string;
}

/** What every signed-in page knows about its request. */
export interface PortalContext {
  me: Me;
  rights: Rights;
  /** The API as this user: their token on every call. */
  api: RegieApi;
  /** The platform clock's now (REGIE_NOW moves it for demos and tests). */
  now: Date;
  /** This page's path and query, to come back to after a form. */
  path: string;
  flash?: string;
  /** A past moment the read-only screens show ("peildatum"): the API's `asOf`. */
  asOf?: { input: string; instant: string };
  /**
   * The current werkagenda and the others the user may choose. Every page that reads a werkagenda
   * reads this one (`api` passes its id); absent only in tests of single views.
   */
  werkagendas?: WerkagendaChoice;
}

export type PortalRequest = Request & {
  portal?: PortalContext;
  cookies?: Record<string, string>;
  /** A page kept for this request (KeptPages): the guard found it, the page interceptor sends it. */
  keptPage?: KeptPage;
  /** Keeps the page this request makes (sendPage calls it for a 200). */
  keepPage?: (html: string) => void;
};

const secure = (req: Request): boolean => req.secure || req.headers['x-forwarded-proto'] === 'https';

const cookieOptions = (req: Request) => ({ httpOnly: true, sameSite: 'strict' as const, secure: secure(req), path: '/' });

export function startSession(req: Request, res: Response, token: string, expiresInSeconds: number): void {
  res.cookie(SESSION_COOKIE, token, { ...cookieOptions(req), maxAge: Math.max(1, expiresInSeconds) * 1000 });
}

export function endSession(req: Request, res: Response): void {
  res.clearCookie(SESSION_COOKIE, cookieOptions(req));
}

export function setFlash(req: Request, res: Response, message: string): void {
  res.cookie(FLASH_COOKIE, message, { ...cookieOptions(req), maxAge: 60_000 });
}

/** Reads and clears the one-time message. */
export function takeFlash(req: PortalRequest, res: Response): string | undefined {
  const message = req.cookies?.[FLASH_COOKIE];
  if (message) res.clearCookie(FLASH_COOKIE, cookieOptions(req));
  return message || undefined;
}

/** A path on this site to return to; anything else (another site, `//evil`) becomes the start page. */
export const safeReturnPath = (value: unknown): string =>
  typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '/';

/** Remembers the chosen werkagenda for this browser (a year; it names no person and grants nothing). */
export function chooseWerkagenda(req: Request, res: Response, werkagendaId: string): void {
  res.cookie(WERKAGENDA_COOKIE, werkagendaId, { ...cookieOptions(req), maxAge: 365 * 24 * 3600 * 1000 });
}

/**
 * The werkagenda's a user may choose (those they hold a grant in, all for a `*` grant) and the
 * current one: the remembered choice when it is still one of them, else the first.
 */
export function werkagendaChoice(
  all: WerkagendaEntry[],
  mayRead: (werkagendaId: string) => boolean,
  remembered: string | undefined,
  path: string,
): WerkagendaChoice | undefined {
  const choices = all.filter((w) => mayRead(w.id) && (!w.archived || w.id === remembered));
  const current = choices.find((w) => w.id === remembered) ?? choices[0];
  return current ? { current, choices, returnTo: sectionOf(path) } : undefined;
}

/**
 * Where to land after switching: the same section ("/overleggen/abc" → "/overleggen"), an action
 * page on the werkagenda page (the action belongs to the other werkagenda), never another site.
 */
export function sectionOf(path: string): string {
  const first = safeReturnPath(path).split(/[?#]/)[0].split('/')[1] ?? '';
  if (first === 'acties') return '/werkagenda';
  return first ? `/${first}` : '/';
}
