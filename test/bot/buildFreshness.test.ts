import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { sourceNewerThanBuild } from '../../src/bot/buildFreshness.js';

let root: string | undefined;
afterEach(() => {
  if (root) rmSync(root, { recursive: true });
  root = undefined;
});

/** A checkout with a build at t=1000 s and sources at the given times (seconds). */
function checkout(sources: Record<string, number>): string {
  root = mkdtempSync(path.join(tmpdir(), 'fresh-'));
  const put = (file: string, seconds: number): void => {
    const full = path.join(root ?? '', file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, '');
    utimesSync(full, seconds, seconds);
  };
  put('dist/src/bot/buildFreshness.js', 1000);
  for (const [file, seconds] of Object.entries(sources)) put(file, seconds);
  return pathToFileURL(path.join(root, 'dist/src/bot/buildFreshness.js')).href;
}

describe('sourceNewerThanBuild', () => {
  it('GIVEN sources older than the build THEN the build is current', () => {
    expect(sourceNewerThanBuild(checkout({ 'src/main.ts': 500, 'commands/a.ts': 999 }))).toBe(
      undefined,
    );
  });

  it('GIVEN a source or catalogue changed since the build THEN names the newest', () => {
    const entry = checkout({
      'src/main.ts': 500,
      'src/i18n/locales/de.json': 1100,
      'commands/a.ts': 1050,
    });
    expect(sourceNewerThanBuild(entry)).toBe(path.join('src', 'i18n', 'locales', 'de.json'));
  });

  it('GIVEN the sources running directly THEN there is no build to be stale', () => {
    expect(sourceNewerThanBuild('file:///work/src/bot/buildFreshness.ts')).toBe(undefined);
  });
});
