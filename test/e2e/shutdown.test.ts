/**
 * Stopping the bot as a supervisor does: a signal to the pid it started, which is npm's. The signal
 * must reach the bot (npm → node, no shell in between), which stops taking requests, ends the ones
 * in flight within a bound, frees its port and exits 0, and every process of the tree is gone.
 */
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { TestSigner } from '../discord/http/support/signed.js';
import { spawnNpm, type Spawned } from './support/process.js';
import { exitedAll, listeningPort, waitForLines } from './support/processLogs.js';
import { descendants, portFree } from './support/processTree.js';

let running: Spawned | undefined;
let tree: number[] = [];

afterEach(() => {
  for (const pid of [running?.child.pid, ...tree]) {
    try {
      if (pid !== undefined) process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  running = undefined;
  tree = [];
});

const signer = new TestSigner();
const PING = JSON.stringify({ id: '1', type: 1, application_id: '2', token: 't', version: 1 });

/**
 * A signed PING whose body is only half sent: in flight when the signal arrives. `finish` sends
 * the rest; `answer` is everything the server wrote back before closing the connection.
 */
function requestInFlight(port: number): { finish: () => void; answer: Promise<string> } {
  const socket = connect(port, '127.0.0.1');
  socket.on('error', () => {});
  const head = Object.entries(signer.headers(PING))
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  socket.write(
    `POST /interactions HTTP/1.1\r\nhost: x\r\n${head}content-length: ${PING.length}\r\n\r\n` +
      PING.slice(0, 10),
  );
  let text = '';
  socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return {
    finish: () => socket.write(PING.slice(10)),
    answer: new Promise((resolve) => socket.once('close', () => resolve(text))),
  };
}

describe('npm start, stopped through npm', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`GIVEN the HTTP bot started by npm start WHEN npm's pid gets ${signal} THEN it answers the request in flight, frees the port, every process exits 0, and .env is mentioned once at most`, async () => {
      running = spawnNpm(['start'], {
        BOT_MODE: 'http',
        DISCORD_PUBLIC_KEY: signer.publicKeyHex,
        PORT: '0',
        HOST: '127.0.0.1',
      });
      const port = await listeningPort(running, 15_000);
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      tree = descendants(running.child.pid ?? -1);
      expect(tree.length).toBeGreaterThan(0);
      const inFlight = requestInFlight(port);
      await new Promise((resolve) => setTimeout(resolve, 100));

      running.child.kill(signal);
      // The bot is stopping: the request in flight is still answered.
      await waitForLines(running, (l) => l.msg === 'shutting down', 1, 5000);
      inFlight.finish();
      expect(await inFlight.answer).toMatch(/^HTTP\/1\.1 200[\s\S]*\{"type":1\}$/);
      expect(await running.exited(10_000)).toBe(0);
      expect(await exitedAll(tree, 5000)).toEqual([]);
      expect(await portFree(port)).toBe(true);
      expect(running.stderr).toContain(`"why":"${signal}"`);
      // Node, not a tsx layer and node, reads .env: a missing one is said once at most.
      expect(running.stderr.split('.env not found').length - 1).toBeLessThanOrEqual(1);
    });
  }
});
