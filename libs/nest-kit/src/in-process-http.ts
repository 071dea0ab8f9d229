import { IncomingMessage, type OutgoingHttpHeaders, type RequestListener, ServerResponse } from 'node:http';
import { Duplex } from 'node:stream';

/** A request to an application in this process: what would otherwise go over a socket. */
export interface InProcessRequest {
  method: string;
  /** Path and query string, as on a request line: `/api/v1/actions?werkagendaId=…`. */
  url: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body?: Buffer;
}

/** Its answer: status, the headers the application set, and the body as written. */
export interface InProcessAnswer {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
}

type Constructor<T> = new (...args: never[]) => T;

/**
 * Answers requests with `listener` (an Express application) without a socket: node's own request
 * and answer objects, made as node's server makes them, given a connection that is no connection
 * (from loopback, writes go nowhere). So every middleware, guard and handler runs as for a request
 * over HTTP (the answer's headers, Content-Length, 304s, 'finish' and 'close'), and what the
 * application writes is kept as the answer. No HTTP is parsed or written at either end, and no
 * socket written to: in the embedded shape the portal's calls to the API of its own process cost
 * that much less (docs/performance.md, session 18).
 */
export function inProcessHttp(
  listener: RequestListener,
  requests: Constructor<IncomingMessage> = IncomingMessage,
  answers: Constructor<ServerResponse> = ServerResponse,
): (request: InProcessRequest) => Promise<InProcessAnswer> {
  const Request = requests as unknown as new (socket: NoConnection) => IncomingMessage;
  const Answer = answers as unknown as new (req: IncomingMessage) => ServerResponse;
  return (request) =>
    new Promise<InProcessAnswer>((resolve, reject) => {
      const connection = new NoConnection();
      const req = new Request(connection);
      req.method = request.method;
      req.url = request.url;
      req.httpVersionMajor = 1;
      req.httpVersionMinor = 1;
      req.httpVersion = '1.1';
      const headers: Record<string, string> = { ...request.headers };
      if (request.body !== undefined) headers['content-length'] = String(request.body.length);
      req.headers = headers;
      req.rawHeaders = Object.entries(headers).flat();
      if (request.body !== undefined && request.body.length > 0) req.push(request.body);
      req.push(null);
      req.complete = true;

      const res = new Answer(req);
      const chunks: Buffer[] = [];
      keepWrites(res, chunks);
      res.assignSocket(connection as never);
      res.once('finish', () => {
        if (!req.readableEnded) req.resume(); // a body no one read, as node's server drains it
        res.detachSocket(connection as never);
        const bodiless = request.method === 'HEAD' || res.statusCode === 204 || res.statusCode === 304;
        resolve({ status: res.statusCode, headers: res.getHeaders(), body: bodiless ? EMPTY : Buffer.concat(chunks) });
        process.nextTick(() => {
          res.destroyed = true;
          res.emit('close');
        });
      });
      res.once('error', reject);
      // An answer destroyed before it was finished (a handler that gives up on it): over HTTP the
      // caller sees the connection close; here it sees this. The connection's own error is that one.
      res.once(
        'close',
        () => res.writableFinished || reject(new Error(`het antwoord op ${request.method} ${request.url} werd afgebroken`)),
      );
      connection.on('error', () => undefined);
      try {
        listener(req, res);
      } catch (error) {
        reject(error);
      }
    });
}

const EMPTY = Buffer.alloc(0);

/**
 * Keeps what is written to `res`, as written (before node frames it): own properties, since
 * Express gives every answer its own prototype, and they must survive that.
 */
function keepWrites(res: ServerResponse, chunks: Buffer[]): void {
  const keep = (chunk: unknown, encoding: unknown): void => {
    if (typeof chunk === 'string') chunks.push(Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'));
    else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  };
  const { write, end } = ServerResponse.prototype;
  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    keep(chunk, rest[0]);
    return Reflect.apply(write, this, [chunk, ...rest]) as boolean;
  } as ServerResponse['write'];
  res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    keep(chunk, rest[0]);
    return Reflect.apply(end, this, [chunk, ...rest]) as ServerResponse;
  } as ServerResponse['end'];
}

/**
 * The connection of an in-process request: from loopback (as the portal's calls over HTTP came,
 * so the login count by the browser's X-Forwarded-For address is the same), open but sending
 * nothing (the body is in the request already; a closed one would tell the body parsers that
 * the request was over), and every write accepted and dropped: the answer is kept where it is
 * written (`keepWrites`).
 */
class NoConnection extends Duplex {
  readonly remoteAddress = '127.0.0.1';
  readonly remoteFamily = 'IPv4';
  readonly remotePort = 0;
  readonly localAddress = '127.0.0.1';
  readonly localPort = 0;
  readonly encrypted = false;

  override _read(): void {}

  override _write(_chunk: unknown, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    callback();
  }

  override _writev(_chunks: unknown[], callback: (error?: Error | null) => void): void {
    callback();
  }

  setTimeout(): this {
    return this;
  }

  setNoDelay(): this {
    return this;
  }

  setKeepAlive(): this {
    return this;
  }
}
