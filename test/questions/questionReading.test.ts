import { describe, expect, it } from 'vitest';
import { sharedLexicon } from '../../src/lexicon/lexicon.js';
import { questionKind } from '../../src/questions/questionKind.js';
import { partTime } from '../../src/questions/questionTime.js';
import { openingAsides } from '../../src/questions/questionWords.js';

const words = (text: string): string[] => text.split(' ');

describe('partTime: when a part speaks of', () => {
  it('GIVEN a season THEN the months it spans, and the season is no topic', () => {
    const spring = partTime(
      words('back in the spring did microsoft clear itself'),
      sharedLexicon(),
    );
    expect(spring.months).toEqual([3, 4, 5]);
    expect(spring.timeWords.has(3)).toBe(true);
    expect(partTime(words('what was that spring statement about'), sharedLexicon()).months).toEqual(
      [3, 4, 5],
    );
    expect(partTime(words('what happened last summer'), sharedLexicon()).months).toEqual([6, 7, 8]);
  });

  it('GIVEN an "after" clause before the question’s own "did" THEN the clause ends there', () => {
    const time = partTime(
      words('how long after the guardian story did microsoft announce its review'),
      sharedLexicon(),
    );
    expect(time.after).toBe('the guardian story');
    expect([...time.timeWords]).toEqual([1, 2, 3, 4, 5]);
    // After the question's own auxiliary, the clause runs to the end, as before.
    expect(
      partTime(words('did microsoft announce its review after the guardian story'), sharedLexicon())
        .after,
    ).toBe('the guardian story');
    expect(
      partTime(words('what happened after the review was announced'), sharedLexicon()).after,
    ).toBe('the review was announced');
  });

  it('GIVEN "spring" or "fall" as a verb THEN no season', () => {
    expect(partTime(words('did the shares fall'), sharedLexicon()).months).toEqual([]);
    expect(partTime(words('did they spring into action'), sharedLexicon()).months).toEqual([]);
  });
});

describe('questionKind: how long', () => {
  it('GIVEN "how long after" THEN it asks when; "how long" alone asks for an amount', () => {
    expect(questionKind(words('how long after the guardian story did microsoft act'))).toBe('when');
    expect(questionKind(words('how long did the internal review take'))).toBe('quantity');
  });
});

describe('questionKind: a reflexive', () => {
  it('GIVEN a reflexive right after the bare verb of a "did" question THEN it is the object: yes/no', () => {
    expect(questionKind(words('back in the spring did microsoft basically clear itself'))).toBe(
      'yes-no',
    );
    expect(questionKind(words('did microsoft investigate itself'))).toBe('yes-no');
  });

  it('GIVEN an emphatic reflexive after the object THEN it asks who', () => {
    expect(questionKind(words('did microsoft run the review itself'))).toBe('who');
    expect(questionKind(words('did they do it themselves'))).toBe('who');
    expect(questionKind(words('is microsoft doing the review itself'))).toBe('who');
  });
});

describe('openingAsides: interjections a message opens with', () => {
  it('GIVEN "wait" or "hmm" before the question word THEN they are asides; elsewhere they are words', () => {
    expect([...openingAsides(words('wait who is unit 8200'))]).toEqual([0]);
    expect([...openingAsides(words('ok hmm what did they find'))]).toEqual([1]);
    expect([...openingAsides(words('did they wait before announcing it'))]).toEqual([]);
    // Before a statement with no question word, nothing is set aside.
    expect([...openingAsides(words('wait microsoft cut them off'))]).toEqual([]);
  });
});
