import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { standardForm } from '../../src/lexicon/casualForms.js';
import { oneEditAway, sharedLexicon } from '../../src/lexicon/lexicon.js';
import { wordnetDirectory, WordNetDatabase } from '../../src/lexicon/wordnetDatabase.js';

const lexicon = sharedLexicon();
const related = (word: string): string[] => lexicon.related(word).map((r) => r.word);

describe('WordNetDatabase', () => {
  it('finds every lemma of an index file by bisection, as a scan of the file would', () => {
    const database = new WordNetDatabase();
    const lines = readFileSync(join(wordnetDirectory(), 'index.adv'), 'latin1')
      .split('\n')
      .filter((line) => line && !line.startsWith(' '));
    for (const line of lines) {
      const lemma = line.slice(0, line.indexOf(' '));
      expect(database.lookup(lemma, 'adv')?.lemma, lemma).toBe(lemma.replace(/_/g, ' '));
    }
    expect(database.lookup('no such lemma here', 'adv')).toBeUndefined();
    database.close();
  });

  it('reads a synset with its words, pointers and definition', () => {
    const database = new WordNetDatabase();
    const [offset] = database.lookup('lawyer', 'noun')?.synsets ?? [];
    const synset = database.synset('noun', offset ?? 0);
    expect(synset?.words).toEqual(['lawyer', 'attorney']);
    expect(synset?.pointers.some((p) => p.symbol === '@')).toBe(true);
    expect(synset?.gloss).toMatch(/^a professional person authorized to practice law/);
    database.close();
  });
});

