import { beforeAll, describe, expect, it } from 'vitest';
import type { Story } from '../../src/story/story.js';
import { attributedSpeaker } from '../../src/check/attributedSpeaker.js';
import { checkMessage } from '../../src/check/checkMessage.js';
import { withCollocations } from '../../src/check/collocations.js';
import { isNegation } from '../../src/check/negations.js';
import { numbersIn } from '../../src/check/numbers.js';
import { quotedPartsInContext } from '../../src/check/quotedParts.js';
import { words } from '../../src/check/words.js';
import { editFile, replaceOnce, routerFor, seedFiles, seedStory } from '../support/seed.js';

let story: Story;
beforeAll(async () => {
  story = await seedStory();
});

const first = (message: string) => checkMessage(story, message)[0];

describe('isNegation', () => {
  it('knows the closed class of negations, contracted as chat types them too', () => {
    for (const word of [
      'no',
      'not',
      'never',
      'nothing',
      'without',
      "didn't",
      'didnt',
      'cannot',
      'wont',
    ])
      expect(isNegation(word), word).toBe(true);
    for (const word of ['note', 'know', 'now', 'noted', 'north'])
      expect(isNegation(word), word).toBe(false);
  });
});

describe('withCollocations', () => {
  it('adds the pairs of neighbouring words WordNet lists as one, spanning both', () => {
    const terms = withCollocations(words('has abided by these'), (phrase) =>
      ['abided by', 'by these'].includes(phrase),
    );
    expect(terms.map((t) => t.word)).toEqual([
      'has',
      'abided',
      'by',
      'these',
      'abided by',
      'by these',
    ]);
    expect(terms[4]).toMatchObject({ start: 4, end: 13 });
  });
});

describe('numbersIn', () => {
  it('reads days, years, months, amounts as values a reader compares', () => {
    const values = (text: string): string[] => numbersIn(text).map((n) => n.value);
    expect(values('October 7th, 2023')).toEqual(['month 10', '7', '2023']);
    expect(values('Oct. 7, 2023')).toEqual(values('October 7, 2023'));
    expect(values('2,000 calls')).toEqual(['2000']);
    expect(values('millions of calls')).toEqual(['1000000']);
    expect(values('seven')).toEqual(['7']);
  });

  it('reads "may", "march" and "august" as months only when capitalised or beside a number', () => {
    expect(numbersIn('it may stop')).toEqual([]);
    expect(numbersIn('may 15').map((n) => n.value)).toEqual(['month 5', '15']);
    expect(numbersIn('in May').map((n) => n.value)).toEqual(['month 5']);
    expect(numbersIn('in september').map((n) => n.value)).toEqual(['month 9']);
  });
});

