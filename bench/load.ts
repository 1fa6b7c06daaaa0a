/**
 * `npm run load`: a bounded load test of HTTP interactions mode on loopback.
 *
 * The server runs in a child process (this file with `--serve`, under `--expose-gc`), exactly as
 * `BOT_MODE=http` runs it: signature checks, the InteractionService, info-level logs (written to
 * /dev/null). The parent pre-signs a mix of real interactions (commands, autocomplete, PING) with
 * a test key pair and fires them with autocannon:
 *   1. a warm-up, then the measured run (default 20,000 requests at concurrency 64):
 *      req/s, p50/p99 latency, errors, non-2xx, bodies that are not an interaction response;
 *   2. a soak (default 200,000 requests, in four legs): the server's memory (RSS, heap after a
 *      full GC) before and after each leg. Latency figures of the soak are the worst leg's.
 * Exits non-zero on any error. Options: --requests N --connections N --soak N (0 skips it).
 *
 * `--replicas N` (N ≥ 2) instead runs the command mix against N replicas at once, as behind a load
 * balancer (each replica gets its share of the connections and requests), twice: cooldowns per
 * replica (in memory), then shared through a redis-server this run starts on a loopback port
 * (REDIS_URL). Throughput is all requests over the longer run; p99 is the worse replica's.
 * Not part of `npm test`.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { openSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

// ---------------------------------------------------------------------------------------------
// The server side (child process)

interface MemorySample {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
}

/** Time from request to response finished, inside the server (no queueing in the client). */
interface ServerTimes {
  count: number;
  p50: number;
  p99: number;
  max: number;
  /** Commands let through uncounted because Redis was unreachable (Redis mode). */
  failedOpen?: number;
}

/**
 * Server-side times in fixed memory (10 µs buckets up to 1 s), so measuring them does not show up
 * in the soak's memory figures.
 */
class TimeHistogram {
  private static readonly BUCKET_MS = 0.01;
  private readonly counts = new Uint32Array(100_000);
  private count = 0;
  private max = 0;

  add(ms: number): void {
    const bucket = Math.min(this.counts.length - 1, Math.floor(ms / TimeHistogram.BUCKET_MS));
    this.counts[bucket] = (this.counts[bucket] ?? 0) + 1;
    this.count += 1;
    this.max = Math.max(this.max, ms);
  }

  private quantile(q: number): number {
    const target = Math.ceil(q * this.count);
    let seen = 0;
    for (let bucket = 0; bucket < this.counts.length; bucket++) {
      seen += this.counts[bucket] ?? 0;
      if (seen >= target) return (bucket + 1) * TimeHistogram.BUCKET_MS;
    }
    return this.max;
  }

  summary(): ServerTimes {
    return { count: this.count, p50: this.quantile(0.5), p99: this.quantile(0.99), max: this.max };
  }

  reset(): void {
    this.counts.fill(0);
    this.count = 0;
    this.max = 0;
  }
}

type ToParent = { ready: number } | { memory: MemorySample } | { times: ServerTimes };
type ToChild = 'memory' | 'times' | 'stop';

async function serve(publicKey: string, redisUrl: string | undefined): Promise<void> {
  const { commands } = await import('../commands/index.js');
  const { bootstrap } = await import('../src/bot/bootstrap.js');
  const { cooldownsFor } = await import('../src/bot/startup.js');
  const { startHttpServer } = await import('../src/discord/http/server.js');
  const { createLogger } = await import('../src/logging/logger.js');
  const router = await bootstrap(commands);
  const logger = createLogger('info', openSync('/dev/null', 'w'));
  // The commands are measured, not refused: every request may run its command, but each one is
  // still counted (in Redis, with REDIS_URL), as in production.
  const cooldown = { commands: 1_000_000_000, windowMs: 1000 };
  const cooldowns = await cooldownsFor({ cooldown, redisUrl }, logger);
  const http = await startHttpServer(
    router,
    { publicKey, cooldown, cooldowns, port: 0, host: '127.0.0.1' },
    logger,
  );
  const send = (message: ToParent): boolean => process.send?.(message) ?? false;
  const times = new TimeHistogram();
  let failedOpenBefore = 0;
  http.server.prependListener('request', (_req, res) => {
    const started = performance.now();
    res.once('finish', () => times.add(performance.now() - started));
  });
  process.on('message', (message: ToChild) => {
    if (message === 'times') {
      // Like the times, counted since the last time asked (a warm-up is not part of a run).
      const total = (cooldowns as { failedOpen?: number }).failedOpen;
      const failedOpen = total === undefined ? {} : { failedOpen: total - failedOpenBefore };
      failedOpenBefore = total ?? 0;
      send({ times: { ...times.summary(), ...failedOpen } });
      times.reset();
    } else if (message === 'memory') {
      const gc = (globalThis as { gc?: () => void }).gc;
      gc?.();
      gc?.();
      const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
      send({ memory: { rss, heapUsed, heapTotal, external } });
    } else if (message === 'stop') {
      void http
        .stop()
        .then(() => cooldowns.close())
        .finally(() => process.exit(0));
    }
  });
  send({ ready: http.port });
}

