/**
 * Stopping the bot as a supervisor does: a signal to the pid it started, which is npm's. The signal
 * must reach the bot (npm → node, no shell in between), which stops taking requests, ends the ones
 * in flight within a bound, frees its port and exits 0, and every process of the tree is gone.
 */
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnNpm, type Spawned } from './support/process.js';
import { exitedAll, listeningPort } from './support/processLogs.js';
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

/** A request whose body never comes: in flight when the signal arrives. */
function stuckRequest(port: number): { socket: Socket; closed: Promise<void> } {
  const socket = connect(port, '127.0.0.1');
  socket.on('error', () => {});
  socket.write(
    'POST /interactions HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\n' +
      'x-signature-ed25519: ' +
      'ab'.repeat(64) +
      '\r\nx-signature-timestamp: ' +
      String(Math.floor(Date.now() / 1000)) +
      '\r\ncontent-length: 100\r\n\r\n{',
  );
  return { socket, closed: new Promise((resolve) => socket.once('close', () => resolve())) };
}

describe('npm start, stopped through npm', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`GIVEN the HTTP bot started by npm start WHEN npm's pid gets ${signal} THEN the bot ends its requests, frees the port, and every process exits 0`, async () => {
      running = spawnNpm(['start'], {
        BOT_MODE: 'http',
        DISCORD_PUBLIC_KEY: 'ab'.repeat(32),
        PORT: '0',
        HOST: '127.0.0.1',
      });
      const port = await listeningPort(running, 15_000);
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      tree = descendants(running.child.pid ?? -1);
      expect(tree.length).toBeGreaterThan(0);
      // One run with a request in flight (ended within the stop's bound), one without.
      const inFlight = signal === 'SIGTERM' ? stuckRequest(port) : undefined;
      await new Promise((resolve) => setTimeout(resolve, 100));

      running.child.kill(signal);
      expect(await running.exited(10_000)).toBe(0);
      expect(await exitedAll(tree, 5000)).toEqual([]);
      expect(await portFree(port)).toBe(true);
      await inFlight?.closed;
      expect(running.stderr).toContain(`"why":"${signal}"`);
    });
  }
});

describe('npm start, the .env file', () => {
  it('GIVEN no .env THEN the start says so at most once', async () => {
    running = spawnNpm(['start'], {});
    running.child.stdin?.end('/exit\n');
    expect(await running.exited(15_000)).toBe(0);
    expect(running.stderr.split('.env not found').length - 1).toBeLessThanOrEqual(1);
  });
});
