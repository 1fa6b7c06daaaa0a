import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CommandRouter } from '../../src/bot/router.js';
import { passageView, spanView } from '../../src/answers/views.js';
import {
  encodeFragmentText,
  fragmentWords,
  MAX_LINK_URL,
  textFragmentUrl,
} from '../../src/reply/textFragment.js';
import { seedRouter } from '../support/seed.js';

let router: CommandRouter;
beforeAll(async () => {
  router = await seedRouter();
});

const words = (text: string): string[] => text.split(/\s+/u).filter(Boolean);

/** Whether `part`'s words stand in `passage` in order, from word `from` on; where they end. */
function findWords(passage: readonly string[], part: readonly string[], from: number): number {
  for (let i = from; i + part.length <= passage.length; i++) {
    const fits = part.every((word, j) => {
      const at = passage[i + j] ?? '';
      // The edges may leave off punctuation: “Microsoft → Microsoft, findings. → findings.
      if (j === 0 && j === part.length - 1) return at.includes(word);
      if (j === 0) return at.endsWith(word);
      if (j === part.length - 1) return at.startsWith(word);
      return at === word;
    });
    if (fits) return i + part.length;
  }
  return -1;
}

describe('text fragments', () => {
  it('encodes as the WICG syntax asks: percent-encoded, with - & and , escaped', () => {
    expect(encodeFragmentText('a-b, c & d')).toBe('a%2Db%2C%20c%20%26%20d');
    expect(textFragmentUrl('https://x.org/p', 'Short and sweet.')).toBe(
      'https://x.org/p#:~:text=Short%20and%20sweet',
    );
    expect(textFragmentUrl('https://x.org/p#top', 'one two')).toBe(
      'https://x.org/p#top:~:text=one%20two',
    );
    const long = 'one two three four five six seven eight nine ten eleven twelve';
    expect(textFragmentUrl('https://x.org/p', long)).toBe(
      'https://x.org/p#:~:text=one%20two%20three%20four,nine%20ten%20eleven%20twelve',
    );
  });

  it('keeps every link within Discord’s 512 characters, dropping words before the fragment', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), fc.integer({ min: 0, max: 480 }), (text, pad) => {
        const url = `https://x.org/${'p'.repeat(pad)}`;
        const linked = textFragmentUrl(url, text);
        expect(linked.length).toBeLessThanOrEqual(MAX_LINK_URL);
        expect(linked.startsWith(url)).toBe(true);
        for (const part of fragmentWords(linked) ?? [])
          expect(words(text).join(' ')).toContain(part);
      }),
      { numRuns: 300 },
    );
  });

  it('GIVEN every passage of the corpus THEN its link decodes back to its own words, in order, on the page they were read in', () => {
    const { story } = router;
    expect(story.passages.length).toBeGreaterThan(20);
    for (const passage of story.passages) {
      const view = passageView(story, passage);
      const document = story.document(passage.documentId)!;
      const readIn = document.via ? story.document(document.via)! : document;
      expect(view.link.startsWith(`${readIn.url}#:~:text=`), passage.id).toBe(true);
      expect(view.link.length).toBeLessThanOrEqual(MAX_LINK_URL);
      // The page the link opens holds these very words.
      expect(readIn.text, passage.id).toContain(passage.text);
      const parts = fragmentWords(view.link)!;
      expect(parts.length, passage.id).toBeGreaterThanOrEqual(1);
      expect(parts.length, passage.id).toBeLessThanOrEqual(2);
      const own = words(passage.text);
      const start = findWords(own, words(parts[0]!), 0);
      expect(start, `${passage.id}: ${parts[0]}`).toBeGreaterThan(0);
      if (parts[1] !== undefined) {
        const end = findWords(own, words(parts[1]), start);
        // textEnd is the passage's last words, after textStart.
        expect(end, `${passage.id}: ${parts[1]}`).toBe(own.length);
      } else {
        expect(words(parts[0]!).length).toBe(own.length);
      }
    }
  });

  it('GIVEN a span an editor cites THEN its link opens the words too', () => {
    const { story } = router;
    for (const fact of [
      story.corpus.knowledge.review.conductedBy,
      story.corpus.knowledge.review.promised,
    ]) {
      for (const citation of fact.citations) {
        if (citation.type !== 'quote') continue;
        const view = spanView(story, citation.documentId, citation.start, citation.end);
        const parts = fragmentWords(view.link)!;
        expect(findWords(words(view.text), words(parts[0]!), 0)).toBeGreaterThan(0);
      }
    }
  });
});
