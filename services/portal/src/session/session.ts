import type { Request, Response } from 'express';
import type { RegieApi } from '../api/regie-api';
import type { Me } from '../api/regie-api.models';
import type { Rights } from './rights';

/** The access token lives in this cookie: httpOnly (no script reads it), SameSite=Strict (no other site sends it). */
export const SESSION_COOKIE = 'regie_sessie';
/** A one-time message for the next page ("Uw rapportage is opgeslagen"), after a post/redirect/get. */
export const FLASH_COOKIE = 'regie_melding';

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
}

export type PortalRequest = Request & { portal?: PortalContext; cookies?: Record<string, string> };

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
