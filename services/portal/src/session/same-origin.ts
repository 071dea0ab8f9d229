import type { IncomingHttpHeaders } from 'node:http';

/**
 * CSRF defence for form posts, on top of the SameSite=Strict session cookie: a state-changing
 * request must say it comes from this site. Browsers send `Origin` on every POST (and
 * `Sec-Fetch-Site`); a request with neither Origin nor Referer is refused too.
 */
export function isSameOrigin(headers: IncomingHttpHeaders): boolean {
  const host = headers['x-forwarded-host'] ?? headers.host;
  if (typeof host !== 'string' || host === '') return false;
  const fetchSite = headers['sec-fetch-site'];
  if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') return false;
  const source = typeof headers.origin === 'string' && headers.origin !== 'null' ? headers.origin : headers.referer;
  if (typeof source !== 'string') return false;
  try {
    return new URL(source).host === host;
  } catch {
    return false;
  }
}
