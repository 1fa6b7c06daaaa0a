import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCorpus, type CorpusFile } from '../../src/corpus/corpus.js';
import { diffCorpus, isEmptyDiff } from '../../src/corpus/corpusDiff.js';
import type { Corpus } from '../../src/corpus/corpusTypes.js';
import { replaceOnce } from '../support/seed.js';

/** A small corpus: one document with text, one reference document, and the editors' knowledge. */
const ALPHA = `---
id: alpha
title: Alpha report
kind: article
publisher: Alpha News
published: 2025-08-06
url: https://alpha.example/report
completeness: full
---

The company said it would review the claims. It hired a law firm.

The review is ongoing.
`;

const BETA = `---
id: beta
title: Beta statement
kind: statement
publisher: Beta Corp
published: 2025-09-25
url: https://beta.example/statement
completeness: reference
---
`;

const GAMMA = `---
id: gamma
title: Gamma follow-up
kind: article
publisher: Gamma Daily
published: 2025-10-02
url: https://gamma.example/follow-up
completeness: full
---

The review found evidence and Beta cut off the services.
`;

const STORY = `parties:
  - id: beta
    name: Beta Corp
    role: The company under review.
    cite:
      - doc: beta
  - id: firm
    name: Law Firm
    aliases: [the firm, counsel]
    role: Conducts the review.
    cite:
      - doc: alpha
        quote: It hired a law firm.
timeline:
  - date: 2025-08-06
    event: Alpha reported the claims against Beta.
    tags: [report, claims]
    cite:
      - doc: alpha
        quote: The company said it would review the claims.
      - doc: beta
  - date: 2025-08-15
    event: Beta announced a review of the claims by a law firm.
    tags: [review]
    cite:
      - doc: alpha
        quote: It hired a law firm.
  - date: 2025-09-25
    event: Beta stopped some of its services for the unit; the review continues.
    cite:
      - doc: beta
review:
  subject: Beta's review of the claims
  announced:
    date: 2025-08-15
    by: beta
    text: Announced by Beta on August 15, 2025.
    cite:
      - doc: alpha
        quote: The company said it would review the claims.
  conducted_by:
    parties: [firm]
    text: A law firm.
    cite:
      - doc: alpha
        quote: It hired a law firm.
  scope:
    text: The claims.
    cite: [{ doc: alpha, quote: review the claims }]
  promised:
    text: Nothing promised yet.
    cite: [{ doc: beta }]
  status:
    text: Ongoing.
    cite:
      - doc: alpha
        quote: The review is ongoing.
`;

interface Texts {
  alpha?: string;
  beta?: string;
  story?: string;
  extra?: Record<string, string>;
}

function corpus({ alpha = ALPHA, beta = BETA, story = STORY, extra = {} }: Texts = {}): Corpus {
  const files: CorpusFile[] = [
    { path: 'corpus/alpha.md', text: alpha },
    { path: 'corpus/beta.md', text: beta },
    ...Object.entries(extra).map(([name, text]) => ({ path: `corpus/${name}`, text })),
    { path: 'corpus/story.yaml', text: story },
  ];
  return buildCorpus(files);
}

const base = corpus();
const diffTo = (texts: Texts) => diffCorpus(base, corpus(texts));
/** `text` with each `[from, to]` replaced exactly once, so no edit silently does nothing. */
const edit = (text: string, ...pairs: [string, string][]) =>
  pairs.reduce((result, [from, to]) => replaceOnce(result, from, to), text);
const storyWith = (...pairs: [string, string][]) => edit(STORY, ...pairs);

/** The diff with only its non-empty parts, so a test states everything that changed. */
function parts(texts: Texts): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(diffTo(texts)).filter(([, value]) => (value as unknown[]).length > 0),
  );
}

const NEW_EVENT = `  - date: 2025-10-02
    event: The review found evidence, and Beta cut off the services.
    cite:
      - doc: gamma
        quote: The review found evidence
review:`;

