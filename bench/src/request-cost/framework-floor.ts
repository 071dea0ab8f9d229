import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import express from 'express';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import autocannon from 'autocannon';
import fastify from 'fastify';
import { ExpressServerAdapter } from '@regie/nest-kit';
import { requestCost } from './cpu-per-request';

/**
 * The framework floor: what a trivial JSON route costs per request in CPU time on this machine,
 * served by node:http alone, by Express 5, by Nest 11 on Express 5 (with its default body
 * parsers, and without them as the platform creates it; and on the platform's
 * ExpressServerAdapter), by Fastify 5 and by Nest 11 on Fastify. Each server is a process of its
 * own; the kinds are measured in turn, `rounds` times, so a change of the machine's load shows as
 * a difference between rounds of the same kind rather than between kinds. Each cell: CPU time
 * per request (cpu-per-request.ts), then requests/s and p99 on one connection with autocannon
 * for 5 s, as part 2 of the bench measures the bare server.
 *
 *   node -r @swc-node/register bench/src/request-cost/framework-floor.ts [rounds] [requests]
 */
const BODY = { status: 'ok' };
const KINDS = ['bare', 'express', 'nest', 'nest-no-body-parsers', 'nest-express-server', 'fastify', 'nest-fastify'] as const;
type Kind = (typeof KINDS)[number];

@Controller()
class HealthController {
  @Get('health')
  health() {
    return BODY;
  }
}

@Module({ controllers: [HealthController] })
class FloorModule {}

/** Serves /health on a free port of 127.0.0.1 and prints the port. */
async function serve(kind: Kind): Promise<number> {
  if (kind === 'bare') {
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(BODY));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return (server.address() as { port: number }).port;
  }
  if (kind === 'express') {
    const app = express();
    app.disable('x-powered-by');
    app.set('etag', false);
    app.get('/health', (_req, res) => void res.json(BODY));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    return (server.address() as { port: number }).port;
  }
  if (kind === 'fastify') {
    const app = fastify();
    app.get('/health', async () => BODY);
    await app.listen({ port: 0, host: '127.0.0.1' });
    return (app.server.address() as { port: number }).port;
  }
  const app =
    kind === 'nest-fastify'
      ? await NestFactory.create<NestFastifyApplication>(FloorModule, new FastifyAdapter(), { logger: false })
      : kind === 'nest-express-server'
        ? await NestFactory.create<NestExpressApplication>(FloorModule, new ExpressServerAdapter(), { logger: false, bodyParser: false })
        : await NestFactory.create<NestExpressApplication>(FloorModule, { logger: false, bodyParser: kind === 'nest' });
  await app.listen(0, '127.0.0.1');
  return (app.getHttpServer().address() as { port: number }).port;
}

function start(kind: Kind): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', __filename, 'serve', kind], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout?.once('data', (data: Buffer) => resolve({ child, port: Number(String(data).trim()) }));
    child.once('exit', (code) => reject(new Error(`${kind} stopped (${code})`)));
  });
}

async function main(): Promise<void> {
  if (process.argv[2] === 'serve') {
    process.stdout.write(`${await serve(process.argv[3] as Kind)}\n`);
    return;
  }
  const [rounds = 2, amount = 3000] = process.argv.slice(2).map(Number);
  console.log(`| round | ${KINDS.join(' | ')} |\n|---|${KINDS.map(() => '---|').join('')}`);
  for (let round = 1; round <= rounds; round++) {
    const cells: string[] = [];
    for (const kind of KINDS) {
      const { child, port } = await start(kind);
      const cost = await requestCost(child.pid as number, `http://127.0.0.1:${port}/health`, { amount, warm: 2000 });
      const run = await autocannon({ url: `http://127.0.0.1:${port}/health`, connections: 1, duration: 5 });
      cells.push(`${cost.cpuMicros.toFixed(0)} µs; ${Math.round(run.requests.average)}/s, p99 ${run.latency.p99} ms`);
      child.kill();
    }
    console.log(`| ${round} | ${cells.join(' | ')} |`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
