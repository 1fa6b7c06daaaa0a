import { createHash } from 'node:crypto';
import { parseDocumentFile, lineOfOffset, type ParsedDocument } from './documentFile.js';
import { parseKnowledgeFile, resolveKnowledge } from './knowledgeFile.js';
import { CorpusError, ProblemList, type CorpusProblem } from './problems.js';
import type { Corpus, SourceDocument } from './corpusTypes.js';

/** A corpus file as read from disk: its path (as shown in messages) and its text. */
export interface CorpusFile {
  readonly path: string;
  readonly text: string;
  /** Found while reading it (bytes that are not UTF-8). */
  readonly problems?: readonly CorpusProblem[] | undefined;
}

/** The editors' knowledge lives in this file; every `.md` file beside it is a document. */
export const KNOWLEDGE_FILE = 'story.yaml';

export type CorpusCheck =
  | { readonly ok: true; readonly corpus: Corpus }
  | { readonly ok: false; readonly problems: readonly CorpusProblem[] };

const isKnowledgeFile = (path: string): boolean => path.split(/[\\/]/).pop() === KNOWLEDGE_FILE;

/** Checks every file and every reference between files; reports all problems, in file order. */
export function checkCorpus(files: readonly CorpusFile[]): CorpusCheck {
  const problems = new ProblemList();
  for (const problem of files.flatMap((file) => file.problems ?? [])) {
    problems.add(problem.file, problem.line, problem.message, problem.column);
  }
  const parsed: ParsedDocument[] = [];
  for (const file of files.filter((f) => f.path.endsWith('.md'))) {
    const result = parseDocumentFile(file.path, file.text, problems);
    if (result) parsed.push(result);
  }

  const documents = new Map<string, SourceDocument>();
  for (const { document, frontMatter } of parsed) {
    const first = documents.get(document.id);
    if (first) {
      problems.add(
        document.file,
        frontMatter.lineOf(['id']),
        `duplicate document id "${document.id}" (first used in ${first.file})`,
      );
    } else {
      documents.set(document.id, document);
    }
  }
  for (const entry of parsed) checkExcerpts(entry, documents, problems);

  const knowledgeFiles = files.filter((f) => isKnowledgeFile(f.path));
  const knowledgeFile = knowledgeFiles[0];
  if (!knowledgeFile) {
    problems.add(
      KNOWLEDGE_FILE,
      1,
      `missing: the corpus needs ${KNOWLEDGE_FILE} (parties, timeline, review)`,
    );
    return { ok: false, problems: sorted(problems.items) };
  }
  const knowledgeInput = parseKnowledgeFile(knowledgeFile.path, knowledgeFile.text, problems);
  if (!knowledgeInput) return { ok: false, problems: sorted(problems.items) };
  const knowledge = resolveKnowledge(knowledgeInput, documents, problems);

  const partyIds = new Set(knowledge.parties.map((party) => party.id));
  for (const { document, frontMatter } of parsed) {
    if (document.speaker !== undefined && !partyIds.has(document.speaker)) {
      problems.add(
        document.file,
        frontMatter.lineOf(['speaker']),
        `unknown party id "${document.speaker}" (parties are listed in ${KNOWLEDGE_FILE})`,
      );
    }
    for (const [phrase, id] of document.speakers) {
      if (!partyIds.has(id)) {
        problems.add(
          document.file,
          frontMatter.lineOf(['speakers']),
          `speakers: "${phrase}" names unknown party id "${id}"`,
        );
      }
    }
  }

  if (!problems.isEmpty) return { ok: false, problems: sorted(problems.items) };
  return {
    ok: true,
    corpus: { documents: [...documents.values()], knowledge, fingerprint: fingerprint(files) },
  };
}

/** Like `checkCorpus`, for callers that cannot go on with a broken corpus (the bot, the CLI). */
export function buildCorpus(files: readonly CorpusFile[]): Corpus {
  const check = checkCorpus(files);
  if (!check.ok) throw new CorpusError(check.problems);
  return check.corpus;
}

/** Excerpts must be verbatim slices of the document they were taken from. */
function checkExcerpts(
  { document, frontMatter }: ParsedDocument,
  documents: ReadonlyMap<string, SourceDocument>,
  problems: ProblemList,
): void {
  if (document.via === undefined) return;
  const source = documents.get(document.via);
  if (!source && problems.unusableDocumentIds.has(document.via)) return;
  if (!source) {
    problems.add(
      document.file,
      frontMatter.lineOf(['via']),
      `via: unknown document id "${document.via}"`,
    );
    return;
  }
  if (source.id === document.id || source.completeness === 'reference') {
    problems.add(
      document.file,
      frontMatter.lineOf(['via']),
      `via: "${source.id}" holds no text to take excerpts from`,
    );
    return;
  }
  for (const paragraph of document.paragraphs) {
    const excerpt = document.text.slice(paragraph.start, paragraph.end);
    if (!source.text.includes(excerpt)) {
      problems.add(
        document.file,
        lineOfOffset(document, paragraph.start),
        `excerpt not found verbatim in "${source.id}" (${source.file}): "${shorten(excerpt)}"`,
      );
    }
  }
}

function shorten(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function sorted(problems: readonly CorpusProblem[]): CorpusProblem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || (a.column ?? 0) - (b.column ?? 0),
  );
}

function fingerprint(files: readonly CorpusFile[]): string {
  const hash = createHash('sha256');
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    hash.update(file.path).update('\0').update(file.text).update('\0');
  }
  return hash.digest('hex').slice(0, 12);
}
