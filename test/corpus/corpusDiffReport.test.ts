import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/corpus/corpus.js';
import { diffCorpus, type CorpusDiff } from '../../src/corpus/corpusDiff.js';
import type { TimelineEvent } from '../../src/corpus/corpusTypes.js';
import { corpusDiffJson, formatCorpusDiff } from '../../src/terminal/corpusDiffReport.js';
import { editFile, replaceOnce, seedFiles } from '../support/seed.js';
import { REUTERS_ADDED, REUTERS_DOCUMENT, STATUS_TEXT } from '../support/corpusEdits.js';

/** The shipped corpus, and the same after an editor's day: a source, an event, a status, a party. */
async function edited(): Promise<CorpusDiff> {
  const files = await seedFiles();
  const story = (text: string): string =>
    [
      [
        'review:\n  subject:',
        '  - date: 2025-10-01\n    event: Reuters reported the review\n      would end soon.\n    cite: [{ doc: reuters-2025-10-01 }]\n\nreview:\n  subject:',
      ],
      [`  status:\n${STATUS_TEXT}`, '  status:\n    text: Concluded.'],
      [
        'timeline:\n',
        '  - id: reuters\n    name: Reuters\n    role: News agency.\n    cite: [{ doc: reuters-2025-10-01 }]\n\ntimeline:\n',
      ],
    ].reduce((result, [from = '', to = '']) => replaceOnce(result, from, to), text);
  const after = editFile(
    editFile(files, 'reuters-2025-10-01.md', () => REUTERS_DOCUMENT),
    'story.yaml',
    story,
  );
  return diffCorpus(buildCorpus(files), buildCorpus(after));
}

describe('formatCorpusDiff', () => {
  it('GIVEN no change THEN says so in one line', async () => {
    const corpus = buildCorpus(await seedFiles());
    expect(formatCorpusDiff(diffCorpus(corpus, corpus))).toEqual(['No changes.']);
  });

  it('GIVEN an editor’s day THEN names each change in one line, in the editors’ terms', async () => {
    expect(formatCorpusDiff(await edited())).toEqual([
      'new source: Microsoft review update — Reuters, October 1, 2025',
      'new timeline event, October 1, 2025: Reuters reported the review would end soon.',
      'review status changed: Ongoing. On September 25, 2025 Microsoft said it had stopped and disabled a set of services for a unit within the Israel Ministry of Defense and that the review was continuing. The corpus holds no published findings. → Concluded.',
      'new party: Reuters — News agency.',
    ]);
  });

  it('GIVEN an event changed THEN shows what changed: text, date, or only its sources', () => {
    const event = (date: string, text: string, documentId = 'a'): TimelineEvent => ({
      date,
      text,
      tags: [],
      citations: [{ type: 'source', documentId }],
    });
    const lines = (before: TimelineEvent, after: TimelineEvent) =>
      formatCorpusDiff({ ...empty, changedEvents: [{ before, after }] });
    expect(lines(event('2025-09-25', 'Old.'), event('2025-09-25', 'New.'))).toEqual([
      'changed timeline event, September 25, 2025: Old. → New.',
    ]);
    expect(lines(event('2025-09-25', 'Same.'), event('2025-09-24', 'Same.'))).toEqual([
      'changed timeline event, September 25, 2025 → September 24, 2025: Same.',
    ]);
    expect(lines(event('2025-09', 'Same.'), event('2025-09', 'Same.', 'b'))).toEqual([
      'changed timeline event, September 2025: Same. (its sources changed)',
    ]);
  });

  it('GIVEN a review field changed beside its text THEN says what else may have changed', () => {
    const change = (field: 'announced' | 'status') => ({ field, before: 'Same.', after: 'Same.' });
    expect(
      formatCorpusDiff({ ...empty, reviewChanges: [change('announced'), change('status')] }),
    ).toEqual([
      'review announcement: its date, party or sources changed: Same.',
      'review status: its sources changed: Same.',
    ]);
  });

  it('GIVEN text with line breaks or control characters THEN keeps each change on one line', () => {
    const text = 'Two\nlines\u001b[31m and a bell\u0007.';
    const lines = formatCorpusDiff({
      ...empty,
      addedEvents: [{ date: '2025-10-01', text, tags: [], citations: [] }],
    });
    expect(lines).toEqual(['new timeline event, October 1, 2025: Two lines[31m and a bell.']);
  });
});

describe('corpusDiffJson', () => {
  it('GIVEN an editor’s day THEN gives each entry by what names it', async () => {
    const json = corpusDiffJson(await edited());
    expect(json).toMatchObject({
      addedDocuments: [REUTERS_ADDED],
      addedEvents: [{ date: '2025-10-01', text: 'Reuters reported the review would end soon.' }],
      reviewChanges: [{ field: 'status', after: 'Concluded.' }],
      addedParties: [{ id: 'reuters', name: 'Reuters', role: 'News agency.' }],
      changedEvents: [],
      removedDocuments: [],
    });
    expect(Object.keys(json)).toEqual(Object.keys(empty));
  });
});

const empty: CorpusDiff = {
  addedDocuments: [],
  removedDocuments: [],
  changedDocuments: [],
  addedEvents: [],
  changedEvents: [],
  removedEvents: [],
  reviewChanges: [],
  addedParties: [],
  changedParties: [],
  removedParties: [],
};
