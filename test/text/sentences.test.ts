import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/text/sentences.js';
import { findIgnoringTypography, foldTypography } from '../../src/text/typography.js';

const sentences = (text: string): string[] =>
  splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('does not split after abbreviations and initials', () => {
    expect(
      sentences('REDMOND, Wash. – Microsoft said so. The U.S. Army agreed. J. Smith wrote it.'),
    ).toEqual([
      'REDMOND, Wash. – Microsoft said so.',
      'The U.S. Army agreed.',
      'J. Smith wrote it.',
    ]);
  });

  it('keeps "LLP" and "L.L.P." inside the sentence', () => {
    expect(sentences('It hired Covington & Burling L.L.P. to do it. Then it waited.')).toEqual([
      'It hired Covington & Burling L.L.P. to do it.',
      'Then it waited.',
    ]);
  });

  it('splits inside quotations and keeps offsets verbatim', () => {
    const text = '“We do it. We believe it,” wrote Microsoft.';
    expect(sentences(text)).toEqual(
      ['“We do it. ', 'We believe it,” wrote Microsoft.'].map((s) => s.trim()),
    );
  });
});

describe('typography', () => {
  it('folds quotes, apostrophes, dashes, spaces and case', () => {
    expect(foldTypography('  The Guardian’s “report” – now  ')).toBe(
      'the guardian\'s "report" - now',
    );
  });

  it('finds a straight-quoted citation in curly-quoted text and returns the original span', () => {
    const text = 'It said “the Guardian’s report” was wrong.';
    const span = findIgnoringTypography(text, `"the Guardian's report"`);
    expect(span && text.slice(span.start, span.end)).toBe('“the Guardian’s report”');
  });

  it('does not find changed words', () => {
    expect(
      findIgnoringTypography('merit a full and urgent review', 'merit a full and quick review'),
    ).toBeUndefined();
  });
});
