import { Body, Controller, Get, type INestApplication, Param, Post, Req, Res } from '@nestjs/common';
import { ExpressAdapter } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import express, { type Express, type Request, type Response } from 'express';
import type { IncomingMessage } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import request from 'supertest';
import { ExpressServerAdapter, withPlainWildcards } from './express-server';

@Controller()
class EchoController {
  @Get('echo')
  echo(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
    res.cookie('sessie', 'abc', { httpOnly: true });
    return { header: req.get('x-vraag'), path: req.path, query: req.query };
  }

  @Post('echo')
  posted(@Body() body: unknown) {
    return { body };
  }

  @Get('elders')
  elsewhere(@Res() res: Response) {
    res.redirect(303, '/echo');
  }
}

/** V8's own test of an object's property storage (`%HasFastProperties`), switched on for this file. */
setFlagsFromString('--allow-natives-syntax');
const hasFastProperties = new Function('o', 'return %HasFastProperties(o)') as (o: object) => boolean;

describe('ExpressServerAdapter: node creates requests and answers with Express prototypes', () => {
  let app: INestApplication;
  const prototypesAtArrival: [object | null, object | null][] = [];
  const fastWhenAnswered: boolean[] = [];

  beforeAll(async () => {
    const module = await Test.createTestingModule({ controllers: [EchoController] }).compile();
    app = module.createNestApplication(new ExpressServerAdapter(), { logger: false });
    // Before Express's own listener: what node made, before Express could change it.
    app.getHttpServer().prependListener('request', (req: IncomingMessage, res: object) => {
      prototypesAtArrival.push([Object.getPrototypeOf(req), Object.getPrototypeOf(res)]);
      (res as NodeJS.EventEmitter).once('finish', () => fastWhenAnswered.push(hasFastProperties(req) && hasFastProperties(res)));
    });
    await app.init();
  });
  afterAll(() => app.close());

  it("gives every request and answer Express's prototypes from the start, so Express changes none", async () => {
    await request(app.getHttpServer()).get('/echo').expect(200);
    await request(app.getHttpServer()).get('/echo').expect(200);
    const express = app.getHttpAdapter().getInstance() as Express;
    expect(prototypesAtArrival).toHaveLength(2);
    for (const [req, res] of prototypesAtArrival) {
      expect(req).toBe(express.request);
      expect(res).toBe(express.response);
    }
  });

  // An answer made by calling node's constructor on an object of another function (as until session
  // 23) kept its properties in a dictionary: every property node and Express read or set on it was
  // a hash lookup (docs/performance.md, session 23).
  it('makes requests and answers whose properties V8 keeps fast, not in a dictionary', async () => {
    fastWhenAnswered.length = 0;
    await request(app.getHttpServer()).get('/echo').expect(200);
    await request(app.getHttpServer()).post('/echo').send({ x: 1 }).expect(201);
    expect(fastWhenAnswered).toEqual([true, true]);
  });

  it("answers with Express's request and answer methods as before", async () => {
    const answer = await request(app.getHttpServer()).get('/echo?a=1').set('x-vraag', 'hoi').expect(200);
    expect(answer.body).toEqual({ header: 'hoi', path: '/echo', query: { a: '1' } });
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(answer.headers['set-cookie']).toEqual(['sessie=abc; Path=/; HttpOnly']);
    await request(app.getHttpServer())
      .post('/echo')
      .send({ x: 1 })
      .expect(201, { body: { x: 1 } });
    await request(app.getHttpServer()).get('/elders').expect(303).expect('location', '/echo');
  });
});

@Controller()
class AnswersController {
  @Get('persoon')
  person() {
    return { naam: 'verzegeld', functie: 'coördinator' };
  }

  @Get('tekst')
  text() {
    return 'verzegeld';
  }

  @Get('kapot')
  broken() {
    return { naam: 'kapot' };
  }

  /** As a read model's kept answer: the same frozen object at every request, with a revision as ETag. */
  @Get('bewaard')
  kept(@Res({ passthrough: true }) res: Response) {
    res.setHeader('ETag', '"7"');
    return KEPT;
  }

