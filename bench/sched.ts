import { readFileSync } from 'node:fs';

/**
 * How long this thread has waited for a CPU (Linux's /proc/thread-self/schedstat: time spent
 * runnable but not running). On a shared machine, a measurement during which the process waited
 * is a measurement of the other processes: the runner repeats those. Elsewhere: always 0.
 */
export function waitedMs(): number {
  try {
    const [, waitingNs] = readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ');
    return Number(waitingNs) / 1e6 || 0;
  } catch {
    return 0;
  }
}

/** Runs `work` and tells what share of its wall time the thread spent waiting for a CPU. */
export async function timed<T>(
  work: () => T | Promise<T>,
): Promise<{ value: T; ms: number; waitShare: number }> {
  const waitedBefore = waitedMs();
  const start = performance.now();
  const value = await work();
  const ms = performance.now() - start;
  return { value, ms, waitShare: ms > 0 ? (waitedMs() - waitedBefore) / ms : 0 };
}
