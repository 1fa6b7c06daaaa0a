import { trimSpan, type Span } from '../text/sentences.js';
import type { ProblemList } from './problems.js';
import { FrontMatterSchema, type FrontMatter } from './schema.js';
import type { PublishedDate, SourceDocument } from './corpusTypes.js';
import { YamlSource } from './yamlSource.js';

/** Front matter fenced by `---` lines at the very top, as in Jekyll, Hugo and most static sites. */
const FENCE = /^---[ \t]*$/;

interface SplitFile {
  readonly frontMatter: string;
  /** File line of the front matter's first line. */
  readonly frontMatterLine: number;
  readonly text: string;
  /** File line of the text's first character. */
  readonly textLine: number;
}

function splitFrontMatter(
  file: string,
  source: string,
  problems: ProblemList,
): SplitFile | undefined {
  const lines = source.split('\n');
  if (!FENCE.test(lines[0] ?? '')) {
    problems.add(file, 1, 'expected front matter: the file must start with a `---` line');
    return undefined;
  }
  const closing = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
  if (closing < 0) {
    problems.add(file, 1, 'front matter is not closed: add a `---` line after it');
    return undefined;
  }
  return {
    frontMatter: lines.slice(1, closing).join('\n'),
    frontMatterLine: 2,
    text: lines.slice(closing + 1).join('\n'),
    textLine: closing + 2,
  };
}

/** Paragraphs are separated by blank lines; each span is trimmed and non-empty. */
export function findParagraphs(text: string): Span[] {
  const spans: Span[] = [];
  const separator = /\n[ \t]*\n/g;
  let start = 0;
  for (let match = separator.exec(text); match; match = separator.exec(text)) {
    pushTrimmed(spans, text, start, match.index);
    start = match.index + match[0].length;
  }
  pushTrimmed(spans, text, start, text.length);
  return spans;
}

function pushTrimmed(spans: Span[], text: string, start: number, end: number): void {
  const span = trimSpan(text, start, end);
  if (span.end > span.start) spans.push(span);
}

function toPublished(value: FrontMatter['published']): PublishedDate {
  if (typeof value === 'string') return { type: 'on', date: value };
  if ('on_or_after' in value) return { type: 'on-or-after', date: value.on_or_after };
  return { type: 'between', from: value.between[0], to: value.between[1] };
}

/** Line in the file of an offset in the document's text. */
export function lineOfOffset(
  document: Pick<SourceDocument, 'text' | 'textLine'>,
  offset: number,
): number {
  let line = document.textLine;
  for (let i = 0; i < offset && i < document.text.length; i++)
    if (document.text[i] === '\n') line++;
  return line;
}

/**
 * Reads one corpus document (front matter + verbatim text). Checks what can be checked from the
 * file alone; checks across files (ids, `via`, speakers) are the corpus loader's.
 */
export interface ParsedDocument {
  readonly document: SourceDocument;
  /** Kept for checks across files, which report at the line of a front matter value. */
  readonly frontMatter: YamlSource;
}

export function parseDocumentFile(
  file: string,
  source: string,
  problems: ProblemList,
): ParsedDocument | undefined {
  const split = splitFrontMatter(file, source.replace(/\r\n?/g, '\n'), problems);
  if (!split) return undefined;
  const yaml = new YamlSource(file, split.frontMatter, split.frontMatterLine);
  if (!yaml.reportSyntax(problems)) {
    const id = /^id:\s*([\w-]+)\s*$/m.exec(split.frontMatter)?.[1];
    if (id) problems.unusableDocumentIds.add(id);
    return undefined;
  }
  const raw: unknown = yaml.toJS();
  const parsed = FrontMatterSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    yaml.reportSchema(problems, parsed.error);
    const id = (raw as { id?: unknown } | null)?.id;
    if (typeof id === 'string') problems.unusableDocumentIds.add(id);
    return undefined;
  }
  const front = parsed.data;
  const paragraphs = findParagraphs(split.text);
  const document: SourceDocument = {
    id: front.id,
    title: front.title,
    kind: front.kind,
    publisher: front.publisher,
    author: front.author,
    published: toPublished(front.published),
    url: front.url,
    completeness: front.completeness,
    via: front.via,
    speaker: front.speaker,
    speakers: new Map(
      Object.entries(front.speakers).map(([phrase, id]) => [phrase.toLowerCase(), id]),
    ),
    sic: front.sic,
    notes: front.notes,
    text: split.text,
    paragraphs,
    file,
    textLine: split.textLine,
  };

  if (front.completeness === 'reference' && paragraphs.length > 0) {
    problems.add(
      file,
      split.textLine,
      'a reference document holds no text: remove it, or set completeness to full or excerpts',
    );
  }
  if (front.completeness !== 'reference' && paragraphs.length === 0) {
    problems.add(
      file,
      split.textLine,
      `no text below the front matter (completeness is ${front.completeness})`,
    );
  }
  front.sic.forEach((note, index) => {
    if (!split.text.includes(note.text)) {
      problems.add(
        file,
        yaml.lineOf(['sic', index, 'text']),
        `sic: "${note.text}" is not in the text`,
      );
    }
  });
  return { document, frontMatter: yaml };
}
