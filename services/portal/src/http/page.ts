import type { Response } from 'express';
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';

/**
 * Sends a server-rendered page. The portal runs no script of its own: a strict Content-Security-
 * Policy forbids inline code and other origins, forms may only post here, and no site may frame it.
 */
export function sendPage(res: Response, page: VNode, status = 200): void {
  res
    .status(status)
    .set({
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Security-Policy':
        "default-src 'self'; img-src 'self' data:; script-src 'none'; object-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'same-origin',
      'X-Frame-Options': 'DENY',
    })
    .send(`<!doctype html>${render(page)}`);
}

/** Post/redirect/get: after a form, the browser fetches the page anew (reload does not post twice). */
export const redirect = (res: Response, to: string): void => res.redirect(303, to);