describe('meaning changes', () => {
  it('GIVEN a negation left out THEN says so, with the source’s words', () => {
    const check = first(
      'Microsoft said that it conducted an internal review and found evidence that its technologies were being used to target or harm people in Gaza',
    );
    expect(check?.flags).toEqual(['meaning-changed']);
    const change = check?.meaningChanges[0];
    expect(change).toMatchObject({ kind: 'negation', said: '' });
    expect(
      story
        .document(check?.match?.documentId ?? '')
        ?.text.slice(change?.source.start, change?.source.end),
    ).toBe('no');
  });

  it('GIVEN a negation added, or a word for its opposite THEN the meaning changed', () => {
    expect(
      first('"The Guardian article was not published on August 6"')?.meaningChanges,
    ).toMatchObject([{ kind: 'negation', said: 'not' }]);
    expect(
      first('"We provided this help with insignificant oversight"')?.meaningChanges,
    ).toMatchObject([{ kind: 'opposite', said: 'insignificant' }]);
  });

  it('GIVEN the opposite of a word elsewhere in the source’s sentence THEN the meaning changed', () => {
    const check = first(
      '"using Azure to store data files of phone calls obtained through mass surveillance of civilians is allowed under their terms of service"',
    );
    expect(check?.meaningChanges).toMatchObject([{ kind: 'opposite', said: 'allowed' }]);
  });

  it('GIVEN a phrasal verb of the source swapped for its opposite THEN the meaning changed', () => {
    // WordNet opposes "abide by" (not "abide") to "disrespect".
    const check = first(
      '"Based on everything we currently know, we believe Microsoft has disrespected these Commitments in Israel and Gaza"',
    );
    expect(check?.meaningChanges).toMatchObject([
      { kind: 'opposite', said: 'disrespected', source: { word: 'abided by' } },
    ]);
  });

  it('GIVEN a narrower kind of the opposite in a word’s place THEN the meaning changed', () => {
    // "breach" is a kind of "disrespect", the opposite of "abide by"
    const check = first(
      '"Based on everything we currently know, we believe Microsoft has breached these Commitments in Israel and Gaza"',
    );
    expect(check?.meaningChanges).toMatchObject([{ kind: 'opposite', said: 'breached' }]);
  });

  it('GIVEN a phrasal verb swapped for a synonym, one or two words THEN nothing', () => {
    for (const said of ['complied with', 'honoured', 'observed']) {
      const message = `"Based on everything we currently know, we believe Microsoft has ${said} these Commitments in Israel and Gaza"`;
      const check = first(message);
      expect(check?.verdict, said).toBe('close');
      expect(check?.flags, said).toEqual([]);
    }
  });

  it('GIVEN another day, year or month THEN the meaning changed, also at the end of the quotation', () => {
    expect(
      first('"On August 25, Microsoft announced that it would launch a formal review"')
        ?.meaningChanges,
    ).toMatchObject([{ kind: 'number', said: '25' }]);
    const year = first(
      '"Microsoft provided limited emergency support to the Israeli government in the weeks following October 7, 2024"',
    );
    expect(year?.meaningChanges).toMatchObject([{ kind: 'number', said: '2024' }]);
    const source = year?.meaningChanges[0]?.source;
    expect(
      story.document(year?.match?.documentId ?? '')?.text.slice(source?.start, source?.end),
    ).toBe('2023');
  });

  it('GIVEN only other wording THEN nothing: a reworded negation, an abbreviation, a comma for "and", an added year', () => {
    for (const message of [
      '"Microsoft said that it conducted an internal review and did not find any evidence that its technologies were being used"',
      '"Microsoft provided limited emergency support to the Israeli government in the weeks following Oct 7, 2023"',
      '“Microsoft appreciates that the Guardian’s recent report raises additional, precise allegations that merit a full & urgent review”',
      '"On August 15 2025, Microsoft announced that it would launch a formal review"',
      '"merit a full and quick review"',
    ]) {
      const check = first(message);
      expect(check?.verdict, message).toBe('close');
      expect(check?.flags, message).toEqual([]);
    }
  });
});

describe('attributedSpeaker', () => {
  const named = (message: string): string | undefined => {
    const part = quotedPartsInContext(message)[0];
    return part && attributedSpeaker(part, story.corpus.knowledge.parties)?.party.id;
  };

  it('reads who the message says spoke, in the ways people say it', () => {
    const quote = '"we do occasionally provide special access to our technologies"';
    expect(named(`lol microsoft literally said ${quote}`)).toBe('microsoft');
    expect(named(`The Guardian wrote: ${quote}`)).toBe('the-guardian');
    expect(named(`Unit 8200 told the Guardian ${quote}`)).toBe('unit-8200');
    expect(named(`according to the IDF, ${quote}`)).toBe('idf');
    expect(named(`Local Call: ${quote}`)).toBe('local-call');
    expect(named(`${quote} — Covington and Burling`)).toBe('covington');
    expect(named(`${quote} says fox 28 lol`)).toBe('fox28');
    expect(named(`MSFT's statement said ${quote}`)).toBe('microsoft');
    expect(named(`in Microsoft's words: ${quote}`)).toBe('microsoft');
    expect(named(`per the Israeli government: ${quote}`)).toBe('israeli-government');
    expect(named(`brad smith be like ${quote}`)).toBe('brad-smith');
    expect(named(`the guardian in their own words: ${quote}`)).toBe('the-guardian');
    // "Report" after a possessive is the Guardian's document, not the Guardian speaking.
    expect(named(`microsoft said the guardian's report ${quote}`)).toBe('microsoft');
    expect(named(`the IDF told reporters the report ${quote}`)).toBe('idf');
  });

  it('names no one for a pronoun, someone who is not a party, a denial or a name that is not the subject', () => {
    const quote = '"we do occasionally provide special access to our technologies"';
    expect(named(`he said ${quote}`)).toBeUndefined();
    expect(named(`the writers claimed ${quote}`)).toBeUndefined();
    expect(named(`Microsoft never said ${quote}`)).toBeUndefined();
    expect(named(`the article about Microsoft says ${quote}`)).toBeUndefined();
    expect(named(`the Guardian article was published and ${quote}`)).toBeUndefined();
    expect(named(`Microsoft, explain this: ${quote}`)).toBeUndefined();
  });

  it('reads a message that quotes nothing: the cue opens it, and the claim starts after it', () => {
    const message = 'The Guardian said that it conducted an internal review and found no evidence';
    const part = quotedPartsInContext(message)[0];
    const said = part && attributedSpeaker(part, story.corpus.knowledge.parties);
    expect(said?.party.id).toBe('the-guardian');
    expect(message.slice(said?.claimFrom)).toBe(
      'it conducted an internal review and found no evidence',
    );
    expect(named('The Guardian article was not published on August 6')).toBeUndefined();
  });
});