// ---------------------------------------------------------------------------------------------
// autocannon (no bundled types: the part used here)

interface AutocannonRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p90: number; p99: number; max: number; average: number };
  throughput: { average: number };
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  mismatches: number;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  amount: number;
  requests: AutocannonRequest[];
  verifyBody: (body: string) => boolean;
  timeout: number;
}) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

// ---------------------------------------------------------------------------------------------
// Requests

let counter = 0;
/** Distinct 19-digit ids. */
const id = (): string => String(1_200_000_000_000_000_000n + BigInt(++counter));

function interaction(type: number, data: unknown, userId: string): unknown {
  const guildId = '1100000000000000001';
  return {
    id: id(),
    application_id: '1100000000000000002',
    type,
    data,
    guild_id: guildId,
    channel_id: '1100000000000000003',
    member: {
      user: { id: userId, username: 'reader', discriminator: '0', global_name: null, avatar: null },
    },
    token: `token-${counter}`,
    version: 1,
    locale: 'en-US',
    app_permissions: '0',
    entitlements: [],
    authorizing_integration_owners: { 0: guildId },
    context: 0,
  };
}

const sub = (name: string, options: unknown[] = []) => [{ name, type: 1, options }];
const str = (name: string, value: string, focused = false) => ({
  name,
  type: 3,
  value,
  ...(focused ? { focused: true } : {}),
});

/** The mix: what users of the bot run, weighted roughly like real use. */
function workload(): Mix {
  const story = (name: string, options: unknown[] = []) => ({
    type: 2,
    data: { id: '1', name: 'story', type: 1, options: sub(name, options) },
  });
  const quote = (text: string) => ({
    type: 2,
    data: { id: '2', name: 'quote', type: 1, options: [str('text', text)] },
  });
  const complete = (text: string) => ({
    type: 4,
    data: { id: '2', name: 'quote', type: 1, options: [str('text', text, true)] },
  });
  return [
    story('review-status'),
    story('timeline'),
    story('sources'),
    story('who', [str('name', 'Covington')]),
    story('ask', [str('question', 'Who is conducting the review?')]),
    story('ask', [str('question', 'Did Microsoft find evidence of harm in Gaza?')]),
    quote('urgent review'),
    quote('"full and urgent review"'),
    quote('survellance Palestinians'),
    quote('Microsoft'),
    quote('zebra crossing'),
    complete('hostag'),
    complete('azure'),
    complete('un'),
    { type: 1, data: undefined },
  ];
}

type Mix = { type: number; data: unknown }[];
const PING_ONLY: Mix = [{ type: 1, data: undefined }];

function signedRequests(privateKey: KeyObject, users: number, mix: Mix): AutocannonRequest[] {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const requests: AutocannonRequest[] = [];
  for (let u = 0; u < users; u++) {
    for (const { type, data } of mix) {
      const body = JSON.stringify(
        interaction(type, data, String(1_300_000_000_000_000_000n + BigInt(u))),
      );
      const signature = sign(null, Buffer.from(timestamp + body), privateKey).toString('hex');
      requests.push({
        method: 'POST',
        path: '/interactions',
        headers: {
          'content-type': 'application/json',
          'x-signature-ed25519': signature,
          'x-signature-timestamp': timestamp,
        },
        body,
      });
    }
  }
  return requests;
}

// ---------------------------------------------------------------------------------------------
// The run (parent process)

