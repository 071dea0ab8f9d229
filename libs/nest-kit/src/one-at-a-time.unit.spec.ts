import { Controller, Get, type INestApplication, Query } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { OneAtATimeUnless } from './one-at-a-time';

/**
 * A list route that takes a while to build its answer (40 ms, or until a test lets go of `held`),
 * and notes how many are being built at once.
 */
const building = { now: 0, most: 0 };
let held: Promise<unknown> = Promise.resolve();
@Controller()
class ListController {
  @Get('list')
  @OneAtATimeUnless('werkagendaId')
  async list(@Query('werkagendaId') werkagendaId?: string) {
    building.most = Math.max(building.most, ++building.now);
    await Promise.all([new Promise((r) => setTimeout(r, 40)), held]);
    building.now--;
    return [{ werkagendaId: werkagendaId ?? 'alle' }];
  }
}

describe('answers that span every werkagenda, one at a time', () => {
  let app: INestApplication;
  beforeAll(async () => {
    const module = await Test.createTestingModule({ controllers: [ListController] }).compile();
    app = module.createNestApplication({ logger: false });
    await app.listen(0, '127.0.0.1');
  });
  afterAll(() => app.close());
  beforeEach(() => {
    Object.assign(building, { now: 0, most: 0 });
    held = Promise.resolve();
  });

  it('builds unfiltered lists one after the other, each answered in full', async () => {
    const answers = await Promise.all(Array.from({ length: 5 }, () => request(app.getHttpServer()).get('/list')));
    expect(answers.map((a) => [a.status, a.body])).toEqual(Array.from({ length: 5 }, () => [200, [{ werkagendaId: 'alle' }]]));
    expect(building.most).toBe(1);
  });

  it('lets a list of one werkagenda through at once', async () => {
    // Each build is held until all four are being built (or 5 s passed): on a busy machine 40 ms
    // could otherwise end one before the last request arrived, which proves nothing either way.
    let letGo!: () => void;
    held = new Promise<void>((resolve) => (letGo = resolve));
    const answered = Promise.all(Array.from({ length: 4 }, () => request(app.getHttpServer()).get('/list?werkagendaId=w1')));
    for (const until = Date.now() + 5000; building.now < 4 && Date.now() < until;) await new Promise((r) => setTimeout(r, 5));
    letGo();
    const answers = await answered;
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(building.most).toBe(4);
  });

  it('goes on after a client that gave up while waiting', async () => {
    const first = request(app.getHttpServer()).get('/list');
    const impatient = request(app.getHttpServer()).get('/list').timeout(10);
    await expect(impatient).rejects.toThrow();
    await first;
    expect((await request(app.getHttpServer()).get('/list')).status).toBe(200);
  });
});