describe('misattribution', () => {
  it('GIVEN a statement’s words given to another party THEN says whose they are', () => {
    const check = first(
      'The Guardian said "Microsoft appreciates that The Guardian’s recent report raises additional and precise allegations that merit a full and urgent review"',
    );
    expect(check).toMatchObject({ verdict: 'verbatim', flags: ['misattributed'] });
    expect(check?.misattribution).toMatchObject({
      named: { id: 'the-guardian' },
      speaker: { id: 'microsoft', kind: 'direct-quote' },
    });
  });

  it('GIVEN a claim the article reports from the Guardian, given to Microsoft THEN it is the Guardian’s, even inside a sentence that reports Microsoft first', () => {
    const check = first(
      'Microsoft admitted "the program was being used to monitor millions of mobile phone calls made by Palestinians in Gaza and the West Bank"',
    );
    expect(check?.misattribution?.speaker).toMatchObject({ id: 'the-guardian', kind: 'reported' });
  });

  it('GIVEN the right party, one the editors tie to it, or no one THEN no note', () => {
    const quote = '"We do occasionally provide special access to our technologies"';
    for (const who of ['Microsoft said', 'Brad Smith said', 'he said', 'someone said'])
      expect(first(`${who} ${quote}`)?.flags, who).toEqual([]);
    expect(
      first('FOX 28 reported "The Guardian article was published on August 6"')?.flags,
    ).toEqual([]);
  });

  it('GIVEN a party and a document added to the corpus THEN their words and their names are checked, with no code change', async () => {
    const withParty = editFile(await seedFiles(), 'story.yaml', (text) =>
      replaceOnce(
        text,
        '\ntimeline:',
        [
          '  - id: reuters',
          '    name: Reuters',
          '    aliases: [Reuters news agency]',
          '    role: News agency.',
          '    cite:',
          '      - { doc: reuters-2025-09-26-statement, quote: Our reporters confirmed the account }',
          '  - id: jane-roe',
          '    name: Jane Roe',
          '    role: Reuters editor.',
          '    speaks_for: reuters',
          '    cite:',
          '      - { doc: reuters-2025-09-26-statement, quote: Our reporters confirmed the account }',
          '',
          'timeline:',
        ].join('\n'),
      ),
    );
    const files = editFile(withParty, 'reuters-2025-09-26-statement.md', () =>
      [
        '---',
        'id: reuters-2025-09-26-statement',
        'title: A statement from Reuters',
        'kind: statement',
        'publisher: Reuters',
        'published: 2025-09-26',
        'url: https://example.com/reuters',
        'completeness: full',
        'speaker: reuters',
        '---',
        '',
        'Our reporters confirmed the account independently with three sources.',
        '',
      ].join('\n'),
    );
    const added = routerFor(files).story;
    const check = (message: string) => checkMessage(added, message)[0];
    expect(
      check('Microsoft said "Our reporters confirmed the account independently with three sources"')
        ?.misattribution,
    ).toMatchObject({
      named: { id: 'microsoft' },
      speaker: { id: 'reuters', name: 'Reuters' },
    });
    expect(
      check(
        'the Reuters news agency wrote "we believe Microsoft has abided by these Commitments in Israel and Gaza"',
      )?.misattribution,
    ).toMatchObject({
      named: { id: 'reuters' },
      speaker: { id: 'microsoft' },
    });
    expect(
      check('Jane Roe said "Our reporters confirmed the account independently with three sources"')
        ?.flags,
    ).toEqual([]);
    expect(
      check('"Our reporters confirmed the account independently with two sources"')?.flags,
    ).toEqual(['meaning-changed']);
  });
});
