import { type NestApplicationOptions, StreamableFile } from '@nestjs/common';
import { ExpressAdapter } from '@nestjs/platform-express';
import type { Express, Response } from 'express';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { type InProcessAnswer, type InProcessRequest, inProcessHttp } from './in-process-http';

/**
 * Nest's Express adapter, with a server whose requests and answers are Express's from the start.
 *
 * Express gives each request and answer its methods (`req.get`, `res.json`…) by changing their
 * prototypes with `Object.setPrototypeOf` at the start of every request. V8 then has to give both
 * objects new hidden classes and drops the optimised code that saw the old ones, on every request:
 * on this machine that took more of a trivial route's time than the router itself (a plain Express
 * route: 8.8–9.5k requests/s on one connection, the same route on this server 14.3–14.8k; a bare
 * `node:http` server 21.7k; docs/performance.md, session 11). Here node's server creates them
 * as instances of subclasses of node's own whose prototypes are the application's request and
 * answer (`expressClasses`), so Express's `setPrototypeOf` finds the prototype it would set and
 * changes nothing. A mounted Express sub-application still sets its own, as before.
 *
 * It also passes every answer a handler returns through one step before it is written
 * (`answerWith`; CoreModule opens personal data there). Nest awaits `reply`, so a step that fails
 * reaches the exception filters like a handler that fails. A Nest interceptor could do the same,
 * but Nest wraps every request of a route with an interceptor in rxjs `defer`s, `AsyncResource`s
 * and a `ReplaySubject`: on this machine that cost a read more than the read itself (/health served
 * 3.1k requests/s on one connection with the global interceptors, 5.3k without; docs/performance.md,
 * session 12). A read model's kept answer (frozen) is serialized once while it is kept. And once
 * every route is registered, each route is tried by its literal start first (`withLiteralStarts`,
 * below). `dispatch` answers a request in the process, without a socket (the embedded portal's).
 */
export class ExpressServerAdapter extends ExpressAdapter {
  private answerStep?: AnswerStep;
  /**
   * A frozen answer the step leaves as it is (a read model's kept answer without personal data) is
   * the same JSON at every request while it is kept: written from its JSON, made once.
   */
  private readonly serialized = new WeakMap<object, Buffer>();
  private inProcess?: (request: InProcessRequest) => Promise<InProcessAnswer>;
  private classes?: ExpressClasses;

  /** Every object a handler answers passes `step` before it is written (not files, streams or text). */
  answerWith(step: AnswerStep): void {
    this.answerStep = step;
  }

  /** Called once Nest has registered every route (its not-found handler comes after them all). */
  override setNotFoundHandler(handler: Parameters<ExpressAdapter['setNotFoundHandler']>[0], prefix?: string): unknown {
    withLiteralStarts(this.getInstance<Express>());
    withPlainWildcards(this.getInstance<Express>());
    return super.setNotFoundHandler(handler, prefix);
  }

  override reply(response: Response, body: unknown, statusCode?: number): unknown {
    const step = this.answerStep;
    if (!step || body === null || typeof body !== 'object' || body instanceof StreamableFile || Buffer.isBuffer(body))
      return super.reply(response, body, statusCode);
    const written = this.serialized.get(body);
    if (written && !response.get('Content-Type')) return this.replyJson(response, written, statusCode);
    const answer = step(body, response);
    return answer instanceof Promise
      ? answer.then((ready) => this.replyReady(response, body, ready, statusCode))
      : this.replyReady(response, body, answer, statusCode);
  }

  /** An answer the step left as it was: a frozen one (a read model's kept answer) is serialized once. */
  private replyReady(response: Response, body: object, ready: unknown, statusCode?: number): unknown {
    if (ready !== body || !Object.isFrozen(body) || response.get('Content-Type')) return super.reply(response, ready, statusCode);
    const json = Buffer.from(JSON.stringify(body));
    this.serialized.set(body, json);
    return this.replyJson(response, json, statusCode);
  }

  /** What `res.json` does with an object, from its JSON: Express's `send` still writes it (HEAD, 304, Content-Length). */
  private replyJson(response: Response, json: Buffer, statusCode?: number): unknown {
    if (statusCode) response.status(statusCode);
    response.set('Content-Type', 'application/json; charset=utf-8');
    return response.send(json);
  }

  /**
   * A request answered by this application in this process, without a socket: the portal's calls
   * to the API of the process it runs in (`inProcessHttp`). Its requests and answers are made with
   * Express's prototypes, as the server's are.
   */
  dispatch(request: InProcessRequest): Promise<InProcessAnswer> {
    if (!this.inProcess) {
      const classes = this.expressClasses();
      this.inProcess = inProcessHttp(this.getInstance<Express>(), classes.IncomingMessage, classes.ServerResponse);
    }
    return this.inProcess(request);
  }

  override initHttpServer(options: NestApplicationOptions): void {
    if (options?.httpsOptions || options?.forceCloseConnections) return super.initHttpServer(options);
    this.httpServer = createServer(this.expressClasses(), this.getInstance<Express>());
  }

