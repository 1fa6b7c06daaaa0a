/**
 * Reading a corpus directory: bytes are decoded strictly as UTF-8 (a bad byte is a problem at its
 * file, line and column, never a "verbatim" quote with �; a byte-order mark is accepted and
 * dropped), and a directory that cannot be read as a corpus is one line naming the path.
 */
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkCorpus } from '../../src/corpus/corpus.js';
import { DEFAULT_CORPUS_DIR, readCorpusFiles } from '../../src/corpus/loadCorpus.js';
import { CorpusLocationError, formatProblem } from '../../src/corpus/problems.js';

const FOX = 'fox28-microsoft-azure-review.md';
let directory: string | undefined;

afterEach(() => {
  if (directory) rmSync(directory, { recursive: true, force: true });
  directory = undefined;
});

/** A copy of the shipped corpus in a fresh temporary directory. */
function corpusCopy(): string {
  directory = mkdtempSync(path.join(tmpdir(), 'story-bot-corpus-'));
  cpSync(DEFAULT_CORPUS_DIR, directory, { recursive: true });
  return directory;
}

async function problems(dir: string): Promise<string[]> {
  const check = checkCorpus(await readCorpusFiles(dir));
  return check.ok ? [] : check.problems.map(formatProblem);
}

describe('reading corpus files', () => {
  it('GIVEN a Latin-1 byte in a document THEN reports invalid UTF-8 at its file, line and column', async () => {
    const dir = corpusCopy();
    const file = path.join(dir, FOX);
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('Covington and Buling')) + 1;
    const column = (lines[line - 1] ?? '').indexOf('Covington') + 1;
    // "Covington" with an "é" written as Latin-1 (one byte 0xE9) before it.
    const at = Buffer.from(text).indexOf('Covington and Buling');
    const bytes = Buffer.concat([
      Buffer.from(text).subarray(0, at),
      Buffer.from([0xe9]),
      Buffer.from(text).subarray(at),
    ]);
    writeFileSync(file, bytes);
    const found = await problems(dir);
    expect(found).toContainEqual(
      expect.stringMatching(new RegExp(`${FOX}:${line}:${column}: invalid UTF-8 \\(byte 0xE9\\)`)),
    );
  });

  it('GIVEN a lone continuation byte after multi-byte characters THEN counts the column in characters', async () => {
    const dir = corpusCopy();
    const file = path.join(dir, 'notes.md');
    writeFileSync(
      file,
      Buffer.concat([Buffer.from('---\nid: n\n---\n“é” x'), Buffer.from([0x80])]),
    );
    expect(await problems(dir)).toContainEqual(
      expect.stringMatching(/notes\.md:4:6: invalid UTF-8 \(byte 0x80\)/),
    );
  });

  it('GIVEN a UTF-8 byte-order mark at the top of a document THEN accepts the file and drops the mark', async () => {
    const dir = corpusCopy();
    const file = path.join(dir, FOX);
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(file)]));
    const files = await readCorpusFiles(dir);
    expect(await problems(dir)).toEqual([]);
    const read = files.find((f) => f.path.endsWith(FOX));
    expect(read?.text.startsWith('---')).toBe(true);
  });

  it('GIVEN a missing directory THEN one line names it', async () => {
    await expect(readCorpusFiles('/nonexistent/corpus')).rejects.toThrow(
      new CorpusLocationError('/nonexistent/corpus: no such directory'),
    );
  });

  it('GIVEN a file where the directory should be THEN one line names it', async () => {
    const dir = corpusCopy();
    const file = path.join(dir, 'story.yaml');
    await expect(readCorpusFiles(file)).rejects.toThrow(/story\.yaml: not a directory$/);
  });

  it('GIVEN a directory named like a document THEN one line names it', async () => {
    const dir = corpusCopy();
    mkdirSync(path.join(dir, 'drafts.md'));
    const error = await readCorpusFiles(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorpusLocationError);
    expect((error as Error).message).toMatch(/drafts\.md: a directory, not a document file/);
    expect((error as Error).message).not.toContain('\n');
  });

  it('GIVEN a document that cannot be read (a broken link) THEN one line names it', async () => {
    const dir = corpusCopy();
    symlinkSync(path.join(dir, 'gone.md'), path.join(dir, 'link.md'));
    await expect(readCorpusFiles(dir)).rejects.toThrow(/link\.md: cannot be read \(ENOENT/);
  });
});
