import { spawn, type ChildProcess } from 'node:child_process';

export interface Spawned {
  readonly child: ChildProcess;
  stdout: string;
  stderr: string;
  /** Resolves with the exit code (or the signal's name); rejects after `ms`. */
  exited(ms?: number): Promise<number | string>;
}

/** Runs one of the project's entry points with tsx, as `npm start` / `npm run …` do, with the given env. */
export function spawnEntry(
  entry: string,
  env: Record<string, string>,
  args: string[] = [],
): Spawned {
  return spawnProcess(process.execPath, ['--import', 'tsx', entry, ...args], env);
}

/** Runs `npm <args>` itself, as a user or a supervisor does (signals then go to npm's pid). */
export function spawnNpm(args: string[], env: Record<string, string>): Spawned {
  return spawnProcess('npm', args, env);
}

function spawnProcess(command: string, args: string[], env: Record<string, string>): Spawned {
  const child = spawn(command, args, {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const spawned: Spawned = {
    child,
    stdout: '',
    stderr: '',
    exited: (ms = 10_000) =>
      new Promise((resolve, reject) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          reject(
            new Error(
              `${command} ${args.join(' ')} did not exit within ${ms} ms\nstderr: ${spawned.stderr}`,
            ),
          );
        }, ms);
        child.once('exit', (code, signal) => {
          clearTimeout(timer);
          resolve(code ?? signal ?? -1);
        });
      }),
  };
  child.stdout?.on('data', (chunk: Buffer) => (spawned.stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (spawned.stderr += chunk.toString()));
  return spawned;
}