  /**
   * Node's request and answer classes, each extended by a class whose prototype is made the
   * application's `request` and `response` (a copy of them: the same methods, the same prototype
   * chain, Express's own `app`). Instances of a class get the hidden class V8 plans for them in
   * the constructor. A plain function with Express's prototype that called node's constructor on
   * `this` (as before) gave answers whose properties V8 keeps in a dictionary: every property of
   * every answer (node's own `_header`, `statusCode`… and Express's) was then a hash lookup, and
   * making one took 2.6–4.5 µs against 0.8–1.4 µs (a microbenchmark, session 23).
   */
  private expressClasses(): ExpressClasses {
    if (!this.classes) {
      const express = this.getInstance<Express>();
      const Request = class extends IncomingMessage {};
      const Answer = class extends ServerResponse {};
      express.request = madePrototypeOf(Request, express.request);
      express.response = madePrototypeOf(Answer, express.response);
      this.classes = { IncomingMessage: Request, ServerResponse: Answer as typeof ServerResponse };
    }
    return this.classes;
  }
}

interface ExpressClasses {
  IncomingMessage: typeof IncomingMessage;
  ServerResponse: typeof ServerResponse;
}

/** What is done to an answer before it is written; a promise when that has to wait. */
export type AnswerStep = (body: object, response: Response) => unknown;

/** `type`'s prototype, given `prototype`'s own properties and prototype: what `prototype` was, as the prototype of a class. */
function madePrototypeOf<T extends object>(type: { prototype: object }, prototype: T): T {
  Object.setPrototypeOf(type.prototype, Object.getPrototypeOf(prototype));
  Object.defineProperties(type.prototype, Object.getOwnPropertyDescriptors(prototype));
  return type.prototype as T;
}

interface RouteLayer {
  route?: { path?: unknown };
  rawPath?: unknown;
  match(path: unknown): unknown;
}

/** The layers of an application's router, in the order Express tries them. */
const routeLayers = (express: Express): RouteLayer[] => (express as unknown as { router: { stack: RouteLayer[] } }).router.stack;

/**
 * Express tries an application's routes one after another, each with its path-to-regexp matcher,
 * until one matches: the platform has 222 layers, one action's route is about the 50th and the
 * portal's pages the 123rd to 172nd (Express's router was 76 µs of a one-action read's 326;
 * docs/performance.md, session 12). Each route is given a test of its path's literal start (up to
 * its first parameter, wildcard or optional part) before its matcher: a path that does not start
 * so cannot match it, so which route answers is unchanged; trying one that does not is cheaper.
 * Case-insensitive, as Express's routing is by default.
 */
function withLiteralStarts(express: Express): void {
  for (const layer of routeLayers(express)) {
    const path = layer.route?.path;
    if (typeof path !== 'string') continue;
    const start = literalStart(path);
    if (start.length <= 1) continue;
    const match = layer.match;
    layer.match = (requested: unknown) =>
      typeof requested === 'string' && !lowerCased(requested).startsWith(start) ? false : match.call(layer, requested);
  }
}

/**
 * A Nest middleware for every path is an Express `use` at a wildcard (`/{*path}`, `/*path`), and
 * path-to-regexp's matcher ran for each of the platform's three (request log, command context,
 * cookies) at every request: 1.4–2 µs each, for `/health` (session 23). A path of plain segments
 * (no empty one, no trailing slash, no percent-encoding) is matched whole by such a wildcard, its
 * segments the parameter, so that match is made here; any other path goes to the matcher as before.
 */
export function withPlainWildcards(express: Express): void {
  for (const layer of routeLayers(express)) {
    const wildcard = !layer.route && typeof layer.rawPath === 'string' ? WILDCARD.exec(layer.rawPath) : null;
    const key = wildcard?.[1] ?? wildcard?.[2];
    if (!key) continue;
    const match = layer.match;
    const pattern = layer.rawPath;
    layer.match = (requested: unknown) =>
      typeof requested === 'string' && PLAIN_SEGMENTS.test(requested)
        ? { params: { [key]: requested.slice(1).split('/') }, path: requested, keys: [key], pattern }
        : match.call(layer, requested);
  }
}

const WILDCARD = /^\/(?:\{\*(\w+)\}|\*(\w+))$/;
const PLAIN_SEGMENTS = /^(?:\/[^/%]+)+$/;

/** A route path up to its first character with a meaning in path-to-regexp's syntax, in lower case. */
const literalStart = (path: string): string => {
  const special = path.search(/[:*{}()[\]?+!\\]/);
  return (special === -1 ? path : path.slice(0, special)).toLowerCase();
};

/** The request path in lower case, made once for all the routes it is tried against. */
let lastPath = '';
let lastLowerCased = '';
const lowerCased = (path: string): string => (path === lastPath ? lastLowerCased : (lastLowerCased = (lastPath = path).toLowerCase()));
