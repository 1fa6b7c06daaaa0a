/**
 * What editors should add: the `miss` events of the bot's logs (JSON lines, as pino writes them),
 * the same question counted once however it was typed (case, spacing), most asked first.
 */

export interface MissRow {
  /** The command as typed, from the first time it was asked. */
  readonly asked: string;
  readonly count: number;
  /** How often in each language. */
  readonly locales: Readonly<Record<string, number>>;
  readonly corpora: number;
  readonly last: string;
}

interface Miss {
  readonly command: string;
  readonly options: Readonly<Record<string, unknown>>;
  readonly locale: string;
  readonly corpus: string;
  readonly at: string;
}

function readMiss(line: string): Miss | undefined {
  if (!line.includes('"miss"')) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  const v = value as Record<string, unknown>;
  if (v.event !== 'miss' || typeof v.command !== 'string') return undefined;
  const options = typeof v.options === 'object' && v.options !== null ? v.options : {};
  return {
    command: v.command,
    options: options as Record<string, unknown>,
    locale: typeof v.locale === 'string' ? v.locale : '?',
    corpus: typeof v.corpus === 'string' ? v.corpus : '?',
    at: typeof v.at === 'string' ? v.at : '',
  };
}

function typed(miss: Miss): string {
  const options = Object.entries(miss.options)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, value]) => `${name}:${JSON.stringify(value)}`);
  return [miss.command, ...options].join(' ');
}

/** The same question whatever its case and spacing. */
const keyOf = (miss: Miss): string => typed(miss).toLowerCase().replace(/\s+/g, ' ');

export function missReport(lines: Iterable<string>): MissRow[] {
  const rows = new Map<
    string,
    {
      asked: string;
      count: number;
      locales: Record<string, number>;
      corpora: Set<string>;
      last: string;
    }
  >();
  for (const line of lines) {
    const miss = readMiss(line);
    if (!miss) continue;
    const key = keyOf(miss);
    const row = rows.get(key) ?? {
      asked: typed(miss),
      count: 0,
      locales: {},
      corpora: new Set(),
      last: '',
    };
    row.count += 1;
    row.locales[miss.locale] = (row.locales[miss.locale] ?? 0) + 1;
    row.corpora.add(miss.corpus);
    if (miss.at > row.last) row.last = miss.at;
    rows.set(key, row);
  }
  return [...rows.values()]
    .map((r) => ({
      asked: r.asked,
      count: r.count,
      locales: r.locales,
      corpora: r.corpora.size,
      last: r.last,
    }))
    .sort((a, b) => b.count - a.count || (a.last < b.last ? 1 : a.last > b.last ? -1 : 0));
}

export function formatMissReport(rows: readonly MissRow[]): string {
  if (rows.length === 0) return 'No misses reported.';
  const width = String(rows[0]?.count ?? 0).length;
  return rows
    .map((row) => {
      const locales = Object.entries(row.locales)
        .sort(([, a], [, b]) => b - a)
        .map(([locale, n]) => `${locale} ×${n}`)
        .join(', ');
      const corpora = row.corpora > 1 ? `, ${row.corpora} corpus versions` : '';
      return `${String(row.count).padStart(width)}  ${row.asked}  (${locales}; last ${row.last.slice(0, 10)}${corpora})`;
    })
    .join('\n');
}
