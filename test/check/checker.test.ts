import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Story } from '../../src/story/story.js';
import { checkQuotation } from '../../src/check/checker.js';
import { checkMessage } from '../../src/check/checkMessage.js';
import { quotedParts } from '../../src/check/quotedParts.js';
import { words } from '../../src/check/words.js';
import { seedStory } from '../support/seed.js';

let story: Story;
beforeAll(async () => {
  story = await seedStory();
});

describe('quotedParts', () => {
  it('takes the quoted parts of a message: curly, straight, guillemets, block quotes', () => {
    expect(
      quotedParts('He said “a full and urgent review” and "mass surveillance of civilians" lol'),
    ).toEqual(['a full and urgent review', 'mass surveillance of civilians']);
    expect(quotedParts('> We provided this help\n> with significant oversight\nagreed?')).toEqual([
      'We provided this help with significant oversight',
    ]);
    expect(quotedParts('«un examen complet et urgent»')).toEqual(['un examen complet et urgent']);
  });

  it('uses the whole message when nothing is quoted, without Markdown or mentions', () => {
    expect(
      quotedParts('<@123456789012345678> **Microsoft** said it would _public_ the findings'),
    ).toEqual(['Microsoft said it would public the findings']);
  });

  it('ignores one- and two-word scare quotes', () => {
    expect(quotedParts('the "review" was a “full and urgent review”')).toEqual([
      'full and urgent review',
    ]);
  });
});

describe('checkQuotation', () => {
  it('finds a verbatim quotation in the statement, not only in the article that quotes it', () => {
    const check = checkQuotation(story, 'merit a full and urgent review');
    expect(check).toMatchObject({ verdict: 'verbatim', similarity: 1, differences: [] });
    expect(check.match?.documentId).toBe('microsoft-2025-08-15-update');
  });

  it('ignores typography and case only', () => {
    expect(
      checkQuotation(
        story,
        "THE GUARDIAN'S RECENT REPORT RAISES ADDITIONAL — AND PRECISE — ALLEGATIONS",
      ).verdict,
    ).toBe('verbatim');
    expect(
      checkQuotation(
        story,
        "the guardian's recent report raises additional and precise allegations",
      ).verdict,
    ).toBe('verbatim');
    expect(
      checkQuotation(story, "the guardian's recent report raises new and precise allegations")
        .verdict,
    ).toBe('close');
  });

  it('accepts elisions marked with an ellipsis, in order', () => {
    expect(
      checkQuotation(story, 'We do occasionally provide special access … to help rescue hostages')
        .verdict,
    ).toBe('verbatim');
    expect(
      checkQuotation(story, 'to help rescue hostages … We do occasionally provide special access')
        .verdict,
    ).not.toBe('verbatim');
  });

  it('calls a changed word close and shows message vs source', () => {
    const check = checkQuotation(
      story,
      'we believe Microsoft has violated these Commitments in Israel and Gaza',
    );
    expect(check.verdict).toBe('close');
    expect(check.differences).toEqual([
      { type: 'changed', said: 'violated', source: 'abided by', at: expect.any(Object) as object },
    ]);
  });

  it('shows added and left-out words', () => {
    const added = checkQuotation(
      story,
      'allowing for far more extensive surveillance of Palestinians',
    );
    expect(added.differences.map((d) => d.type)).toContain('added');
    const missing = checkQuotation(
      story,
      'Based on everything we know, we believe Microsoft has abided by these Commitments',
    );
    expect(missing.differences).toEqual([
      { type: 'missing', source: 'currently', at: expect.any(Object) as object },
    ]);
  });

  it('does not call a fabrication that shares names close, nor show an unrelated passage', () => {
    const check = checkQuotation(
      story,
      'Microsoft will hand the names of Unit 8200 officers to the Guardian',
    );
    expect(check.verdict).toBe('not-found');
    expect(check.match).toBeUndefined();
  });

  it('shows the nearest passage for a paraphrase', () => {
    const check = checkQuotation(
      story,
      'Microsoft said it found no evidence its tech was used to hurt people in Gaza',
    );
    expect(check.verdict).toBe('not-found');
    expect(
      check.match &&
        story.document(check.match.documentId)?.text.slice(check.match.start, check.match.end),
    ).toContain('found no evidence');
  });

  it('checks each quotation of a message', () => {
    expect(
      checkMessage(story, 'Compare “a full and urgent review” with “a full and quick review”').map(
        (c) => c.verdict,
      ),
    ).toEqual(['verbatim', 'close']);
  });
});

/** Slices of at least six words from the documents holding text. */
const slices = (): fc.Arbitrary<string> =>
  fc
    .constantFrom(...story.corpus.documents.filter((d) => d.completeness !== 'reference'))
    .chain((document) => {
      const all = words(document.text);
      return fc.integer({ min: 0, max: Math.max(0, all.length - 6) }).chain((from) =>
        fc.integer({ min: 6, max: 30 }).map((length) => {
          const chosen = all.slice(from, Math.min(all.length, from + length));
          return document.text.slice(chosen[0]?.start ?? 0, chosen[chosen.length - 1]?.end ?? 0);
        }),
      );
    });

/** The typography a chat message may change: quotes, apostrophes, dashes, spacing, case. */
const retype = (text: string, variant: number): string => {
  let out = text.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/–/g, '-');
  if (variant & 1) out = out.toUpperCase();
  if (variant & 2) out = out.replace(/ /g, '  ');
  if (variant & 4) out = out.toLowerCase();
  return out;
};

describe('properties', () => {
  it('any verbatim slice of any document, retyped, is verbatim', () => {
    fc.assert(
      fc.property(slices(), fc.integer({ min: 0, max: 7 }), (slice, variant) => {
        expect(checkQuotation(story, retype(slice, variant)).verdict).toBe('verbatim');
      }),
      { numRuns: 300 },
    );
  });

  it('the same slice with one word replaced is never verbatim', () => {
    const vocabulary = [
      'banana',
      'never',
      'always',
      'Apple',
      'secretly',
      'violated',
      'review',
      'Israel',
      'the',
      'not',
    ];
    fc.assert(
      fc.property(slices(), fc.nat(), fc.constantFrom(...vocabulary), (slice, at, replacement) => {
        const sliceWords = words(slice);
        const target = sliceWords[at % sliceWords.length];
        fc.pre(target !== undefined && target.word !== replacement.toLowerCase());
        const changed = slice.slice(0, target.start) + replacement + slice.slice(target.end);
        // The changed words could, in principle, stand elsewhere in the corpus: then it is verbatim there.
        const folded = words(changed)
          .map((w) => w.word)
          .join(' ');
        fc.pre(
          !story.corpus.documents.some((d) =>
            words(d.text)
              .map((w) => w.word)
              .join(' ')
              .includes(folded),
          ),
        );
        expect(checkQuotation(story, changed).verdict).not.toBe('verbatim');
      }),
      { numRuns: 300 },
    );
  });
});
