import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_TIERS } from '../vitest.config.js';

/**
 * `npm test` runs both tiers, so a test file in neither would never run, and one in both would
 * run twice; a unit test that starts a process makes the fast tier slow and flaky.
 */

/** The globs the tiers use: `**` for any folders, `*` within one name. */
function globToRegExp(glob: string): RegExp {
  let pattern = '';
  for (let i = 0; i < glob.length; i++) {
    if (glob.startsWith('**/', i)) {
      pattern += '(?:.*/)?';
      i += 2;
    } else if (glob.startsWith('**', i)) {
      pattern += '.*';
      i += 1;
    } else if (glob[i] === '*') {
      pattern += '[^/]*';
    } else {
      pattern += (glob[i] ?? '').replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${pattern}$`);
}

function inTier(file: string, tier: { include: readonly string[]; exclude: readonly string[] }) {
  const matches = (globs: readonly string[]) => globs.some((g) => globToRegExp(g).test(file));
  return matches(tier.include) && !matches(tier.exclude);
}

const testFiles = readdirSync('test', { recursive: true, encoding: 'utf8' })
  .map((file) => path.posix.join('test', file.split(path.sep).join('/')))
  .filter((file) => file.endsWith('.test.ts'));

/** The project's own files a file imports at run time (`import type` is erased). */
function localImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(
    /(?:^|\n)\s*(?:import(?!\s+type\b)[^'"]*?from\s*|import\s*|export[^'"]*?from\s*)['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g,
  )) {
    const spec = match[1] ?? match[2] ?? '';
    const target = path.posix.join(path.posix.dirname(file), spec).replace(/\.js$/, '.ts');
    if (existsSync(target)) found.push(target);
  }
  return found;
}

const STARTS_PROCESSES =
  /from\s+['"](?:node:)?child_process['"]|import\(\s*['"](?:node:)?child_process['"]/;

/** The files reachable from `file` that can start a process, with the chain that reaches them. */
function processStarters(file: string): string[] {
  const seen = new Set<string>();
  const starters: string[] = [];
  const visit = (current: string, chain: string[]): void => {
    if (seen.has(current)) return;
    seen.add(current);
    const text = readFileSync(current, 'utf8');
    const valueImport = text
      .split('\n')
      .some((line) => STARTS_PROCESSES.test(line) && !/^\s*import\s+type\b/.test(line));
    if (valueImport) starters.push([...chain, current].join(' → '));
    for (const next of localImports(current)) visit(next, [...chain, current]);
  };
  visit(file, []);
  return starters;
}

describe('test tiers', () => {
  it('finds the test files', () => {
    expect(testFiles).toContain('test/testTiers.test.ts');
    expect(testFiles).toContain('test/e2e/process.test.ts');
  });

  it('puts every test file in exactly one tier', () => {
    const wrong = testFiles.filter(
      (file) => Number(inTier(file, TEST_TIERS.unit)) + Number(inTier(file, TEST_TIERS.e2e)) !== 1,
    );
    expect(wrong).toEqual([]);
  });

  it('starts no process in a unit test, nor in anything a unit test imports', () => {
    const unit = testFiles.filter((file) => inTier(file, TEST_TIERS.unit));
    expect(unit.flatMap(processStarters)).toEqual([]);
    // The check sees a process being started where there is one.
    expect(processStarters('test/e2e/process.test.ts')).not.toEqual([]);
  });
});
