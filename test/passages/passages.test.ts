import { beforeAll, describe, expect, it } from 'vitest';
import type { Story } from '../../src/story/story.js';
import { claimSpeaker } from '../../src/passages/claimSpeaker.js';
import { seedStory } from '../support/seed.js';

let story: Story;
beforeAll(async () => {
  story = await seedStory();
});

const byText = (fragment: string) => {
  const found = story.passages.filter((p) => p.text.includes(fragment));
  expect(found, fragment).toHaveLength(1);
  return found[0]!;
};

describe('passages of the seed corpus', () => {
  it('every passage is a verbatim slice of its document', () => {
    for (const passage of story.passages) {
      expect(story.document(passage.documentId)?.text.slice(passage.start, passage.end)).toBe(
        passage.text,
      );
      for (const quoted of passage.quotedIn) {
        const copy = story.document(quoted.documentId)?.text.slice(quoted.start, quoted.end);
        expect(copy).toBe(passage.text);
      }
    }
  });

  it('ids are unique and stable in form', () => {
    const ids = story.passages.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]+:\d+\.\d+$/);
  });

  it('attributes a Microsoft quotation in the article to the Microsoft statement, quoted in the article', () => {
    const passage = byText('Microsoft appreciates that The Guardian’s recent report');
    expect(passage).toMatchObject({
      documentId: 'microsoft-2025-08-15-update',
      kind: 'direct-quote',
      speakerId: 'microsoft',
    });
    expect(passage.quotedIn.map((q) => q.documentId)).toEqual(['fox28-microsoft-azure-review']);
    expect(passage.text.endsWith('urgent review')).toBe(true);
  });

  it('shows words shared by a statement and the article once', () => {
    expect(
      story.passages.filter((p) =>
        p.text.includes('We provided this help with significant oversight'),
      ),
    ).toHaveLength(1);
  });

  it('marks "the writers claim" and "wrote the Guardian" sentences as The Guardian’s reported claims', () => {
    expect(byText('the writers claim that Israel’s military surveillance agency')).toMatchObject({
      kind: 'reported',
      speakerId: 'the-guardian',
    });
    expect(byText('Then, the writers claim that Unit 8200 used Azure')).toMatchObject({
      kind: 'reported',
      speakerId: 'the-guardian',
    });
    expect(byText('wrote the Guardian, but Azure allowed')).toMatchObject({
      kind: 'reported',
      speakerId: 'the-guardian',
    });
  });

  it('marks what Microsoft said, in the article’s words, as Microsoft’s reported claims', () => {
    for (const fragment of [
      'The announcement said that using Azure',
      'The tech company said it would turn',
      'Microsoft said it would public the findings',
      'It clarified that the Israeli Ministry',
      'wrote Microsoft, which means',
      'Microsoft ended their May 15 statement writing',
    ]) {
      expect(byText(fragment), fragment).toMatchObject({
        kind: 'reported',
        speakerId: 'microsoft',
      });
    }
  });

  it('keeps the article’s own sentences as the publisher’s narration', () => {
    for (const fragment of [
      'The Guardian article was published on August 6',
      'There are occasional exceptions',
      'The announcement was released as an update',
    ]) {
      expect(byText(fragment), fragment).toMatchObject({
        kind: 'narration',
        speaker: 'FOX 28 Spokane',
      });
    }
  });

  it('gives the words after a second reporting cue to that cue’s speaker: the claim Microsoft’s sentence reports from the Guardian', () => {
    const passage = byText('after The Guardian reported that the program');
    const document = story.document(passage.documentId);
    const at = (words: string): string | undefined =>
      document &&
      claimSpeaker(
        passage,
        document,
        story.corpus.knowledge.parties,
        passage.start + passage.text.indexOf(words),
      )?.id;
    expect(passage.speakerId).toBe('microsoft');
    expect(at('Microsoft announced')).toBe('microsoft');
    expect(at('it would launch a review')).toBe('microsoft');
    expect(at('the program was being used')).toBe('the-guardian');
  });

  it('does not split the dateline "REDMOND, Wash." from its sentence', () => {
    expect(byText('REDMOND, Wash. – Microsoft announced').text).toMatch(/West Bank\.$/);
  });
});