const isInteractionResponse = (body: string): boolean => /^\{"type":[1478]\b/.test(body);

function startServer(
  publicKey: string,
  redisUrl?: string,
): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(fileURLToPath(import.meta.url), ['--serve'], {
    execArgv: ['--expose-gc', '--import', import.meta.resolve('tsx')],
    env: {
      ...process.env,
      LOAD_PUBLIC_KEY: publicKey,
      ...(redisUrl ? { LOAD_REDIS_URL: redisUrl } : {}),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start in 30 s')), 30_000);
    child.once('exit', (code) => reject(new Error(`server exited early (${code})`)));
    child.on('message', (message: ToParent) => {
      if ('ready' in message) {
        clearTimeout(timer);
        resolve({ child, port: message.ready });
      }
    });
  });
}

function ask<K extends 'memory' | 'times'>(
  child: ChildProcess,
  what: K,
): Promise<K extends 'memory' ? MemorySample : ServerTimes> {
  type Answer = K extends 'memory' ? MemorySample : ServerTimes;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${what} from the server in 10 s`)), 10_000);
    const onMessage = (message: ToParent): void => {
      if (what in message) {
        clearTimeout(timer);
        child.off('message', onMessage);
        resolve((message as Record<K, Answer>)[what]);
      }
    };
    child.on('message', onMessage);
    child.send(what satisfies ToChild);
  });
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function report(label: string, r: AutocannonResult, amount: number, server: ServerTimes): string {
  const ms = (n: number): string => n.toFixed(2);
  return [
    `${label}: ${amount} requests in ${r.duration.toFixed(2)} s`,
    `  throughput  ${Math.round(amount / r.duration)} req/s (autocannon per-second average ${Math.round(r.requests.average)})`,
    `  latency     p50 ${r.latency.p50} ms · p90 ${r.latency.p90} ms · p99 ${r.latency.p99} ms · max ${r.latency.max} ms`,
    `  in server   p50 ${ms(server.p50)} ms · p99 ${ms(server.p99)} ms · max ${ms(server.max)} ms (request in → response out, ${server.count} requests)`,
    `  problems    errors ${r.errors} · timeouts ${r.timeouts} · non-2xx ${r.non2xx} · bad bodies ${r.mismatches}`,
  ].join('\n');
}

const failed = (r: AutocannonResult): boolean =>
  r.errors + r.timeouts + r.non2xx + r.mismatches > 0;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      requests: { type: 'string', default: '20000' },
      connections: { type: 'string', default: '64' },
      soak: { type: 'string', default: '200000' },
      users: { type: 'string', default: '64' },
      replicas: { type: 'string', default: '1' },
    },
  });
  const amount = Number(values.requests);
  const connections = Number(values.connections);
  const soak = Number(values.soak);
  const users = Number(values.users);
  const replicas = Number(values.replicas);

  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const publicHex = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
  if (replicas > 1) {
    const ok = await replicaRuns({ publicHex, privateKey, amount, connections, users, replicas });
    if (!ok) {
      console.error('load test FAILED: some requests errored or were not answered with 2xx');
      process.exitCode = 1;
    }
    return;
  }
  const { child, port } = await startServer(publicHex);
  const url = `http://127.0.0.1:${port}`;
  const run = (n: number, mix = workload()): Promise<AutocannonResult> =>
    autocannon({
      url,
      connections,
      amount: n,
      // Signed just before each run: timestamps stay well inside Discord's 5-minute window.
      requests: signedRequests(privateKey, users, mix),
      verifyBody: isInteractionResponse,
      timeout: 10,
    });

  let ok = true;
  try {
    console.log(
      `HTTP interactions mode on ${url}: ${workload().length} kinds of interaction × ${users} users, signed; concurrency ${connections}`,
    );
    await run(Math.min(2000, amount)); // warm-up (JIT, caches); not reported
    await ask(child, 'times');
    const measured = await run(amount);
    console.log(report('load (command mix)', measured, amount, await ask(child, 'times')));
    ok &&= !failed(measured);
    // The endpoint's own cost (signature, parsing, logging) without a command's.
    const door = await run(amount, PING_ONLY);
    console.log(report('load (PING only)', door, amount, await ask(child, 'times')));
    ok &&= !failed(door);

    if (soak > 0) {
      // In four legs, sampling memory after each: a leak shows as a trend, not one difference.
      const legs = 4;
      const samples = [await ask(child, 'memory')];
      const results: AutocannonResult[] = [];
      for (let leg = 0; leg < legs; leg++) {
        results.push(await run(Math.ceil(soak / legs)));
        samples.push(await ask(child, 'memory'));
      }
      const total: AutocannonResult = {
        ...results.at(-1)!,
        duration: results.reduce((n, r) => n + r.duration, 0),
        errors: results.reduce((n, r) => n + r.errors, 0),
        timeouts: results.reduce((n, r) => n + r.timeouts, 0),
        non2xx: results.reduce((n, r) => n + r.non2xx, 0),
        mismatches: results.reduce((n, r) => n + r.mismatches, 0),
        latency: {
          ...results.at(-1)!.latency,
          p50: Math.max(...results.map((r) => r.latency.p50)),
          p90: Math.max(...results.map((r) => r.latency.p90)),
          p99: Math.max(...results.map((r) => r.latency.p99)),
          max: Math.max(...results.map((r) => r.latency.max)),
        },
      };
      console.log(report('soak (command mix)', total, soak, await ask(child, 'times')));
      const before = samples[0]!;
      const after = samples.at(-1)!;
      console.log(
        `  memory      heap after full GC: ${samples.map((m) => mb(m.heapUsed)).join(' → ')} · RSS: ${samples.map((m) => mb(m.rss)).join(' → ')}`,
        `\n              change over the soak: heap ${mb(after.heapUsed - before.heapUsed)}, RSS ${mb(after.rss - before.rss)}`,
      );
      ok &&= !failed(total);
    }
  } finally {
    child.send('stop' satisfies ToChild);
  }
  if (!ok) {
    console.error('load test FAILED: some requests errored or were not answered with 2xx');
    process.exitCode = 1;
  }
}

interface ReplicaPlan {
  publicHex: string;
  privateKey: KeyObject;
  amount: number;
  connections: number;
  users: number;
  replicas: number;
}

/**
 * The command mix against several replicas at once, cooldowns per replica and then shared through
 * Redis: what sharing costs. Each replica gets connections/N and requests/N, all at the same time.
 */
async function replicaRuns(plan: ReplicaPlan): Promise<boolean> {
  const { RedisServer } = await import('../test/e2e/support/redis.js');
  let ok = true;
  const rows: string[] = [];
  for (const shared of [false, true]) {
    const redis = shared ? await RedisServer.start() : undefined;
    const servers = await Promise.all(
      Array.from({ length: plan.replicas }, () => startServer(plan.publicHex, redis?.url)),
    );
    try {
      const run = (port: number, n: number): Promise<AutocannonResult> =>
        autocannon({
          url: `http://127.0.0.1:${port}`,
          connections: Math.max(1, Math.round(plan.connections / plan.replicas)),
          amount: n,
          requests: signedRequests(plan.privateKey, plan.users, workload()),
          verifyBody: isInteractionResponse,
          timeout: 10,
        });
      const share = Math.ceil(plan.amount / plan.replicas);
      await Promise.all(servers.map((s) => run(s.port, Math.min(2000, share)))); // warm-up
      await Promise.all(servers.map((s) => ask(s.child, 'times')));
      const results = await Promise.all(servers.map((s) => run(s.port, share)));
      const inServer = await Promise.all(servers.map((s) => ask(s.child, 'times')));
      const label = `${plan.replicas} replicas, cooldowns ${shared ? 'shared through Redis' : 'per replica (memory)'}`;
      results.forEach((r, i) =>
        console.log(report(`${label}, replica ${i + 1}`, r, share, inServer[i]!)),
      );
      const total = share * plan.replicas;
      const seconds = Math.max(...results.map((r) => r.duration));
      const worst = (pick: (r: AutocannonResult) => number): number =>
        Math.max(...results.map(pick));
      const failedOpen = inServer.reduce((n, t) => n + (t.failedOpen ?? 0), 0);
      rows.push(
        `| ${shared ? 'Redis' : 'memory'} | ${total} | ${Math.round(total / seconds)} | ` +
          `${worst((r) => r.latency.p50)} ms | ${worst((r) => r.latency.p99)} ms | ` +
          `${Math.max(...inServer.map((t) => t.p50)).toFixed(2)} / ${Math.max(...inServer.map((t) => t.p99)).toFixed(2)} ms | ` +
          `${results.reduce((n, r) => n + r.errors + r.timeouts, 0)} / ${results.reduce((n, r) => n + r.non2xx + r.mismatches, 0)}` +
          `${shared ? ` | ${failedOpen}` : ' | –'} |`,
      );
      // A command fails open when Redis does not answer within 1 s (an overloaded machine can do
      // that); more than a few means Redis was not really in use, and the figures say nothing.
      ok &&= results.every((r) => !failed(r)) && failedOpen <= total / 100;
    } finally {
      await Promise.all(servers.map((s) => stopServer(s.child)));
      await redis?.stop();
    }
  }
  console.log(
    `\n${plan.replicas} replicas, concurrency ${plan.connections} in all, the command mix:\n` +
      '| cooldowns | requests | req/s | p50 (worse replica) | p99 (worse replica) | in server p50 / p99 | errors / non-2xx | failed open |\n' +
      '| --- | --- | --- | --- | --- | --- | --- | --- |\n' +
      rows.join('\n'),
  );
  return ok;
}

/** Asks a server child to stop and waits (bounded) until it has exited. */
function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.send('stop' satisfies ToChild);
  });
}

if (process.argv.includes('--serve')) {
  await serve(process.env.LOAD_PUBLIC_KEY ?? '', process.env.LOAD_REDIS_URL || undefined);
} else {
  await main();
}
