import type { EngineName } from './engines/engine.js';
import type { Quality } from './quality.js';

export interface EngineFigures {
  readonly buildMs: number;
  readonly queryP50Us: number;
  readonly queryP99Us: number;
  readonly heapMB: number;
}

export interface SizeResult {
  readonly passages: number;
  readonly results: Record<EngineName, EngineFigures>;
}

const fixed = (value: number, digits = 0): string =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function row(cells: readonly string[], widths: readonly number[]): string {
  return `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join(' | ')} |`;
}

/** A Markdown table: one row per size and engine, ours against each peer as a ratio. */
export function resultsTable(engines: readonly EngineName[], sizes: readonly SizeResult[]): string {
  const header = [
    'passages',
    'engine',
    'build ms',
    'p50 µs',
    'p99 µs',
    'heap MB',
    'ours/peer build',
    'ours/peer p99',
  ];
  const rows: string[][] = [];
  for (const size of sizes) {
    const ours = size.results['story-bot'];
    for (const engine of engines) {
      const figures = size.results[engine];
      const ratio = (a: number, b: number): string =>
        engine === 'story-bot' ? '' : `${fixed(a / b, 2)}×`;
      rows.push([
        fixed(size.passages),
        engine,
        fixed(figures.buildMs, figures.buildMs < 100 ? 1 : 0),
        fixed(figures.queryP50Us, figures.queryP50Us < 100 ? 1 : 0),
        fixed(figures.queryP99Us, figures.queryP99Us < 100 ? 1 : 0),
        fixed(figures.heapMB, figures.heapMB < 10 ? 2 : 0),
        ratio(ours.buildMs, figures.buildMs),
        ratio(ours.queryP99Us, figures.queryP99Us),
      ]);
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  return [
    row(header, widths),
    `|${widths.map((w, i) => (i === 0 ? ` ${'-'.repeat(w)} ` : ` ${'-'.repeat(w - 1)}: `)).join('|')}|`,
    ...rows.map((r) => row(r, widths)),
  ].join('\n');
}

export function qualityTable(
  engines: readonly EngineName[],
  quality: Record<EngineName, Quality>,
): string {
  const percent = (x: number): string => `${(x * 100).toFixed(1)}%`;
  return [
    '| engine | /quote hit@1 | /story ask hit@3 |',
    '| --- | ---: | ---: |',
    ...engines.map(
      (e) => `| ${e} | ${percent(quality[e].quoteHit1)} | ${percent(quality[e].askHit3)} |`,
    ),
  ].join('\n');
}

export interface StartupFigures {
  readonly passages: number;
  /** Process start to first answer, the index built. */
  readonly buildReadyMs: number;
  /** The same with the index stored by an earlier start (large corpora only). */
  readonly storedReadyMs?: number;
}

export function startupTable(startup: readonly StartupFigures[]): string {
  return [
    '| passages | index built: ready after | index stored: ready after |',
    '| --- | ---: | ---: |',
    ...startup.map(
      (s) =>
        `| ${fixed(s.passages)} | ${fixed(s.buildReadyMs)} ms | ${s.storedReadyMs === undefined ? '—' : `${fixed(s.storedReadyMs)} ms`} |`,
    ),
  ].join('\n');
}
