import { mkdir, mkdtemp, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { watchCorpus, type CorpusWatcher } from '../../src/updates/corpusWatcher.js';

let dir: string | undefined;
let watcher: CorpusWatcher | undefined;
afterEach(async () => {
  await watcher?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
  watcher = undefined;
  dir = undefined;
});

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function watched(settleMs = 150, maxWaitMs = 2000) {
  dir = await mkdtemp(path.join(tmpdir(), 'story-bot-watch-'));
  await writeFile(path.join(dir, 'story.yaml'), 'parties: []\n');
  const calls: (readonly string[])[] = [];
  watcher = watchCorpus(dir, (files) => calls.push(files), { settleMs, maxWaitMs });
  await watcher.ready;
  return { dir, calls };
}

/** Waits (bounded) until `calls` has `n` entries. */
async function callsReach(calls: unknown[], n: number, ms = 5000): Promise<void> {
  const deadline = performance.now() + ms;
  while (calls.length < n) {
    if (performance.now() > deadline) throw new Error(`${calls.length} of ${n} calls in ${ms} ms`);
    await pause(20);
  }
}

describe('watchCorpus', () => {
  it('calls once for saves that come together, naming the corpus files', async () => {
    const { dir: d, calls } = await watched();
    await writeFile(path.join(d, 'new-source.md'), '---\n');
    await pause(30);
    await writeFile(path.join(d, 'story.yaml'), 'parties: [] # edited\n');
    await callsReach(calls, 1);
    await pause(400);
    expect(calls).toEqual([['new-source.md', 'story.yaml']]);
  });

  it('ignores files the corpus does not read (editor swap files, notes, hidden files)', async () => {
    const { dir: d, calls } = await watched();
    await writeFile(path.join(d, '.story.yaml.swp'), 'x');
    await writeFile(path.join(d, 'notes.txt'), 'x');
    await writeFile(path.join(d, 'story.yaml~'), 'x');
    await pause(600);
    expect(calls).toEqual([]);
    await writeFile(path.join(d, 'story.yaml'), 'parties: [] # edited\n');
    await callsReach(calls, 1);
    expect(calls).toEqual([['story.yaml']]);
  });

  it('does not wait for ever while files keep changing', async () => {
    const { dir: d, calls } = await watched(200, 400);
    // A save every 50 ms for a second: quiet never comes, the longest wait does.
    for (let i = 0; i < 20 && calls.length === 0; i++) {
      await writeFile(path.join(d, 'story.yaml'), `parties: [] # ${i}\n`);
      await pause(50);
    }
    expect(calls.length).toBeGreaterThan(0);
  });

  it('polling sees a file whose symlink target was swapped (a Kubernetes ConfigMap update)', async () => {
    // As the kubelet lays a ConfigMap out: story.yaml → ..data/story.yaml, ..data → a dated folder,
    // and an update swaps ..data to a new folder in one rename.
    dir = await mkdtemp(path.join(tmpdir(), 'story-bot-watch-'));
    const d = dir;
    await mkdir(path.join(d, '..2026_12_01_a'));
    await writeFile(path.join(d, '..2026_12_01_a', 'story.yaml'), 'parties: []\n');
    await symlink('..2026_12_01_a', path.join(d, '..data'));
    await symlink('..data/story.yaml', path.join(d, 'story.yaml'));
    const calls: (readonly string[])[] = [];
    watcher = watchCorpus(d, (files) => calls.push(files), { settleMs: 100, poll: true });
    await watcher.ready;
    await mkdir(path.join(d, '..2026_12_01_b'));
    await writeFile(path.join(d, '..2026_12_01_b', 'story.yaml'), 'parties: [] # updated\n');
    await symlink('..2026_12_01_b', path.join(d, '..data_tmp'));
    await rename(path.join(d, '..data_tmp'), path.join(d, '..data'));
    await callsReach(calls, 1, 8000);
    expect(calls[0]).toContain('story.yaml');
  });
});
