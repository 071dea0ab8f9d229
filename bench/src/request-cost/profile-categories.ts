import { readFileSync } from 'node:fs';

/**
 * Attributes the samples of a V8 CPU profile (`node --cpu-prof`) in a time window to what every
 * request passes through: each sample goes to the innermost frame on its stack that belongs to a
 * category below (logging, security headers, body parsers, guards, interceptors, Nest, Express,
 * the pg client, the handler…). Idle samples are left out; the shares are of the busy time.
 *
 *   node -r @swc-node/register bench/src/request-cost/profile-categories.ts <file.cpuprofile> [from s] [to s] [requests]
 *
 * The profiler samples by the clock: a write that wakes the client on a loaded machine is counted
 * until the process runs again ("syscalls"), so that share is waiting as much as work.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const CATEGORIES: [string, RegExp][] = [
  [
    'logging (pino, pino-http, pino-pretty)',
    /node_modules\/(pino|pino-http|pino-pretty|sonic-boom|nestjs-pino|colorette|dateformat|fast-copy|secure-json-parse)\//,
  ],
  ['security headers (helmet)', /node_modules\/helmet\/|security-headers/],
  [
    'body parsers, media type, text check',
    /node_modules\/(body-parser|type-is|raw-body|iconv-lite|content-type|media-typer|mime-types)\/|request-bodies/,
  ],
  ['request context, ids', /request-context|es-core\/src\/ids|node_modules\/uuid\//],
  ['metrics (prom-client)', /node_modules\/prom-client\/|platform-metrics/],
  ['tracing', /http-tracing|@opentelemetry/],
  ['auth guard, JWT', /nest-kit\/src\/auth\/|node_modules\/jose\//],
  [
    'interceptors (unseal, idempotency, Nest rxjs)',
    /unseal\.interceptor|idempotency\.interceptor|answer\.interceptor|interceptors-consumer|node_modules\/rxjs\//,
  ],
  ['pipes (zod validation)', /node_modules\/(nestjs-zod|zod)\/|pipes-consumer|param\.pipe/],
  ['pg client, query', /node_modules\/(pg|pg-protocol|pg-pool|pg-types|postgres-[a-z]+)\/|es-postgres\/src/],
  ['handler and read model', /services\/[a-z-]+\/src\/|libs\/(read-model|context)\/src/],
  ['Nest routing, guards, context, reply', /node_modules\/@nestjs\//],
  [
    'Express 5 router, req/res',
    /node_modules\/(express|router|path-to-regexp|finalhandler|on-finished|send|qs|parseurl|encodeurl|cookie-parser|cookie|accepts|negotiator|proxy-addr|fresh|etag|vary|depd)\//,
  ],
  ['node http, sockets', /^node:(_http|net|internal\/stream|internal\/streams|events|stream)/],
  ['async_hooks (AsyncLocalStorage), microtasks', /^node:(async_hooks|internal\/async_hooks|internal\/process\/task_queues)/],
];

function main(): void {
  const [file, from = '0', to = '1e9', requests] = process.argv.slice(2);
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const known = new Map<number, string>();
  const categoryOf = (id: number): string => {
    const cached = known.get(id);
    if (cached) return cached;
    const { functionName, url } = nodes.get(id)!.callFrame;
    let category: string | undefined;
    if (functionName === '(idle)') category = 'idle';
    else if (functionName === '(garbage collector)') category = 'garbage collection';
    else if (!url && /^(writev|writeBuffer|writeString|writeUtf8String|writeLatin1String)$/.test(functionName))
      category = 'syscalls: socket and file writes (and waiting to run again after them)';
    else if (functionName === '(program)') category = '(program: V8, native)';
    for (let at: number | undefined = id; at !== undefined && !category; at = parent.get(at)) {
      const frameUrl = nodes.get(at)!.callFrame.url;
      category = CATEGORIES.find(([, pattern]) => pattern.test(frameUrl))?.[0];
    }
    category ??= 'other';
    known.set(id, category);
    return category;
  };
  const totals = new Map<string, number>();
  let [time, busy] = [0, 0];
  for (let i = 0; i < profile.samples.length; i++) {
    time += profile.timeDeltas[i];
    if (time / 1e6 < Number(from) || time / 1e6 > Number(to)) continue;
    const category = categoryOf(profile.samples[i]);
    if (category === 'idle') continue;
    totals.set(category, (totals.get(category) ?? 0) + profile.timeDeltas[i]);
    busy += profile.timeDeltas[i];
  }
  const perRequest = (us: number) => (requests ? `${(us / Number(requests)).toFixed(1).padStart(7)} µs  ` : '');
  console.log(
    `busy ${(busy / 1e6).toFixed(2)} s in ${from}–${to} s${requests ? `, ${(busy / Number(requests)).toFixed(0)} µs per request` : ''}`,
  );
  for (const [category, us] of [...totals].sort((a, b) => b[1] - a[1]))
    console.log(`${((100 * us) / busy).toFixed(1).padStart(5)} %  ${perRequest(us)}${category}`);
}

main();
