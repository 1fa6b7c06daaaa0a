import { LineCounter, isMap, isSeq, parseDocument, type Document, type Node } from 'yaml';
import type { ZodError } from 'zod';
import type { ProblemList } from './problems.js';

/**
 * A YAML text parsed with positions kept, so that schema errors found later can be reported at the
 * line of the offending value, not just at the top of the file.
 */
export class YamlSource {
  private readonly lineCounter = new LineCounter();
  readonly document: Document;

  /** `firstLine` is the file line of the YAML's first line (front matter starts below `---`). */
  constructor(
    readonly file: string,
    text: string,
    private readonly firstLine = 1,
  ) {
    // uniqueKeys reports duplicate keys; the core schema keeps dates as plain strings.
    this.document = parseDocument(text, {
      lineCounter: this.lineCounter,
      prettyErrors: false,
      uniqueKeys: true,
      schema: 'core',
    });
  }

  /** File line of an offset into the YAML text. */
  lineAt(offset: number): number {
    return this.lineCounter.linePos(offset).line + this.firstLine - 1;
  }

  /** Reports YAML syntax errors; returns false when there were any. */
  reportSyntax(problems: ProblemList): boolean {
    for (const error of this.document.errors) {
      problems.add(this.file, this.lineAt(error.pos[0]), `YAML: ${firstLine(error.message)}`);
    }
    return this.document.errors.length === 0;
  }

  toJS(): unknown {
    return this.document.toJS();
  }

  /** The YAML node at a property path, or the nearest ancestor that exists. */
  nodeAt(path: ReadonlyArray<PropertyKey>): Node | undefined {
    let node: unknown = this.document.contents;
    for (const key of path) {
      let next: unknown;
      if (isMap(node)) next = node.get(key, true);
      else if (isSeq(node) && typeof key === 'number') next = node.get(key, true);
      if (next === undefined || next === null) break;
      node = next;
    }
    return node as Node | undefined;
  }

  /** File line of the value at a property path (1 when nothing better is known). */
  lineOf(path: ReadonlyArray<PropertyKey>): number {
    const node = this.nodeAt(path);
    const offset = node?.range?.[0];
    return offset === undefined ? this.firstLine : this.lineAt(offset);
  }

  /** Reports each zod issue at the line of the value it concerns. */
  reportSchema(problems: ProblemList, error: ZodError, prefix = ''): void {
    for (const issue of error.issues) {
      const path = issue.path.filter((key) => typeof key !== 'symbol');
      const where = path.length > 0 ? `${prefix}${path.join('.')}: ` : prefix;
      problems.add(this.file, this.lineOf(path), `${where}${issue.message}`);
    }
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
