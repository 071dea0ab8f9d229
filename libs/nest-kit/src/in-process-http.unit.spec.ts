import express, { type Request, type Response } from 'express';
import { Readable } from 'node:stream';
import { inProcessHttp, type InProcessRequest } from './in-process-http';

/** A plain Express application: what the in-process request must meet as a request over HTTP does. */
function application() {
  const app = express();
  app.set('etag', 'weak');
  const finished: string[] = [];
  app.use((req, res, next) => {
    res.on('finish', () => finished.push(`finish ${req.method} ${req.path} ${res.statusCode}`));
    res.on('close', () => finished.push(`close ${req.path}`));
    next();
  });
  app.use(express.json());
  app.post('/echo', (req: Request, res: Response) => {
    res
      .status(201)
      .set('X-Eigen', 'ja')
      .json({ body: req.body as unknown, query: req.query, from: req.ip, contentType: req.get('content-type') });
  });
  app.get('/lijst', (_req, res) => {
    res.json({ items: ['één', 'twee'] });
  });
  app.get('/stroom', (_req, res) => {
    res.type('text/csv');
    Readable.from(['a;b\n', '1;2\n']).pipe(res);
  });
  app.get('/afgebroken', (_req, res) => {
    res.write('[');
    res.destroy(new Error('verbinding verbroken'));
  });
  app.get('/fout', () => {
    throw new Error('onverwacht');
  });
  app.set('trust proxy', 'loopback');
  return { app, finished };
}

const get = (url: string, headers: Record<string, string> = {}): InProcessRequest => ({ method: 'GET', url, headers });

describe('inProcessHttp: a request answered by an application in this process, without a socket', () => {
  it('gives the handler the method, path, query, headers and JSON body, and returns status, headers and body', async () => {
    const { app } = application();
    const send = inProcessHttp(app);
    const answer = await send({
      method: 'POST',
      url: '/echo?werkagenda=wa-1',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7' },
      body: Buffer.from(JSON.stringify({ naam: 'Überprüfung' })),
    });
    expect(answer.status).toBe(201);
    expect(answer.headers['x-eigen']).toBe('ja');
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
    expect(JSON.parse(answer.body.toString('utf8'))).toEqual({
      body: { naam: 'Überprüfung' },
      query: { werkagenda: 'wa-1' },
      from: '203.0.113.7', // from loopback, so a trusted proxy's X-Forwarded-For counts, as over HTTP from the same process
      contentType: 'application/json',
    });
  });

  it('answers a conditional request with 304 and no body, as over HTTP', async () => {
    const send = inProcessHttp(application().app);
    const first = await send(get('/lijst'));
    expect(JSON.parse(first.body.toString('utf8'))).toEqual({ items: ['één', 'twee'] });
    const again = await send(get('/lijst', { 'if-none-match': String(first.headers.etag) }));
    expect(again.status).toBe(304);
    expect(again.body).toHaveLength(0);
  });

  it('keeps an answer written as a stream whole', async () => {
    const answer = await inProcessHttp(application().app)(get('/stroom'));
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(answer.body.toString('utf8')).toBe('a;b\n1;2\n');
  });

  it("answers a handler's failure and an unknown path as the application does", async () => {
    const send = inProcessHttp(application().app);
    expect((await send(get('/fout'))).status).toBe(500);
    expect((await send(get('/nergens'))).status).toBe(404);
  });

  it('fails the call when the handler destroys its answer before finishing it, as a closed connection would', async () => {
    const send = inProcessHttp(application().app);
    await expect(send(get('/afgebroken'))).rejects.toThrow('het antwoord op GET /afgebroken werd afgebroken');
    expect((await send(get('/lijst'))).status).toBe(200); // the process and the application go on
  });

  it("ends every answer as node's server does: 'finish', then 'close' (the log line and the trace span wait for them)", async () => {
    const { app, finished } = application();
    await inProcessHttp(app)(get('/lijst'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(finished).toEqual(['finish GET /lijst 200', 'close /lijst']);
  });

  it('answers requests side by side, each its own', async () => {
    const send = inProcessHttp(application().app);
    const answers = await Promise.all(
      ['a', 'b', 'c'].map((naam) =>
        send({
          method: 'POST',
          url: `/echo?n=${naam}`,
          headers: { 'content-type': 'application/json' },
          body: Buffer.from(JSON.stringify({ naam })),
        }),
      ),
    );
    expect(answers.map((a) => (JSON.parse(a.body.toString('utf8')) as { body: { naam: string } }).body.naam)).toEqual(['a', 'b', 'c']);
  });
});
