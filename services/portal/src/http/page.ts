import type { Response } from 'express';
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';

/**
 * Sends a server-rendered page, never cached. The security headers (a Content-Security-Policy
 * without any script, forms posting only here, no framing) are set for every answer of the
 * process by configureHttp (@regie/nest-kit).
 */
export function sendPage(res: Response, page: VNode, status = 200): void {
  res
    .status(status)
    .set({
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
    })
    .send(`<!doctype html>${render(page)}`);
}

/** Post/redirect/get: after a form, the browser fetches the page anew (reload does not post twice). */
export const redirect = (res: Response, to: string): void => res.redirect(303, to);