  /** A kept answer with a name in it: the step opens it at every request. */
  @Get('bewaard-met-naam')
  keptWithName() {
    return KEPT_WITH_NAME;
  }
}

const KEPT = Object.freeze({ code: '2.1', titel: 'Pilotregio’s', mijlpalen: Object.freeze([Object.freeze({ datum: '2026-10-15' })]) });
const KEPT_WITH_NAME = Object.freeze({ naam: 'verzegeld', functie: 'actiehouder' });

describe('ExpressServerAdapter: every object a handler answers passes the answer step before it is written', () => {
  let app: INestApplication;
  let forgotten = false;

  beforeAll(async () => {
    const module = await Test.createTestingModule({ controllers: [AnswersController] }).compile();
    const adapter = new ExpressServerAdapter();
    // As CoreModule opens personal data: at once when there is nothing to open, else after a wait.
    adapter.answerWith((body) => {
      const answer = body as { naam?: string };
      if (answer.naam === 'kapot') return Promise.reject(new Error('de sleutels zijn niet te lezen'));
      if (answer.naam !== 'verzegeld') return body;
      return new Promise((resolve) => setTimeout(() => resolve({ ...answer, naam: forgotten ? '[verwijderd]' : 'C. de Vries' }), 5));
    });
    app = module.createNestApplication(adapter, { logger: false });
    await app.init();
  });
  afterAll(() => app.close());

  it('writes what the step made of the answer', async () => {
    await request(app.getHttpServer()).get('/persoon').expect(200, { naam: 'C. de Vries', functie: 'coördinator' });
  });

  it('leaves text alone', async () => {
    await request(app.getHttpServer()).get('/tekst').expect(200, 'verzegeld');
  });

  it('writes a kept (frozen) answer as any other, every time: the same JSON and headers, HEAD without a body, 304 for its ETag', async () => {
    const http = app.getHttpServer();
    for (let i = 0; i < 3; i++) {
      const answer = await request(http).get('/bewaard').expect(200);
      expect(answer.text).toBe(JSON.stringify(KEPT));
      expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(answer.headers['content-length']).toBe(String(Buffer.byteLength(JSON.stringify(KEPT))));
      expect(answer.headers.etag).toBe('"7"');
    }
    const head = await request(http).head('/bewaard').expect(200);
    expect(head.text).toBeUndefined();
    await request(http).get('/bewaard').set('If-None-Match', '"7"').expect(304);
  });

  it('opens the names of a kept answer at every request: a forgotten name is not written from an earlier answer', async () => {
    const http = app.getHttpServer();
    await request(http).get('/bewaard-met-naam').expect(200, { naam: 'C. de Vries', functie: 'actiehouder' });
    forgotten = true;
    await request(http).get('/bewaard-met-naam').expect(200, { naam: '[verwijderd]', functie: 'actiehouder' });
  });

  it('answers an error, not the unopened answer, when the step fails', async () => {
    const answer = await request(app.getHttpServer()).get('/kapot').expect(500);
    expect(answer.text).not.toContain('kapot');
  });
});

/** Routes of the shapes the platform has: literal, parameters, a wildcard, an optional part, one route's path a prefix of another's. */
@Controller()
class RoutesController {
  @Get('health')
  health() {
    return { route: 'health' };
  }

  @Get('health/ready')
  ready() {
    return { route: 'health/ready' };
  }

  @Get('acties/:code')
  action(@Param() params: object) {
    return { route: 'acties/:code', params };
  }

  @Get('acties/:code/voortgang')
  progress(@Param() params: object) {
    return { route: 'acties/:code/voortgang', params };
  }

  @Post('acties/:code/voortgang')
  report(@Param() params: object) {
    return { route: 'POST acties/:code/voortgang', params };
  }

  @Get('Overleggen/{:id}')
  meetings(@Param() params: object) {
    return { route: 'Overleggen/{:id}', params };
  }

  @Get('bestanden/*pad')
  files(@Param() params: object) {
    return { route: 'bestanden/*pad', params };
  }

