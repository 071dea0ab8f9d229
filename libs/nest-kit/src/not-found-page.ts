import type { Request, Response } from 'express';

/**
 * A web front end in the same process (the portal) that answers a browser asking for an address
 * nothing serves with a page of its own. Without one, or for the API, an unknown address gets
 * problem+json like every other error (ProblemDetailsFilter).
 */
export abstract class NotFoundPage {
  abstract send(request: Request, response: Response): void;
}

/** A browser's request outside the API: the path is not /api/… or /health, and HTML is preferred to JSON. */
export const wantsPage = (request: Request): boolean =>
  request.method === 'GET' &&
  !/^\/(api(\/|$)|health$)/.test(request.path) &&
  request.accepts(['application/json', 'application/problem+json', 'text/html']) === 'text/html';
