import type { Spawned } from './process.js';

/** The JSON log lines a spawned bot wrote to stderr (other lines skipped). */
export function logLines(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Resolves with the log lines matching `match` once there are `n`; rejects after `ms`. */
export async function waitForLines(
  spawned: Spawned,
  match: (line: Record<string, unknown>) => boolean,
  n: number,
  ms = 5000,
): Promise<Record<string, unknown>[]> {
  const deadline = performance.now() + ms;
  for (;;) {
    const found = logLines(spawned.stderr).filter(match);
    if (found.length >= n) return found;
    if (performance.now() > deadline) {
      throw new Error(`expected ${n} matching log lines within ${ms} ms\n${spawned.stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Whether a process (a shard, say) is still running. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Waits (bounded) until none of `pids` runs; resolves with those still running. */
export async function exitedAll(pids: readonly number[], ms = 8000): Promise<number[]> {
  const deadline = performance.now() + ms;
  while (pids.some(alive) && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return pids.filter(alive);
}

/** The port an HTTP-mode bot logged it listens on (bounded wait). */
export function listeningPort(spawned: Spawned, ms = 10_000): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no "listening" line within ${ms} ms\n${spawned.stderr}`)),
      ms,
    );
    const check = (): void => {
      const match = /"port":(\d+)[^\n]*HTTP interactions endpoint listening/.exec(spawned.stderr);
      if (match) {
        clearTimeout(timer);
        spawned.child.stderr?.off('data', check);
        resolve(Number(match[1]));
      }
    };
    spawned.child.stderr?.on('data', check);
    check();
  });
}
