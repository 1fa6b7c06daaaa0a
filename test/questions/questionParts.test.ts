import { describe, expect, it } from 'vitest';
import { MAX_PARTS, questionParts } from '../../src/questions/questionParts.js';

const texts = (question: string): string[] => questionParts(question).map((p) => p.text);

describe('questionParts', () => {
  it('splits at a question mark or semicolon followed by more', () => {
    expect(texts('what did microsoft find in may? and what did it do in september?')).toEqual([
      'what did microsoft find in may',
      'what did it do in september',
    ]);
    expect(texts('who runs it; when is it due')).toEqual(['who runs it', 'when is it due']);
  });

  it('leaves out a sentence that asks nothing beside one that does: a remark, not a question', () => {
    expect(texts('journalist here. who wrote the guardian piece?')).toEqual([
      'who wrote the guardian piece',
    ]);
    expect(texts('did anyone resign over it? engineers, managers, execs')).toEqual([
      'did anyone resign over it',
    ]);
    // A question without its question mark, and a request, still ask.
    expect(texts('i read the article. tell me who runs the review')).toEqual([
      'tell me who runs the review',
    ]);
    expect(texts('who runs it. when is it due')).toEqual(['who runs it', 'when is it due']);
    // A preface before a colon is a remark too; a time's colon is no sentence's end.
    expect(texts('for my essay: why could israel already listen to the calls')).toEqual([
      'why could israel already listen to the calls',
    ]);
    expect(texts('what happened at 10:30 on september 25')).toEqual([
      'what happened at 10:30 on september 25',
    ]);
    // A message that asks nothing is read whole, as before.
    expect(texts('microsoft cut off unit 8200')).toEqual(['microsoft cut off unit 8200']);
  });

  it('keeps the remark before a question with it, for a question that refers to it', () => {
    const [part] = questionParts('microsoft said it found no evidence. when did they say this?');
    expect(part?.text).toBe('when did they say this');
    expect(part?.remark).toEqual({ text: 'microsoft said it found no evidence', start: 0 });
    expect(questionParts('who runs it. when is it due')[1]?.remark).toBeUndefined();
  });

  it('keeps a short phrase that asks nothing before a comma with the question after it', () => {
    // A statement before the comma is what the next part asks about: a part of its own.
    const cases: [string, string[]][] = [
      [
        'back in the spring, what did microsoft conclude',
        ['back in the spring, what did microsoft conclude'],
      ],
      [
        'for my essay, who runs the review, and when is it due',
        ['for my essay, who runs the review', 'when is it due'],
      ],
      [
        'i saw on reddit that microsoft cut off unit 8200, is that true',
        ['i saw on reddit that microsoft cut off unit 8200', 'is that true'],
      ],
      // A thing named first, however long, is what the question after it is about.
      [
        'the microsoft statement from august 15, who is writing it?',
        ['the microsoft statement from august 15, who is writing it'],
      ],
    ];
    for (const [question, parts] of cases) expect(texts(question), question).toEqual(parts);
  });

  it('splits at "and", "also", "+" or a comma before a new question', () => {
    expect(texts('who is running it and when will we know?')).toEqual([
      'who is running it',
      'when will we know',
    ]);
    expect(texts('what do the terms say, and is the imod a customer')).toEqual([
      'what do the terms say',
      'is the imod a customer',
    ]);
    expect(texts('what got cut off + who announced it')).toEqual([
      'what got cut off',
      'who announced it',
    ]);
    expect(texts('who broke the story and when')).toEqual(['who broke the story', 'when']);
  });

  it('keeps names and lists whole', () => {
    expect(texts('who is covington and burling')).toEqual(['who is covington and burling']);
    expect(texts('approval of some requests and denial of others')).toHaveLength(1);
  });

  it('keeps the offsets of each part and answers at most a few parts', () => {
    const question = 'who? when? where? why? how?';
    const parts = questionParts(question);
    expect(parts).toHaveLength(MAX_PARTS);
    for (const part of parts.slice(0, -1))
      expect(question.slice(part.start, part.start + part.text.length)).toBe(part.text);
    expect(questionParts('  ')).toEqual([{ text: '', start: 0 }]);
  });
});
