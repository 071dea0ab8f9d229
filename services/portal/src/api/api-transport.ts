import { STATUS_CODES } from 'node:http';
import type { InProcessAnswer, InProcessRequest } from '@regie/nest-kit';

/** One call of the API: the path with its query string (`/api/v1/actions?…`), headers, a JSON body. */
export interface ApiCall {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** What the portal reads of an answer: the part of fetch's `Response` it uses. */
export interface ApiAnswer {
  readonly status: number;
  readonly ok: boolean;
  readonly statusText: string;
  readonly headers: { get(name: string): string | null };
  json(): Promise<unknown>;
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** How the portal reaches the API: over HTTP, or in its own process. */
export type ApiTransport = (call: ApiCall) => Promise<ApiAnswer>;

/** The API at `baseUrl` (REGIE_API_URL: the distributed shape, where the portal is a process of its own). */
export function overHttp(baseUrl: string): ApiTransport {
  return ({ method, path, headers, body }) => fetch(new URL(path, baseUrl), { method, headers, body, redirect: 'manual' });
}

/**
 * The API of the process the portal runs in (the embedded default), answered without a socket:
 * the same middleware, guards and handlers as over HTTP, without HTTP's work at both ends (on a
 * portal page: undici's fetch was 28 % of the page's CPU time; docs/performance.md, session 18).
 */
export function inProcess(dispatch: (request: InProcessRequest) => Promise<InProcessAnswer>): ApiTransport {
  return async ({ method, path, headers, body }) =>
    new InProcessApiAnswer(await dispatch({ method, url: path, headers, body: body === undefined ? undefined : Buffer.from(body) }));
}

class InProcessApiAnswer implements ApiAnswer {
  readonly status: number;
  readonly headers: { get(name: string): string | null };

  constructor(private readonly answer: InProcessAnswer) {
    this.status = answer.status;
    this.headers = { get: (name) => headerText(answer.headers[name.toLowerCase()]) };
  }

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  get statusText(): string {
    return STATUS_CODES[this.status] ?? '';
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  async text(): Promise<string> {
    return this.answer.body.toString('utf8');
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const { body } = this.answer;
    return body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer;
  }
}

const headerText = (value: number | string | string[] | undefined): string | null =>
  value === undefined ? null : Array.isArray(value) ? value.join(', ') : String(value);
