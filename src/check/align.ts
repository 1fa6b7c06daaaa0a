/**
 * Word alignment of a quotation against a stretch of source text: the quotation is aligned in
 * full, the source freely at both ends (semi-global alignment, Needleman–Wunsch with free end
 * gaps), so the result is the best-matching window of the source and the word-by-word edits.
 */

export type AlignOp =
  | { readonly type: 'same'; readonly quote: number; readonly source: number }
  | { readonly type: 'changed'; readonly quote: number; readonly source: number }
  /** A word the quotation has and the source does not. */
  | { readonly type: 'added'; readonly quote: number }
  /** A source word the quotation leaves out. */
  | { readonly type: 'missing'; readonly source: number };

export interface Alignment {
  readonly ops: readonly AlignOp[];
  /** The aligned window of the source, as word indexes (end exclusive). */
  readonly sourceStart: number;
  readonly sourceEnd: number;
  readonly matched: number;
}

const SCORE = { same: 2, changed: -1, gap: -1 } as const;

export function align(quote: readonly string[], source: readonly string[]): Alignment {
  const n = quote.length;
  const m = source.length;
  // score[i][j]: best score aligning quote[0..i) with a source window ending at j.
  const width = m + 1;
  const score = new Float64Array((n + 1) * width);
  const move = new Uint8Array((n + 1) * width); // 1 diagonal, 2 up (added), 3 left (missing), 0 start
  for (let i = 1; i <= n; i++) {
    score[i * width] = i * SCORE.gap;
    move[i * width] = 2;
  }
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const diagonal =
        (score[(i - 1) * width + j - 1] ?? 0) +
        (quote[i - 1] === source[j - 1] ? SCORE.same : SCORE.changed);
      const up = (score[(i - 1) * width + j] ?? 0) + SCORE.gap;
      const left = (score[i * width + j - 1] ?? 0) + SCORE.gap;
      let best = diagonal;
      let from = 1;
      if (up > best) {
        best = up;
        from = 2;
      }
      if (left > best) {
        best = left;
        from = 3;
      }
      score[i * width + j] = best;
      move[i * width + j] = from;
    }
  }
  let end = 0;
  for (let j = 1; j <= m; j++)
    if ((score[n * width + j] ?? 0) > (score[n * width + end] ?? 0)) end = j;

  const ops: AlignOp[] = [];
  let i = n;
  let j = end;
  while (i > 0) {
    const from = j === 0 ? 2 : (move[i * width + j] ?? 2);
    if (from === 1) {
      ops.push({
        type: quote[i - 1] === source[j - 1] ? 'same' : 'changed',
        quote: i - 1,
        source: j - 1,
      });
      i--;
      j--;
    } else if (from === 2) {
      ops.push({ type: 'added', quote: i - 1 });
      i--;
    } else {
      ops.push({ type: 'missing', source: j - 1 });
      j--;
    }
  }
  ops.reverse();
  // Trim leading and trailing source words the quotation does not cover (free end gaps).
  while (ops[0]?.type === 'missing') ops.shift();
  while (ops[ops.length - 1]?.type === 'missing') ops.pop();
  const sources = ops.flatMap((op) => ('source' in op ? [op.source] : []));
  return {
    ops,
    sourceStart: sources[0] ?? 0,
    sourceEnd: (sources[sources.length - 1] ?? -1) + 1,
    matched: ops.filter((op) => op.type === 'same').length,
  };
}