  @Get(':slug/over')
  about(@Param() params: object) {
    return { route: ':slug/over', params };
  }

  @Get()
  home() {
    return { route: '' };
  }
}

describe('ExpressServerAdapter: routes tried by their literal start first', () => {
  const apps: INestApplication[] = [];
  afterAll(() => Promise.all(apps.map((app) => app.close())));

  const start = async (adapter: ExpressAdapter) => {
    const module = await Test.createTestingModule({ controllers: [RoutesController] }).compile();
    const app = module.createNestApplication(adapter, { logger: false });
    await app.init();
    apps.push(app);
    return app;
  };

  it('answers every path with the route (and parameters) Express itself would choose', async () => {
    const [plain, indexed] = [await start(new ExpressAdapter()), await start(new ExpressServerAdapter())];
    const paths = [
      ['GET', '/'],
      ['GET', '/health'],
      ['GET', '/HEALTH'],
      ['GET', '/health/'],
      ['GET', '/healthz'],
      ['GET', '/health/ready'],
      ['GET', '/Health/Ready/'],
      ['GET', '/acties'],
      ['GET', '/acties/'],
      ['GET', '/acties/2.1'],
      ['GET', '/ACTIES/2.1'],
      ['GET', '/acties/2.1/voortgang'],
      ['POST', '/acties/2.1/voortgang'],
      ['GET', '/acties/2%2E1/voortgang'],
      ['GET', '/acti%65s/2.1'],
      ['GET', '/acties/2.1/onbekend'],
      ['GET', '/overleggen'],
      ['GET', '/overleggen/o-1'],
      ['GET', '/Overleggen/o-1/'],
      ['GET', '/bestanden/a/b.txt'],
      ['GET', '/bestanden'],
      ['GET', '/acties/over'],
      ['GET', '/health/over'],
      ['GET', '/iets/over?x=1'],
      ['HEAD', '/acties/2.1'],
      ['OPTIONS', '/acties/2.1/voortgang'],
      ['GET', '//acties/2.1'],
    ];
    for (const [method, path] of paths) {
      const answers = await Promise.all(
        [plain, indexed].map(async (app) => {
          const answer = await request(app.getHttpServer())[method.toLowerCase() as 'get'](path);
          return { status: answer.status, body: answer.body as unknown, allow: answer.headers.allow };
        }),
      );
      expect({ method, path, ...answers[1] }).toEqual({ method, path, ...answers[0] });
    }
  });
});

describe('withPlainWildcards: a middleware for every path matched without path-to-regexp', () => {
  const paths = [
    '/',
    '/health',
    '/api/v1/actions/2.1',
    '/acties/wa17:2.1/voortgang',
    '/a.b/c-d_e~f',
    '/a;b/c,d',
    '/ü/ñ',
    '/a b',
    '/health/',
    '//health',
    '/a//b',
    '/acti%65s/2.1',
    '/a%2Fb',
    '/%',
    'health',
    '',
  ];

  it.each(['{*path}', '*path', '*rest'])('matches every path as the wildcard %s did: the same parameters, path and prefix', (wildcard) => {
    const app = express();
    app.use(`/${wildcard}`, (_req, _res, next) => next());
    const layer = (app as unknown as { router: { stack: { match(path: string): unknown }[] } }).router.stack.at(-1)!;
    const before = paths.map((path) => {
      try {
        return layer.match(path);
      } catch (error) {
        return { error: String(error) };
      }
    });
    withPlainWildcards(app);
    const after = paths.map((path) => {
      try {
        return layer.match(path);
      } catch (error) {
        return { error: String(error) };
      }
    });
    expect(after).toEqual(before);
  });

  it('leaves other middleware and routes alone', () => {
    const app = express();
    app.use('/bestanden/{*pad}', (_req, _res, next) => next());
    app.get('/{*pad}', (_req, res) => res.end());
    const stack = (app as unknown as { router: { stack: { match: unknown }[] } }).router.stack;
    const matchers = stack.map((layer) => layer.match);
    withPlainWildcards(app);
    expect(stack.map((layer) => layer.match)).toEqual(matchers);
  });
});
