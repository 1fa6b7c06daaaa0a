/**
 * A problem found in the corpus, located so an editor can jump to it: `file:line: message`, or
 * `file:line:column: message` where the column matters (a bad byte).
 */
export interface CorpusProblem {
  readonly file: string;
  readonly line: number;
  readonly column?: number | undefined;
  readonly message: string;
}

export function formatProblem(problem: CorpusProblem): string {
  const column = problem.column === undefined ? '' : `:${problem.column}`;
  return `${problem.file}:${problem.line}${column}: ${problem.message}`;
}

/**
 * A corpus that cannot be read at all — a missing directory, a directory where a document should
 * be, a file that cannot be opened: one line naming the path.
 */
export class CorpusLocationError extends Error {
  override readonly name = 'CorpusLocationError';
}

/** Thrown when the corpus cannot be used; its message lists every problem, one per line. */
export class CorpusError extends Error {
  override readonly name = 'CorpusError';
  constructor(readonly problems: readonly CorpusProblem[]) {
    super(
      `The corpus has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map(formatProblem).join('\n'),
    );
  }
}

/** Collects problems while a file is read, so one run reports all of them, not just the first. */
export class ProblemList {
  readonly items: CorpusProblem[] = [];
  /** Ids of documents whose own file has problems: references to them are not reported again. */
  readonly unusableDocumentIds = new Set<string>();
  add(file: string, line: number, message: string, column?: number): void {
    this.items.push({ file, line, column, message });
  }
  get isEmpty(): boolean {
    return this.items.length === 0;
  }
}
