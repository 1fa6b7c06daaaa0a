import { describe, expect, it } from 'vitest';
import { checkCorpus, type CorpusFile } from '../../src/corpus/corpus.js';
import { formatProblem } from '../../src/corpus/problems.js';
import { editFile, replaceOnce, seedFiles } from '../support/seed.js';

const FOX = 'fox28-microsoft-azure-review.md';
const STATEMENT = 'microsoft-2025-05-15-statement.md';

async function problemsAfter(name: string, edit: (text: string) => string): Promise<string[]> {
  const result = checkCorpus(editFile(await seedFiles(), name, edit));
  return result.ok ? [] : result.problems.map(formatProblem);
}

/** File line (1-based) of the first line containing `needle` in the shipped file, after an edit. */
async function lineOf(
  name: string,
  needle: string,
  edit: (text: string) => string = (t) => t,
): Promise<number> {
  const file = (await seedFiles()).find((f) => f.path.endsWith(name)) as CorpusFile;
  return (
    edit(file.text)
      .split('\n')
      .findIndex((line) => line.includes(needle)) + 1
  );
}

describe('checkCorpus', () => {
  it('accepts the shipped corpus', async () => {
    const result = checkCorpus(await seedFiles());
    expect(result.ok).toBe(true);
  });

  it('GIVEN bad YAML in front matter THEN reports it at its line', async () => {
    const edit = (t: string): string => replaceOnce(t, 'kind: article', 'kind: [article');
    const problems = await problemsAfter(FOX, edit);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`${FOX}:\\d+: YAML: `));
  });

  it('GIVEN a value that breaks the schema THEN names the field at its line', async () => {
    const edit = (t: string): string => replaceOnce(t, 'kind: statement', 'kind: press-release');
    const line = await lineOf(STATEMENT, 'kind: press-release', edit);
    expect(await problemsAfter(STATEMENT, edit)).toContainEqual(
      expect.stringContaining(`${STATEMENT}:${line}: kind: `),
    );
  });

  it('GIVEN an impossible date THEN reports the published line', async () => {
    const edit = (t: string): string =>
      replaceOnce(t, 'published: 2025-05-15', 'published: 2025-02-30');
    const line = await lineOf(STATEMENT, 'published:', edit);
    expect(await problemsAfter(STATEMENT, edit)).toContainEqual(
      expect.stringMatching(new RegExp(`${STATEMENT}:${line}: published: `)),
    );
  });

  it('GIVEN a URL that is not http(s) THEN reports it', async () => {
    const edit = (t: string): string => t.replace(/^url: .*$/m, 'url: javascript:alert(1)');
    expect(await problemsAfter(STATEMENT, edit)).toContainEqual(
      expect.stringMatching(/url: expected an http\(s\) URL/),
    );
  });

  it('GIVEN a file without front matter THEN says so at line 1', async () => {
    expect(await problemsAfter('notes.md', () => 'Just some text.\n')).toContainEqual(
      'corpus/notes.md:1: expected front matter: the file must start with a `---` line',
    );
  });

  it('GIVEN front matter that is never closed THEN says so', async () => {
    expect(await problemsAfter('open.md', () => '---\nid: open\n')).toContainEqual(
      expect.stringContaining('open.md:1: front matter is not closed'),
    );
  });

  it('GIVEN two documents with one id THEN reports the second at its id line', async () => {
    const files = await seedFiles();
    const copy = (files.find((f) => f.path.endsWith(STATEMENT)) as CorpusFile).text;
    const result = checkCorpus([...files, { path: 'corpus/copy.md', text: copy }]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.map(formatProblem)).toContainEqual(
        expect.stringMatching(
          /^corpus\/copy\.md:2: duplicate document id "microsoft-2025-05-15-statement" \(first used in .*microsoft-2025-05-15-statement\.md\)$/,
        ),
      );
    }
  });

  it('GIVEN an excerpt that is not verbatim in its `via` document THEN reports the excerpt line', async () => {
    const edit = (t: string): string => replaceOnce(t, 'We do occasionally', 'We do often');
    const line = await lineOf(STATEMENT, 'We do often', edit);
    expect(await problemsAfter(STATEMENT, edit)).toContainEqual(
      expect.stringContaining(
        `${STATEMENT}:${line}: excerpt not found verbatim in "fox28-microsoft-azure-review"`,
      ),
    );
  });

  it('GIVEN `via` naming an unknown document THEN reports the via line', async () => {
    const edit = (t: string): string =>
      replaceOnce(t, 'via: fox28-microsoft-azure-review', 'via: nowhere');
    const line = await lineOf(STATEMENT, 'via: nowhere', edit);
    expect(await problemsAfter(STATEMENT, edit)).toContainEqual(
      `corpus/${STATEMENT}:${line}: via: unknown document id "nowhere"`,
    );
  });

  it('GIVEN excerpts without `via` THEN asks for it', async () => {
    const edit = (t: string): string => replaceOnce(t, 'via: fox28-microsoft-azure-review\n', '');
    expect(await problemsAfter(STATEMENT, edit)).toContainEqual(
      expect.stringContaining('via: excerpts need `via`'),
    );
  });

  it('GIVEN a citation whose quote is not in the document THEN reports the citation line', async () => {
    const edit = (t: string): string =>
      replaceOnce(
        t,
        'quote: Microsoft said it would public the findings',
        'quote: Microsoft said it would publish the findings',
      );
    const line = await lineOf('story.yaml', 'would publish the findings of its review', edit);
    expect(await problemsAfter('story.yaml', edit)).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^corpus/story\\.yaml:${line}: quote not found verbatim in "fox28-microsoft-azure-review"`,
        ),
      ),
    );
  });

  it('GIVEN a citation of an unknown document THEN reports it', async () => {
    const edit = (t: string): string =>
      replaceOnce(
        t,
        '      - doc: microsoft-2025-09-25-update\n      - doc: guardian-2025-09-25-microsoft-blocks\n\nreview:',
        '      - doc: no-such-document\n\nreview:',
      );
    expect(await problemsAfter('story.yaml', edit)).toContainEqual(
      expect.stringMatching(/story\.yaml:\d+: unknown document id "no-such-document"/),
    );
  });

  it('GIVEN a quote from a reference-only document THEN explains it cannot be quoted', async () => {
    const edit = (t: string): string =>
      replaceOnce(
        t,
        '      - doc: 972mag-2025-08-06-microsoft-8200\n\n  - date: 2025-08-15',
        '      - doc: 972mag-2025-08-06-microsoft-8200\n        quote: anything\n\n  - date: 2025-08-15',
      );
    expect(await problemsAfter('story.yaml', edit)).toContainEqual(
      expect.stringContaining('is a reference document (no text held), so it cannot be quoted'),
    );
  });

  it('GIVEN an unknown party id THEN reports it at its line', async () => {
    const edit = (t: string): string => replaceOnce(t, 'by: microsoft', 'by: microsft');
    const line = await lineOf('story.yaml', 'by: microsft', edit);
    expect(await problemsAfter('story.yaml', edit)).toContainEqual(
      `corpus/story.yaml:${line}: unknown party id "microsft"`,
    );
  });

  it('GIVEN a party that speaks for an unknown party THEN reports it at its line', async () => {
    const edit = (t: string): string =>
      replaceOnce(t, 'speaks_for: microsoft', 'speaks_for: microsft');
    const line = await lineOf('story.yaml', 'speaks_for: microsft', edit);
    expect(await problemsAfter('story.yaml', edit)).toContainEqual(
      `corpus/story.yaml:${line}: unknown party id "microsft"`,
    );
  });

  it('GIVEN a document speaker that is not a party THEN reports it in the document', async () => {
    const edit = (t: string): string => replaceOnce(t, 'speaker: microsoft', 'speaker: apple');
    const line = await lineOf(STATEMENT, 'speaker: apple', edit);
    expect(await problemsAfter(STATEMENT, edit)).toContainEqual(
      expect.stringContaining(`${STATEMENT}:${line}: unknown party id "apple"`),
    );
  });

  it('GIVEN a sic note whose text is not in the document THEN reports it', async () => {
    const edit = (t: string): string =>
      replaceOnce(t, 'text: Covington and Buling LLP', 'text: Covington and Bulling LLP');
    expect(await problemsAfter(FOX, edit)).toContainEqual(
      expect.stringMatching(/sic: "Covington and Bulling LLP" is not in the text/),
    );
  });

  it('GIVEN text in a reference document THEN reports it', async () => {
    expect(
      await problemsAfter('microsoft-2025-09-25-update.md', (t) => `${t}\nSome invented words.\n`),
    ).toContainEqual(expect.stringContaining('a reference document holds no text'));
  });

  it('GIVEN no story.yaml THEN says it is missing', async () => {
    const result = checkCorpus((await seedFiles()).filter((f) => !f.path.endsWith('story.yaml')));
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems.map(formatProblem)).toContainEqual(
        expect.stringContaining('story.yaml:1: missing'),
      );
  });

  it('reports every problem of a broken corpus at once, sorted by file and line', async () => {
    let files = editFile(await seedFiles(), STATEMENT, (t) =>
      replaceOnce(t, 'kind: statement', 'kind: nope'),
    );
    files = editFile(files, 'story.yaml', (t) => replaceOnce(t, 'by: microsoft', 'by: nobody'));
    const result = checkCorpus(files);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.length).toBeGreaterThanOrEqual(2);
      const keys = result.problems.map((p) => `${p.file}\0${String(p.line).padStart(6, '0')}`);
      expect(keys).toEqual([...keys].sort());
    }
  });
});