describe('diffCorpus', () => {
  it('GIVEN the same corpus THEN finds no change', () => {
    const diff = diffCorpus(base, corpus());
    expect(isEmptyDiff(diff)).toBe(true);
    expect(Object.values(diff).every((value: unknown[]) => value.length === 0)).toBe(true);
  });

  it('GIVEN re-wrapped, re-indented and reordered YAML THEN finds no change', () => {
    const story = storyWith(
      [
        '    event: Beta announced a review of the claims by a law firm.',
        '    event: >-\n      Beta announced a review\n      of the claims   by a law firm.',
      ],
      ['tags: [report, claims]', 'tags: [claims, report]'],
      ['aliases: [the firm, counsel]', 'aliases: [counsel, the firm]'],
      [
        '      - doc: alpha\n        quote: The company said it would review the claims.\n      - doc: beta\n',
        '      - doc: beta\n      - { doc: alpha, quote: "The company said it would review the claims." }\n',
      ],
      ['    text: Ongoing.', '    text: >\n      Ongoing.\n'],
    );
    // The timeline's entries in another order: the corpus sorts them by date.
    const [head, rest] = story.split('timeline:\n') as [string, string];
    const [events, review] = rest.split('review:\n') as [string, string];
    const entries = events.split(/(?= {2}- date: )/);
    const reordered = `${head}timeline:\n${[...entries].reverse().join('')}review:\n${review}`;
    // Parties in another order too.
    const [before, partiesAndAfter] = reordered.split('parties:\n') as [string, string];
    const [partyList, after] = partiesAndAfter.split('timeline:\n') as [string, string];
    const parties = partyList
      .split(/(?= {2}- id: )/)
      .reverse()
      .join('');
    expect(diffTo({ story: `${before}parties:\n${parties}timeline:\n${after}` })).toSatisfy(
      isEmptyDiff,
    );
  });

  it('GIVEN a document re-wrapped and moved to another file name THEN finds no change', () => {
    const alpha = replaceOnce(ALPHA, 'the claims. It hired', 'the claims.\nIt hired');
    const files: CorpusFile[] = [
      {
        path: 'corpus/renamed.md',
        text: replaceOnce(alpha, 'title: Alpha report', 'title: >-\n  Alpha\n  report'),
      },
      { path: 'corpus/beta.md', text: BETA },
      { path: 'corpus/story.yaml', text: STORY },
    ];
    expect(diffCorpus(base, buildCorpus(files))).toSatisfy(isEmptyDiff);
  });

  it('GIVEN text added above quoted passages THEN reports the document only, not the citations whose offsets moved', () => {
    const alpha = replaceOnce(
      ALPHA,
      '---\n\nThe company',
      '---\n\nA new first paragraph.\n\nThe company',
    );
    const after = corpus({ alpha });
    const offsets = (c: Corpus) => c.knowledge.review.status.citations;
    expect(offsets(after)).not.toEqual(offsets(base));
    const diff = diffCorpus(base, after);
    expect(diff.changedDocuments.map((d) => d.id)).toEqual(['alpha']);
    expect(diff.changedDocuments[0]?.text).toContain('A new first paragraph.');
    expect({ ...diff, changedDocuments: [] }).toSatisfy(isEmptyDiff);
  });

  it('GIVEN a new document and a new event citing it THEN reports both', () => {
    const diff = diffTo({ extra: { 'gamma.md': GAMMA }, story: storyWith(['review:', NEW_EVENT]) });
    expect(diff.addedDocuments.map((d) => [d.id, d.title, d.publisher])).toEqual([
      ['gamma', 'Gamma follow-up', 'Gamma Daily'],
    ]);
    expect(diff.addedEvents.map((e) => [e.date, e.text])).toEqual([
      ['2025-10-02', 'The review found evidence, and Beta cut off the services.'],
    ]);
    expect(diff.changedEvents).toEqual([]);
    expect(diff.removedEvents).toEqual([]);
  });

  it('GIVEN a document gone THEN reports it removed', () => {
    const before = corpus({ extra: { 'gamma.md': GAMMA } });
    const diff = diffCorpus(before, base);
    expect(diff.removedDocuments.map((d) => d.id)).toEqual(['gamma']);
    expect({ ...diff, removedDocuments: [] }).toSatisfy(isEmptyDiff);
  });

  it('GIVEN a changed title, date or text THEN reports the document changed, as it is now', () => {
    expect(parts({ beta: replaceOnce(BETA, 'Beta statement', 'Beta statement, updated') })).toEqual(
      {
        changedDocuments: [
          expect.objectContaining({ id: 'beta', title: 'Beta statement, updated' }),
        ],
      },
    );
    expect(
      diffTo({ beta: replaceOnce(BETA, '2025-09-25', '2025-09-26') }).changedDocuments,
    ).toHaveLength(1);
    const alpha = replaceOnce(ALPHA, 'The review is ongoing.', 'The review is ongoing. More soon.');
    expect(parts({ alpha })).toEqual({
      changedDocuments: [expect.objectContaining({ id: 'alpha' })],
    });
  });

  it('GIVEN new documents THEN lists them oldest first', () => {
    const early = edit(GAMMA, ['id: gamma', 'id: early'], ['2025-10-02', '2025-07-01']);
    const diff = diffTo({ extra: { 'gamma.md': GAMMA, 'zz-early.md': early } });
    expect(diff.addedDocuments.map((d) => d.id)).toEqual(['early', 'gamma']);
  });

  it('GIVEN an event reworded on the same date THEN reports it changed, before and after', () => {
    const diff = diffTo({
      story: storyWith([
        'stopped some of its services for the unit',
        'disabled cloud storage and AI services for a unit',
      ]),
    });
    expect(diff.changedEvents.map(({ before, after }) => [before.text, after.text])).toEqual([
      [
        'Beta stopped some of its services for the unit; the review continues.',
        'Beta disabled cloud storage and AI services for a unit; the review continues.',
      ],
    ]);
    expect({ ...diff, changedEvents: [] }).toSatisfy(isEmptyDiff);
  });

  it('GIVEN the only event of a date rewritten entirely THEN still pairs it: the date stayed', () => {
    const diff = diffTo({
      story: storyWith([
        'Beta stopped some of its services for the unit; the review continues.',
        'Something else happened.',
      ]),
    });
    expect(diff.changedEvents.map(({ after }) => after.text)).toEqual(['Something else happened.']);
    expect(diff.addedEvents).toEqual([]);
    expect(diff.removedEvents).toEqual([]);
  });

  it('GIVEN an event whose date was corrected THEN reports it changed, not removed and added', () => {
    const diff = diffTo({ story: storyWith(['date: 2025-09-25', 'date: 2025-09-24']) });
    expect(diff.changedEvents.map(({ before, after }) => [before.date, after.date])).toEqual([
      ['2025-09-25', '2025-09-24'],
    ]);
    expect({ ...diff, changedEvents: [] }).toSatisfy(isEmptyDiff);
  });

  it('GIVEN an event whose quote changed THEN reports it changed with the same text', () => {
    const diff = diffTo({
      story: storyWith([
        'tags: [review]\n    cite:\n      - doc: alpha\n        quote: It hired a law firm.',
        'tags: [review]\n    cite:\n      - doc: alpha\n        quote: It hired a law firm',
      ]),
    });
    expect(diff.changedEvents).toHaveLength(1);
    expect(diff.changedEvents[0]?.before.text).toBe(diff.changedEvents[0]?.after.text);
  });

  it('GIVEN one event edited and a new one added on the same date THEN pairs the closer text and adds the other', () => {
    const story = storyWith([
      '  - date: 2025-09-25\n    event: Beta stopped some of its services for the unit; the review continues.',
      '  - date: 2025-09-25\n    event: Gamma Daily reported on the services.\n    cite: [{ doc: beta }]\n' +
        '  - date: 2025-09-25\n    event: Beta stopped some of its services for a unit; the review goes on.',
    ]);
    const diff = diffTo({ story });
    expect(diff.changedEvents.map(({ after }) => after.text)).toEqual([
      'Beta stopped some of its services for a unit; the review goes on.',
    ]);
    expect(diff.addedEvents.map((e) => e.text)).toEqual(['Gamma Daily reported on the services.']);
    expect(diff.removedEvents).toEqual([]);
  });

  it('GIVEN two events of one date both replaced by unrelated ones THEN does not guess: removed and added', () => {
    const two = (a: string, b: string) =>
      storyWith([
        '  - date: 2025-09-25\n    event: Beta stopped some of its services for the unit; the review continues.',
        `  - date: 2025-09-25\n    event: ${a}\n    cite: [{ doc: beta }]\n  - date: 2025-09-25\n    event: ${b}`,
      ]);
    const diff = diffCorpus(
      corpus({ story: two('First thing.', 'Second thing.') }),
      corpus({ story: two('Other news.', 'More news.') }),
    );
    expect(diff.changedEvents).toEqual([]);
    expect(diff.removedEvents.map((e) => e.text)).toEqual(['First thing.', 'Second thing.']);
    expect(diff.addedEvents.map((e) => e.text)).toEqual(['Other news.', 'More news.']);
  });

  it('GIVEN an event deleted THEN reports it removed', () => {
    const story = storyWith([
      '  - date: 2025-08-06\n    event: Alpha reported the claims against Beta.\n    tags: [report, claims]\n    cite:\n      - doc: alpha\n        quote: The company said it would review the claims.\n      - doc: beta\n',
      '',
    ]);
    expect(parts({ story })).toEqual({
      removedEvents: [
        expect.objectContaining({
          date: '2025-08-06',
          text: 'Alpha reported the claims against Beta.',
        }),
      ],
    });
  });

  it('GIVEN new events THEN lists them oldest first', () => {
    const story = storyWith([
      'timeline:\n',
      'timeline:\n  - date: 2025-12-01\n    event: Later.\n    cite: [{ doc: beta }]\n  - date: 2025-01\n    event: Earlier.\n    cite: [{ doc: beta }]\n',
    ]);
    expect(diffTo({ story }).addedEvents.map((e) => e.date)).toEqual(['2025-01', '2025-12-01']);
  });

  it('GIVEN a new review status THEN reports the field with its text before and after and the new citations', () => {
    const story = storyWith([
      '    text: Ongoing.\n    cite:\n      - doc: alpha\n        quote: The review is ongoing.',
      '    text: Concluded; findings published.\n    cite:\n      - doc: beta',
    ]);
    expect(parts({ story })).toEqual({
      reviewChanges: [
        {
          field: 'status',
          before: 'Ongoing.',
          after: 'Concluded; findings published.',
          fact: {
            text: 'Concluded; findings published.',
            citations: [{ type: 'source', documentId: 'beta' }],
          },
        },
      ],
    });
  });

  it('GIVEN review fields changed beside their text THEN reports them with equal before and after', () => {
    const story = storyWith(
      ['    date: 2025-08-15\n    by: beta', '    date: 2025-08-16\n    by: beta'],
      ["subject: Beta's review of the claims", "subject: Beta's review of all the claims"],
      [
        'cite: [{ doc: beta }]\n  status',
        'cite: [{ doc: alpha, quote: It hired a law firm. }]\n  status',
      ],
    );
    const changes = diffTo({ story }).reviewChanges;
    expect(changes.map(({ field, before, after }) => [field, before, after])).toEqual([
      ['subject', "Beta's review of the claims", "Beta's review of all the claims"],
      [
        'announced',
        'Announced by Beta on August 15, 2025.',
        'Announced by Beta on August 15, 2025.',
      ],
      ['promised', 'Nothing promised yet.', 'Nothing promised yet.'],
    ]);
    expect(changes[0]?.fact).toBeUndefined();
    expect(changes[1]?.fact).toMatchObject({ date: '2025-08-16' });
  });

  it('GIVEN parties added, changed and removed THEN reports each', () => {
    const story = storyWith(
      ['role: Conducts the review.', 'role: Conducts the review, with consultants.'],
      [
        '    name: Beta Corp\n    role: The company under review.\n    cite:\n      - doc: beta\n',
        '    name: Beta Corp\n    aliases: [Beta]\n    role: The company under review.\n    cite:\n      - doc: beta\n' +
          '  - id: watchdog\n    name: Watchdog\n    role: Asked for the review.\n    cite: [{ doc: beta }]\n',
      ],
    );
    const diff = diffTo({ story });
    expect(diff.addedParties.map((p) => p.id)).toEqual(['watchdog']);
    expect(
      diff.changedParties.map(({ before, after }) => [before.id, before.role, after.role]),
    ).toEqual([
      ['beta', 'The company under review.', 'The company under review.'],
      ['firm', 'Conducts the review.', 'Conducts the review, with consultants.'],
    ]);
    expect(diffCorpus(corpus({ story }), base).removedParties.map((p) => p.id)).toEqual([
      'watchdog',
    ]);
  });

  it('GIVEN any reordering and re-wrapping of the timeline THEN finds no change (property)', () => {
    const [head, rest] = STORY.split('timeline:\n') as [string, string];
    const [events, review] = rest.split('review:\n') as [string, string];
    const entries = events.split(/(?= {2}- date: )/);
    fc.assert(
      fc.property(
        fc.shuffledSubarray(entries, { minLength: entries.length }),
        fc.array(fc.constantFrom(' ', '  ', '\n      '), { minLength: 12, maxLength: 12 }),
        (shuffled, gaps) => {
          // Folded YAML (>-) turns single newlines into spaces, so each gap is whitespace in the text.
          const wrapped = shuffled.map((entry) =>
            entry.replace(/ {4}event: (.*)\n/, (_, text: string) => {
              let i = 0;
              return `    event: >-\n      ${text.replace(/ /g, () => gaps[i++ % gaps.length] ?? ' ')}\n`;
            }),
          );
          const story = `${head}timeline:\n${wrapped.join('')}review:\n${review}`;
          return isEmptyDiff(diffTo({ story }));
        },
      ),
      { numRuns: 50 },
    );
  });
});
