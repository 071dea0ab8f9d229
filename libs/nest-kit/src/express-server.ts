import type { NestApplicationOptions } from '@nestjs/common';
import { ExpressAdapter } from '@nestjs/platform-express';
import type { Express } from 'express';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Nest's Express adapter, with a server whose requests and answers are Express's from the start.
 *
 * Express gives each request and answer its methods (`req.get`, `res.json`…) by changing their
 * prototypes with `Object.setPrototypeOf` at the start of every request. V8 then has to give both
 * objects new hidden classes and drops the optimised code that saw the old ones, on every request:
 * on this machine that took more of a trivial route's time than the router itself (a plain Express
 * route: 8.8–9.5k requests/s on one connection, the same route on this server 14.3–14.8k; a bare
 * `node:http` server 21.7k; docs/performance.md, session 11). Here node's server creates them
 * with Express's prototypes already, so Express's `setPrototypeOf` finds the prototype it would
 * set and changes nothing. A mounted Express sub-application still sets its own, as before.
 */
export class ExpressServerAdapter extends ExpressAdapter {
  override initHttpServer(options: NestApplicationOptions): void {
    if (options?.httpsOptions || options?.forceCloseConnections) return super.initHttpServer(options);
    const express = this.getInstance<Express>();
    this.httpServer = createServer({ IncomingMessage: requestsOf(express), ServerResponse: answersOf(express) }, express);
  }
}

/** A constructor of node's requests whose instances have `express.request` as their prototype. */
function requestsOf(express: Express): typeof IncomingMessage {
  function ExpressRequest(this: IncomingMessage, socket: Socket): void {
    Reflect.apply(IncomingMessage, this, [socket]);
  }
  ExpressRequest.prototype = express.request;
  return ExpressRequest as unknown as typeof IncomingMessage;
}

/** A constructor of node's answers whose instances have `express.response` as their prototype. */
function answersOf(express: Express): typeof ServerResponse {
  function ExpressResponse(this: ServerResponse, request: IncomingMessage, options?: unknown): void {
    Reflect.apply(ServerResponse, this, [request, options]);
  }
  ExpressResponse.prototype = express.response;
  return ExpressResponse as unknown as typeof ServerResponse;
}
