/**
 * The HTTP endpoint's door: signature before anything is parsed, bounded bodies and timeouts, the
 * right 4xx for every client mistake, and one log line per request without secrets.
 */
import { connect } from 'node:net';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CommandRouter } from '../../../src/bot/router.js';
import { createHttpServer, type HttpServerOptions } from '../../../src/discord/http/server.js';
import { RefusalTally } from '../../../src/discord/http/refusals.js';
import { createLogger } from '../../../src/logging/logger.js';
import { MemoryLog } from '../../e2e/support/bot.js';
import { seedRouter } from '../../support/seed.js';
import { closeNow, listenLocal, post, TestSigner } from './support/signed.js';

const signer = new TestSigner();
let router: CommandRouter;
let server: Server | undefined;
let log: MemoryLog;

beforeAll(async () => {
  router = await seedRouter();
});
afterEach(async () => {
  if (server) await closeNow(server);
  server = undefined;
});
afterAll(() => {
  expect(log.text().toLowerCase()).not.toContain(signer.publicKeyHex.toLowerCase());
});

async function start(options: HttpServerOptions = {}, level = 'debug'): Promise<string> {
  log = new MemoryLog();
  server = createHttpServer(
    router,
    { publicKey: signer.publicKeyHex, cooldown: { commands: 1000, windowMs: 1000 } },
    createLogger(level, log.stream),
    options,
  );
  return listenLocal(server);
}

const PING = JSON.stringify({
  id: '1300000000000000001',
  type: 1,
  application_id: '2',
  token: 't',
  version: 1,
});
const port = (): number => (server?.address() as AddressInfo).port;

/** Writes raw bytes on a fresh connection; resolves with everything the server sent until it closed. */
function raw(
  chunks: (string | Buffer)[],
  { closeAfterMs = 4000, gapMs = 0 }: { closeAfterMs?: number; gapMs?: number } = {},
): Promise<{ text: string; closed: boolean; ms: number }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = connect(port(), '127.0.0.1');
    let text = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ text, closed: false, ms: performance.now() - started });
    }, closeAfterMs);
    socket.on('data', (d: Buffer) => (text += d.toString()));
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ text, closed: true, ms: performance.now() - started });
    });
    void (async () => {
      for (const chunk of chunks) {
        if (socket.destroyed) return;
        socket.write(chunk);
        if (gapMs) await new Promise((r) => setTimeout(r, gapMs));
      }
    })();
  });
}

