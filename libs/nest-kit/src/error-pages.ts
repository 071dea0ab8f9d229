import type { Request, Response } from 'express';
import type { Problem } from './problem-details.filter';

/**
 * A web front end in the same process (the portal) that answers a browser with a page of its own
 * where the request failed before any of its routes ran: an unknown address, a form too large or
 * of the wrong kind. Without one, or for the API, the error leaves as problem+json
 * (ProblemDetailsFilter).
 */
export abstract class ErrorPages {
  abstract send(request: Request, response: Response, problem: Problem): void;
}

/** A browser's request outside the API: the path is not /api/… or /health, and HTML is preferred to JSON. */
export const wantsPage = (request: Request): boolean =>
  !/^\/(api(\/|$)|health$)/.test(request.path) &&
  request.accepts(['application/json', 'application/problem+json', 'text/html']) === 'text/html';
