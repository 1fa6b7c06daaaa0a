import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { isCorpusFileName } from '../corpus/loadCorpus.js';

/**
 * Watches a corpus directory and calls `onSettled` once its files have stopped changing: an editor
 * saving several files, or a `git pull`, is one reload, not one per file. chokidar does the
 * watching (editors that save by writing a temporary file and renaming it, files that come and go,
 * platforms whose native events differ); only the files the corpus reads count.
 */

export interface CorpusWatchOptions {
  /** Quiet time after the last change before reloading. */
  readonly settleMs?: number;
  /** However long the changes go on, a reload comes this long after the first one. */
  readonly maxWaitMs?: number;
  /** Check the files every second rather than wait for the system's file events. */
  readonly poll?: boolean;
  /** A watching failure (the directory removed, out of watches): logged, never thrown. */
  readonly onError?: (error: unknown) => void;
}

export const WATCH_DEFAULTS = { settleMs: 400, maxWaitMs: 3000 } as const;
/** How often polling looks at the files. */
const POLL_MS = 1000;

export interface CorpusWatcher {
  /** Resolves once the directory is being watched (changes before then are not seen). */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

/** Only what a corpus read would read (see loadCorpus.ts). */
const isCorpusFile = (file: string): boolean => isCorpusFileName(path.basename(file));

export function watchCorpus(
  directory: string,
  onSettled: (changed: readonly string[]) => void,
  options: CorpusWatchOptions = {},
): CorpusWatcher {
  const { settleMs, maxWaitMs } = { ...WATCH_DEFAULTS, ...options };
  const changed = new Set<string>();
  let settle: NodeJS.Timeout | undefined;
  let firstAt = 0;
  const fire = (): void => {
    settle = undefined;
    const files = [...changed].sort();
    changed.clear();
    onSettled(files);
  };
  const onEvent = (file: string): void => {
    if (!isCorpusFile(file)) return;
    if (changed.size === 0) firstAt = Date.now();
    changed.add(path.basename(file));
    clearTimeout(settle);
    const wait = Math.max(0, Math.min(settleMs, firstAt + maxWaitMs - Date.now()));
    settle = setTimeout(fire, wait);
  };
  const watcher: FSWatcher = watch(directory, {
    ignoreInitial: true,
    // The corpus is one flat directory: files in folders below it are not read.
    depth: 0,
    // Ignore what no corpus read would see (editors' swap files, backups), but never the
    // directory itself, which chokidar also matches against this.
    ignored: (file, stats) => stats?.isFile() === true && !isCorpusFile(file),
    // Polling reads each file's status through its symlink, so a swapped link target is seen.
    ...(options.poll ? { usePolling: true, interval: POLL_MS, binaryInterval: POLL_MS } : {}),
  });
  for (const event of ['add', 'change', 'unlink'] as const) watcher.on(event, onEvent);
  watcher.on('error', (error) => options.onError?.(error));
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    async close() {
      clearTimeout(settle);
      await watcher.close();
    },
  };
}
