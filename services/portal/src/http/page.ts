import type { Response } from 'express';
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';
import type { PortalRequest } from '../session/session';

/** Every page's own headers: HTML, never stored by the browser or a proxy. */
export const PAGE_HEADERS = { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } as const;

/**
 * Sends a server-rendered page, never cached by the browser. The security headers (a
 * Content-Security-Policy without any script, forms posting only here, no framing) are set for
 * every answer of the process by configureHttp (@regie/nest-kit). A 200 the session guard may keep
 * is handed to KeptPages (kept-pages.ts).
 */
export function sendPage(res: Response, page: VNode, status = 200): void {
  const html = `<!doctype html>${render(page)}`;
  if (status === 200) (res.req as PortalRequest).keepPage?.(html);
  res.status(status).set(PAGE_HEADERS).send(html);
}

/** Post/redirect/get: after a form, the browser fetches the page anew (reload does not post twice). */
export const redirect = (res: Response, to: string): void => res.redirect(303, to);