describe('HTTP interactions endpoint: the door', () => {
  it('answers a signed PING with PONG, as JSON', async () => {
    const base = await start();
    const answer = await post(`${base}/interactions`, PING, signer.headers(PING));
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ type: 1 });
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('refuses with 401 a request without signature, with a forged one, or with a tampered body', async () => {
    const base = await start();
    const url = `${base}/interactions`;
    const { 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp } =
      signer.headers(PING);
    const forged = new TestSigner().headers(PING);
    const cases: Record<string, string>[] = [
      {},
      { 'x-signature-timestamp': timestamp! },
      { 'x-signature-ed25519': signature! },
      { 'x-signature-ed25519': 'not hex', 'x-signature-timestamp': timestamp! },
      forged,
    ];
    for (const headers of cases) expect((await post(url, PING, headers)).status).toBe(401);
    const tampered = PING.replace('"type":1', '"type":2');
    expect((await post(url, tampered, signer.headers(PING))).status).toBe(401);
    expect(
      (
        await post(url, PING, {
          ...signer.headers(PING),
          'x-signature-timestamp': String(Number(timestamp) - 1),
        })
      ).status,
    ).toBe(401);
  });

  it('refuses with 401 a correctly signed request stamped more than five minutes ago or ahead', async () => {
    const base = await start();
    // A minute past the five-minute window either way: a slow machine between
    // signing and checking must not bring a "future" stamp back inside it.
    // The exact boundary is tested in signature.test.ts with a fixed clock.
    const now = Math.floor(Date.now() / 1000);
    for (const stamp of [now - 360, now + 360, 0]) {
      const answer = await post(`${base}/interactions`, PING, signer.headers(PING, stamp));
      expect(answer.status).toBe(401);
    }
    expect(log.lines.filter((l) => l.reason === 'stale timestamp')).toHaveLength(3);
  });

  it('refuses with 400 a signed body that is not JSON, or JSON that is not an interaction', async () => {
    const base = await start();
    for (const body of ['{not json', '', '[]', 'null', '{"type":2}', '{"id":"1","type":"2"}']) {
      const answer = await post(`${base}/interactions`, body, signer.headers(body));
      expect(answer.status, body).toBe(400);
      expect(answer.json).toMatchObject({ error: expect.any(String) as unknown });
    }
  });

  it('refuses with 413 a declared Content-Length over the limit without waiting for the body', async () => {
    await start({ bodyLimitBytes: 1024 });
    const head =
      'POST /interactions HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\n' +
      `content-length: ${10 * 1024 * 1024}\r\n` +
      Object.entries(signer.headers(PING))
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('') +
      '\r\n';
    // Only the headers are sent: the answer cannot depend on reading the body.
    const answer = await raw([head]);
    expect(answer.text).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer.text.toLowerCase()).toContain('connection: close');
    expect(answer.closed).toBe(true);
  });

  it('refuses with 413 a chunked body once it grows past the limit, and closes the connection', async () => {
    await start({ bodyLimitBytes: 1024 });
    const headers = signer.headers(PING);
    const head =
      'POST /interactions HTTP/1.1\r\nHost: x\r\ntransfer-encoding: chunked\r\n' +
      Object.entries(headers)
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('') +
      '\r\n';
    const chunk = `${(600).toString(16)}\r\n${'x'.repeat(600)}\r\n`;
    // An endless upload: the server answers after ~1 KiB and hangs up.
    const answer = await raw([head, ...Array<string>(200).fill(chunk)], { gapMs: 5 });
    expect(answer.text).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer.closed).toBe(true);
    expect(answer.ms).toBeLessThan(3000);
  });

  it('answers 405 with Allow for a wrong method, and 404 for an unknown path', async () => {
    const base = await start();
    const get = await fetch(`${base}/interactions`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    const put = await fetch(`${base}/healthz`, { method: 'PUT', body: 'x' });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, HEAD');
    expect((await fetch(`${base}/`)).status).toBe(404);
    expect((await fetch(`${base}/interactions/extra`, { method: 'POST' })).status).toBe(404);
  });

  it('reports health with the corpus it serves', async () => {
    const base = await start();
    const health = await fetch(`${base}/healthz?probe=1`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({
      status: 'ok',
      passages: router.story.passages.length,
      documents: router.story.corpus.documents.length,
      fingerprint: router.story.corpus.fingerprint,
    });
    expect((await fetch(`${base}/healthz`, { method: 'HEAD' })).status).toBe(200);
  });

  it('answers malformed HTTP with 400, never a 5xx', async () => {
    await start();
    const answer = await raw(['GARBAGE / NOT-HTTP\r\n\r\n']);
    expect(answer.text).toMatch(/^HTTP\/1\.1 400 /);
    const huge = await raw([
      `GET /healthz HTTP/1.1\r\nHost: x\r\nx-big: ${'a'.repeat(20_000)}\r\n\r\n`,
    ]);
    expect(huge.text).toMatch(/^HTTP\/1\.1 431 /);
  });

  it('drops a client that sends its headers too slowly (408), and one whose body never ends', async () => {
    await start({
      headersTimeoutMs: 300,
      requestTimeoutMs: 600,
      connectionsCheckingIntervalMs: 100,
    });
    const slowHeaders = await raw(['POST /interactions HTTP/1.1\r\nHost: x\r\n'], {
      closeAfterMs: 4000,
    });
    expect(slowHeaders.closed).toBe(true);
    expect(slowHeaders.text).toMatch(/^HTTP\/1\.1 408 /);
    expect(slowHeaders.ms).toBeLessThan(2000);

    const headers = Object.entries(signer.headers(PING))
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('');
    const slowBody = await raw(
      [`POST /interactions HTTP/1.1\r\nHost: x\r\ncontent-length: 100\r\n${headers}\r\n{"id"`],
      { closeAfterMs: 4000 },
    );
    expect(slowBody.closed).toBe(true);
    expect(slowBody.text).toMatch(/^HTTP\/1\.1 408 /);
    expect(slowBody.ms).toBeLessThan(2500);
  });

  it('keeps serving on a kept-alive connection after refusals', async () => {
    const base = await start();
    for (let i = 0; i < 3; i++) {
      expect((await post(`${base}/interactions`, PING, {})).status).toBe(401);
      expect((await post(`${base}/interactions`, PING, signer.headers(PING))).status).toBe(200);
    }
  });

  it('logs one line per request: interaction id, command, status and time; refusals with the reason', async () => {
    const base = await start();
    await post(`${base}/interactions`, PING, signer.headers(PING));
    await post(`${base}/interactions`, PING, {});
    const answered = log.lines.find((l) => l.msg === 'interaction answered');
    expect(answered).toMatchObject({
      interaction: '1300000000000000001',
      command: 'ping',
      status: 200,
      type: 1,
      ms: expect.any(Number) as unknown,
    });
    expect(log.lines.find((l) => l.msg === 'HTTP request refused')).toMatchObject({
      status: 401,
      reason: 'missing signature',
    });
  });

  it('GIVEN a flood of forged requests THEN logs no line per request at info, and one warning per interval counting them by reason', async () => {
    const summary = new MemoryLog();
    const refusals = new RefusalTally(createLogger('info', summary.stream), 60_000);
    const base = await start({ refusals }, 'info');
    const forged = { ...signer.headers(PING), 'x-signature-ed25519': 'ab'.repeat(64) };
    for (let i = 0; i < 150; i++) {
      expect((await post(`${base}/interactions`, PING, {})).status).toBe(401);
      expect((await post(`${base}/interactions`, PING, forged)).status).toBe(401);
    }
    expect((await post(`${base}/nowhere`, PING, {})).status).toBe(404);
    // No line per request at info; within the interval, no summary yet either.
    expect(log.lines).toEqual([]);
    expect(summary.lines).toEqual([]);
    refusals.flush();
    const warnings = summary.lines.filter((l) => l.msg === 'HTTP requests refused');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      level: 40,
      refused: 301,
      byReason: { 'missing signature': 150, 'bad signature': 150, 'not found': 1 },
    });
    expect(Object.fromEntries(refusals.totals)).toEqual({
      'missing signature': 150,
      'bad signature': 150,
      'not found': 1,
    });
    // Nothing new, nothing logged; new refusals are summed up in the next interval.
    refusals.flush();
    expect(summary.lines).toHaveLength(1);
  });
});