describe('Lexicon', () => {
  it('gives the dictionary forms of inflected words, irregular ones included', () => {
    expect(lexicon.baseForms('lawyers')).toEqual(['lawyer']);
    expect(lexicon.baseForms('kept')).toContain('keep');
    expect(lexicon.baseForms('spied')).toEqual(['spy']);
    expect(lexicon.baseForms('stopped')).toContain('stop');
    expect(lexicon.baseForms('switched off')).toContain('switch off');
  });

  it('relates words through their first senses: synonyms, derivations, opposites', () => {
    expect(related('lawyer')).toEqual(expect.arrayContaining(['attorney', 'law']));
    expect(related('oversee')).toContain('oversight');
    expect(lexicon.related('permit').find((r) => r.word === 'forbid')?.relation).toBe('antonym');
    expect(related('lawyer')).not.toContain('lawyer');
  });

  it('tells opposites by WordNet’s antonyms: direct, through a satellite’s head, one derivation away, by a negating prefix', () => {
    expect(lexicon.areOpposites('unlimited', 'limited')).toBe(true);
    expect(lexicon.areOpposites('significant', 'insignificant')).toBe(true);
    // "occasional" is a satellite of "infrequent", the opposite of "frequent"
    expect(lexicon.areOpposites('frequent', 'occasional')).toBe(true);
    // "prohibit" shares a sense with "forbid", whose opposite sense holds "allow"
    expect(lexicon.areOpposites('allowed', 'prohibited')).toBe(true);
    expect(lexicon.areOpposites('nonstandard', 'standard')).toBe(true);
    expect(lexicon.areOpposites('external', 'internal')).toBe(true);
    // one derivation away, when asked: "denial" ~ deny, the opposite of "allow"
    expect(lexicon.areOpposites('allowed', 'denial')).toBe(false);
    expect(lexicon.areOpposites('allowed', 'denial', 'swapped')).toBe(true);
  });

  it('with a word swapped in place, also tells a narrower kind of the opposite, never the word’s own synonym', () => {
    // "violate" is a kind of "disrespect", the opposite of "respect, abide by"
    expect(lexicon.areOpposites('violated', 'abided by')).toBe(false);
    expect(lexicon.areOpposites('violated', 'abided by', 'swapped')).toBe(true);
    expect(lexicon.areOpposites('abided by', 'breached', 'swapped')).toBe(true);
    // each is a synonym of the other in one sense, and a kind of its opposite in another
    expect(lexicon.areOpposites('force', 'hale', 'swapped')).toBe(false);
    expect(lexicon.areOpposites('stay', 'check', 'swapped')).toBe(false);
  });

  it('does not call words opposites that are only different', () => {
    for (const [a, b] of [
      ['publish', 'public'],
      ['quick', 'urgent'],
      ['serious', 'additional'],
      ['strict', 'significant'],
      ['principles', 'commitments'],
      ['a', 'an'],
      ['inform', 'form'],
      ['limited', 'limited'],
      // two satellites of opposite heads ("new", "old") are not antonyms
      ['recent', 'used'],
      // "based" is a form of the verb "base", not the adjective opposed to "august"
      ['august', 'based'],
    ] as const)
      expect(lexicon.areOpposites(a, b), `${a}/${b}`).toBe(false);
  });

  it('relates a place to the places within it, and an adjective to the places of the place it is of', () => {
    const places = (word: string): string[] =>
      lexicon
        .related(word)
        .filter((r) => r.relation === 'place')
        .map((r) => r.word);
    expect(places('europe')).toContain('netherlands'); // a part of the continent
    expect(places('eu')).toContain('netherlands'); // a member of the union
    expect(places('european')).toContain('netherlands'); // "a European region"
    expect(places('dutch')).toContain('the netherlands'); // the place it is of, itself
    expect(places('israel')).toContain('gaza strip');
    // Parts of things that are not places are not where anything is.
    expect(places('car')).toEqual([]);
    expect(places('lawyer')).toEqual([]);
  });

  it('names the place an adjective of a place is of, and nothing for other adjectives', () => {
    expect(lexicon.placeOfAdjective('israeli')).toBe('israel');
    expect(lexicon.placeOfAdjective('dutch')).toBe('netherlands');
    expect(lexicon.placeOfAdjective('military')).toBeUndefined();
    expect(lexicon.placeOfAdjective('independent')).toBeUndefined();
  });

  it('tells a word whose commonest senses are places from one that only has a rare one', () => {
    expect(lexicon.isPlace('country', 2)).toBe(true);
    expect(lexicon.isPlace('region', 2)).toBe(true);
    expect(lexicon.isPlace('part')).toBe(true); // its fifth sense: a region
    expect(lexicon.isPlace('part', 2)).toBe(false);
    expect(lexicon.isPlace('netherlands', 1)).toBe(true);
    expect(lexicon.isPlace('rights')).toBe(true); // "the right", a side
    expect(lexicon.isPlace('rights', 1)).toBe(false); // "Human Rights Commitments" names none
  });

  it('reads a word as the part of speech it is used as, when asked', () => {
    expect(related('piece')).toContain('unite'); // the verb "to piece together"
    expect(lexicon.related('piece', 'noun').map((r) => r.word)).not.toContain('unite');
  });

  it('knows English words, and tells names and places from kinds of things', () => {
    expect(lexicon.isWord('sorry')).toBe(true);
    expect(lexicon.isWord('white house')).toBe(true);
    expect(lexicon.isWord('survelance')).toBe(false);
    expect(lexicon.isName('white house')).toBe(true);
    expect(lexicon.isName('lawyer')).toBe(false);
    expect(lexicon.isPlace('netherlands')).toBe(true);
    expect(lexicon.isKindOf('netherlands', 'country')).toBe(true);
    expect(lexicon.isKindOf('gaza', 'country')).toBe(false);
    // "area" is a kind of region, and Gaza, a region, answers "which area".
    expect(lexicon.isKindOf('gaza', 'area')).toBe(true);
  });

  it('finds the English word one typo away, and nothing for a real word or a name', () => {
    expect(lexicon.nearestWord('resluts')).toBe('results');
    expect(lexicon.nearestWord('bloking')).toBe('blocking');
    expect(lexicon.nearestWord('qzxv')).toBeUndefined();
  });

  it('lists one-edit variants with swaps first', () => {
    const variants = [...oneEditAway('ab')];
    expect(variants[0]).toBe('ba');
    expect(variants).toEqual(expect.arrayContaining(['a', 'b', 'cab', 'abc', 'bb']));
  });
});

describe('casual forms', () => {
  const isWord = (word: string): boolean => lexicon.isWord(word);
  it('reads chat forms and dropped g’s as standard words', () => {
    expect(standardForm('whats', isWord)).toBe('what is');
    expect(standardForm('wat', isWord)).toBe('what');
    expect(standardForm('doin', isWord)).toBe('doing');
    expect(standardForm('review', isWord)).toBeUndefined();
    // "cabin" is a word: no g was dropped.
    expect(standardForm('cabin', isWord)).toBeUndefined();
  });
  it('reads a question word’s chat form with an "s" as its contraction with "is", even when the letters spell a word', () => {
    expect(lexicon.isWord('wats')).toBe(true);
    expect(standardForm('wats', isWord)).toBe('what is');
    expect(standardForm('hws', isWord)).toBe('how is');
    // Not a question word: "us" stays "us", "rs" is nothing.
    expect(standardForm('us', isWord)).toBeUndefined();
    expect(standardForm('rs', isWord)).toBeUndefined();
  });
});
