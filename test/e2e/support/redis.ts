import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** A free loopback port (free when asked; the server binds it right after). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * A real Redis server (Debian's `redis-server`; `.ci/run` installs it) of the test's own, on a free
 * loopback port, keeping nothing on disk. Every wait is bounded; `stop` kills it for sure.
 */
export class RedisServer {
  private child: ChildProcess | undefined;

  private constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  static async start(): Promise<RedisServer> {
    const server = new RedisServer(await freePort());
    await server.run();
    return server;
  }

  /** Starts it again on the same port (after `stop`), empty: it kept nothing. */
  async run(ms = 5000): Promise<void> {
    const child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.child = child;
    child.stderr?.resume();
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`redis-server not ready within ${ms} ms:\n${output}`));
      }, ms);
      child.once('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        reject(
          error.code === 'ENOENT'
            ? new Error(
                'redis-server not found: install it (apt-get install redis-server; .ci/run does)',
              )
            : error,
        );
      });
      const onExit = (code: number | null): void => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited (${code}):\n${output}`));
      };
      child.once('exit', onExit);
      const onData = (chunk: Buffer): void => {
        output += chunk.toString();
        if (output.includes('Ready to accept connections')) {
          clearTimeout(timer);
          child.off('exit', onExit);
          child.stdout?.off('data', onData);
          // Its later lines are not read: keep the pipe flowing.
          child.stdout?.resume();
          resolve();
        }
      };
      child.stdout?.on('data', onData);
    });
  }

  /** Stops it (SIGTERM, then SIGKILL after `ms`) and resolves once it has exited. */
  async stop(ms = 3000): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), ms);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  }
}
