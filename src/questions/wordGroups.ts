import type { Lexicon, Relation } from '../lexicon/lexicon.js';
import type { PartOfSpeech } from '../lexicon/wordnetDatabase.js';
import { analyze, contentTerms, stem, STOP_WORDS, type Token } from '../text/analyzer.js';
import { PARTY_TOKEN } from '../text/phrases.js';
import {
  BEFORE_VERBS,
  DETERMINERS,
  DOCUMENT_NOUNS,
  EVENT_WORDS,
  FRAME_WORDS,
  STATUS_WORDS,
  WH_WORDS,
} from './questionWords.js';
import type { ReadWord } from './standardWords.js';
import type { StoryTerms } from './storyTerms.js';
import { DOCUMENT_TERM } from './textFeatures.js';
import { QUESTION_WEIGHTS } from './weights.js';

/**
 * What a question is about, as groups: each party it names, each phrase, each other word, with
 * every way the story could match it (itself, its dictionary forms, the editors' synonyms, the
 * words WordNet relates to it) and what it weighs.
 */

export interface Alternative {
  /** Stems that must all be in a text (a collocation such as "law firm" has two). */
  readonly terms: readonly string[];
  /** The words, as WordNet or the user has them (what the search for candidates is given). */
  readonly words: string;
  /** What the match counts for ranking, against 1 for the word itself. */
  readonly weight: number;
  /**
   * What it counts as evidence that the sources cover the word at all: a loose relation (a word
   * of a definition, a narrower term) helps find an answer, but proves little.
   */
  readonly evidence: number;
  readonly relation: 'self' | Relation;
}

export interface WordGroup {
  /** The user's words, as typed. */
  readonly label: string;
  /** The same words as read: standard forms, a typo corrected ("country" for "contry"). */
  readonly word: string;
  readonly alternatives: readonly Alternative[];
  /** A party the words name: it matches texts that name the party (or are its words). */
  readonly partyId?: string | undefined;
  /** Parties a user may take for the one named ("Israeli military" for the defense ministry). */
  readonly kin?: readonly string[] | undefined;
  /** How much of the question it carries: its rarity in the story (an unknown word: the rarest's). */
  readonly weight: number;
  /** Whether the word is one of the story's everyday words (Microsoft, Azure, review…). */
  readonly everyday: boolean;
  /** Names a thing (a noun), which a later "it" may refer to. */
  readonly noun: boolean;
  /** A name the story never uses ("the UN", "Satya Nadella"). */
  readonly strangeName: boolean;
  /** Where in the part it stands (word index), to tell a subject from an object. */
  readonly at: number;
  /** A common verb that means little without its particle ("bring", "look", "get"). */
  readonly light?: boolean | undefined;
}

/** Words that complete a phrasal verb: "cut off", "carry out", "look into". */
const PARTICLES = new Set(['off', 'up', 'out', 'down', 'away', 'back', 'over', 'into', 'on']);
/** Common verbs that mean little alone but much with a particle: "come out", "go on", "get back". */
const PHRASAL_VERBS = new Set([
  'come',
  'came',
  'go',
  'goes',
  'went',
  'get',
  'got',
  'give',
  'take',
  'took',
  'find',
  'found',
  'turn',
  'carry',
  'put',
  'set',
  'look',
  'shut',
  'cut',
  'break',
  'bring',
  'brought',
  'make',
  'made',
]);
const GROUP_CACHE_LIMIT = 20_000;
/** A question word that the definitions of more story words than this use matches none of them. */
const MAX_DEFINERS = 3;

export class WordGroups {
  private readonly groupCache = new Map<string, Omit<WordGroup, 'label' | 'word' | 'at'>>();
  /** By a word's dictionary form, the story's words whose definitions use it. */
  private definers: ReadonlyMap<string, readonly string[]> | undefined;

  constructor(
    private readonly terms: StoryTerms,
    private readonly lexicon: Lexicon,
  ) {}

  /** The groups of a question's words (`head`: the noun of "which X", if any). */
  groups(words: readonly ReadWord[], head: string | undefined): WordGroup[] {
    const text = words.map((w) => w.word).join(' ');
    const tokens = analyze(text);
    // Map each token back to what the user typed.
    const typedAt: string[] = [];
    {
      let at = 0;
      words.forEach((w) => {
        typedAt[at] = w.typed;
        at += w.word.length + 1;
      });
    }
    const typedOf = (start: number): string =>
      typedAt[start] ?? text.slice(start).split(' ')[0] ?? '';

    const groups: WordGroup[] = [];
    const used = new Set<number>();
    const matches = this.terms.askedParties
      .match(tokens)
      .sort((a, b) => b.to - b.from - (a.to - a.from) || a.from - b.from);
    for (const match of matches) {
      const range = Array.from({ length: match.to - match.from }, (_, i) => match.from + i);
      if (range.some((i) => used.has(i))) continue;
      range.forEach((i) => used.add(i));
      const term = match.canonical;
      const label = range
        .map((i) => typedOf(tokens[i]?.start ?? 0))
        .filter((v, i, a) => a.indexOf(v) === i)
        .join(' ');
      groups.push(this.partyGroup(term.slice(PARTY_TOKEN.length), label, match.from));
    }
    // The analyzer's stop words are for passages; a question's own frame words are fewer.
    const content = (i: number): boolean => {
      const token = tokens[i];
      return (
        token !== undefined &&
        !used.has(i) &&
        !FRAME_WORDS.has(token.word) &&
        !WH_WORDS.has(token.word)
      );
    };
    const verbOfPhrase = (i: number): boolean => {
      const token = tokens[i];
      return token !== undefined && !used.has(i) && PHRASAL_VERBS.has(token.word);
    };
    // Phrases first: "white house", "law firm", "cut … off" are one thing each, not two words.
    tokens.forEach((token, i) => {
      if (!content(i) && !verbOfPhrase(i)) return;
      for (let j = Math.min(tokens.length - 1, i + 2); j > i; j--) {
        const between = tokens.slice(i + 1, j);
        const last = tokens[j] as Token;
        // A phrasal verb may have a pronoun between ("cut anyone off"); a phrase may not.
        const phrasal =
          PARTICLES.has(last.word) &&
          !used.has(j) &&
          between.every((t) => !PARTICLES.has(t.word) && FRAME_WORDS.has(t.word));
        const span = phrasal ? [token, last] : tokens.slice(i, j + 1);
        if (
          !phrasal &&
          !span.every((t, k) => content(i + k) || (k > 0 && t.stop && k < span.length - 1))
        )
          continue;
        if (!phrasal && !content(i)) continue;
        const group = this.phraseGroup(span, typedOf, i);
        if (!group) continue;
        groups.push(group);
        used.add(i);
        used.add(j);
        if (!phrasal) for (let k = i; k <= j; k++) used.add(k);
        return;
      }
    });
    tokens.forEach((token, i) => {
      if (!content(i)) return;
      // "latest", "yet", "over" ask where things stand; "happened" asks for events: they say
      // what kind of answer is wanted, not what it is about.
      if (STATUS_WORDS.has(token.word)) return;
      if (EVENT_WORDS.has(token.word) && !this.terms.isKnown(token.term)) return;
      const term = token.stop ? stem(token.word) : token.term;
      const pos = used.has(i - 1)
        ? 'noun' // after a name: "the Guardian piece", "Microsoft employees"
        : usedAs(tokens[i - 1], typedOf(tokens[i - 1]?.start ?? -1));
      groups.push(
        this.wordGroup(
          [token.word],
          [term],
          typedOf(token.start),
          token.word === head,
          i,
          undefined,
          pos,
        ),
      );
    });
    return groups;
  }

  /** The group of a party, as named by `label` at `at`. */
  partyGroup(partyId: string, label: string, at: number): WordGroup {
    const term = PARTY_TOKEN + partyId;
    return {
      label,
      word: label.toLowerCase(),
      alternatives: [{ terms: [term], words: label, weight: 1, evidence: 1, relation: 'self' }],
      partyId,
      kin: this.terms.kin(partyId),
      weight: this.terms.idf(term),
      everyday: this.terms.isEveryday(term),
      noun: true,
      strangeName: false,
      at,
    };
  }

  /**
   * A phrase of the question that is one thing: an editors' synonym ("carry out"), or an English
   * phrase WordNet knows ("white house", "cut off") whose words the story does not use together.
   */
  private phraseGroup(
    span: readonly Token[],
    typedOf: (start: number) => string,
    at: number,
  ): WordGroup | undefined {
    const words = span.map((t) => t.word);
    const terms = span
      .filter((t) => !t.stop || PHRASAL_VERBS.has(t.word))
      .map((t) => (t.stop ? stem(t.word) : t.term));
    const phrase = words.join(' ');
    if (span.length < 2) return undefined;
    const editors = terms.length > 1 && this.terms.synonymsOf(terms).length > 0;
    const [first, ...rest] = words;
    const english = [first ?? '', ...this.lexicon.baseForms(first ?? '')].some((form) =>
      this.lexicon.isWord([form, ...rest].join(' ')),
    );
    // A name is one thing even when the story uses its words apart ("united states": Unit 8200,
    // "states").
    const strangeName = english && this.lexicon.isName(phrase) && !this.terms.usesTogether(words);
    if (!editors && !strangeName && !(english && !terms.every((t) => this.terms.isKnown(t))))
      return undefined;
    const label = [...new Set(span.map((t) => typedOf(t.start)))].join(' ');
    return this.wordGroup(words, terms, label, false, at, phrase);
  }

  /** A word group for these words, as typed and placed; what they match is worked out once. */
  private wordGroup(
    words: readonly string[],
    terms: readonly string[],
    typed: string,
    isHead: boolean,
    at: number,
    phrase = words.join(' '),
    pos?: PartOfSpeech,
  ): WordGroup {
    const key = `${phrase}|${terms.join(' ')}|${pos ?? ''}|${isHead}|${/^\p{Lu}/u.test(typed)}`;
    let group = this.groupCache.get(key);
    if (!group) {
      group = this.newWordGroup(words, terms, typed, isHead, phrase, pos);
      if (this.groupCache.size >= GROUP_CACHE_LIMIT) this.groupCache.clear();
      this.groupCache.set(key, group);
    }
    return {
      ...group,
      label: typed,
      word: phrase,
      at,
      light: words.length === 1 && PHRASAL_VERBS.has(words[0] ?? ''),
    };
  }

  private newWordGroup(
    words: readonly string[],
    terms: readonly string[],
    typed: string,
    isHead: boolean,
    phrase: string,
    pos: PartOfSpeech | undefined,
  ): Omit<WordGroup, 'label' | 'word' | 'at'> {
    const alternatives: Alternative[] = [];
    const add = (
      altTerms: readonly string[],
      altWords: string,
      weight: number,
      relation: Alternative['relation'],
      evidence = weight,
    ): void => {
      if (altTerms.length === 0 || !altTerms.every((t) => this.terms.isKnown(t))) return;
      const key = altTerms.join(' ');
      const existing = alternatives.findIndex((a) => a.terms.join(' ') === key);
      if (existing >= 0 && (alternatives[existing]?.weight ?? 0) >= weight) return;
      const alternative = { terms: [...altTerms], words: altWords, weight, relation, evidence };
      if (existing >= 0) alternatives[existing] = alternative;
      else alternatives.push(alternative);
    };
    // The editors' synonyms of a word, and of the words WordNet relates to it.
    const withEditorsSynonyms = (
      altTerms: readonly string[],
      weight: number,
      evidence: number,
    ): void => {
      for (const synonym of this.terms.synonymsOf(altTerms))
        add(
          synonym.terms,
          synonym.words,
          weight * QUESTION_WEIGHTS.editorsSynonym,
          'synonym',
          evidence * QUESTION_WEIGHTS.editorsSynonym,
        );
    };
    add(terms, phrase, 1, 'self');
    withEditorsSynonyms(terms, 1, 1);
    // "the Guardian piece", "the September update": a document of the corpus.
    if (words.length === 1 && DOCUMENT_NOUNS.has(phrase))
      add([DOCUMENT_TERM], phrase, 0.8, 'synonym');
    const [first = '', ...rest] = words;
    const forms = this.lexicon.baseForms(first).map((form) => [form, ...rest].join(' '));
    for (const form of forms) {
      add(contentTerms(form), form, 1, 'self');
      withEditorsSynonyms(contentTerms(form), 1, 1);
    }
    // A name the story writes only apart ("united states": Unit 8200, "states") is not its word.
    const apartName =
      words.length > 1 && this.lexicon.isName(phrase) && !this.terms.usesTogether(words);
    const known = terms.length > 0 && terms.every((t) => this.terms.isKnown(t)) && !apartName;
    for (const source of forms.length > 0 ? forms : [phrase]) {
      for (const related of this.lexicon.related(source, pos)) {
        if (
          related.relation === 'gloss' &&
          (FRAME_WORDS.has(related.word) || STOP_WORDS.has(related.word))
        )
          continue;
        // A place the story names ("Israel") is matched as itself: its parts (Gaza) are other
        // places. One it never names ("Europe") may be where it says something was, by a part.
        if (related.relation === 'place' && known) continue;
        const rarer = QUESTION_WEIGHTS.senseShare[related.sense] ?? 0.5;
        const weight = QUESTION_WEIGHTS.relation[related.relation] * rarer;
        const evidence = QUESTION_WEIGHTS.evidence[related.relation] * rarer;
        const relatedTerms = contentTerms(related.word);
        add(relatedTerms, related.word, weight, related.relation, evidence);
        if (related.relation === 'synonym' || related.relation === 'derived')
          withEditorsSynonyms(relatedTerms, weight, evidence);
      }
    }
    // "paying" → customer ("someone who pays for goods or services"): a story word whose
    // definition uses the question's word says it in other words.
    if (!known)
      for (const source of forms.length > 0 ? forms : [phrase])
        for (const definer of this.definersOf(source))
          add(
            contentTerms(definer),
            definer,
            QUESTION_WEIGHTS.definedBy.weight,
            'gloss',
            QUESTION_WEIGHTS.definedBy.evidence,
          );
    const rarest = Math.max(0, ...terms.map((t) => this.terms.idf(t)));
    return {
      // Such a name matches where its words stand together, not where the story has them apart.
      alternatives: apartName
        ? alternatives.filter(
            (a) => !a.words.includes(' ') || this.terms.usesTogether(a.words.split(' ')),
          )
        : alternatives,
      // A word the story itself uses weighs its rarity; one it does not (even if a synonym is
      // there) weighs like a word the sources may not cover.
      weight: known ? rarest : this.unknownWeight(phrase, typed, isHead),
      everyday: known && terms.every((t) => this.terms.isEveryday(t)),
      noun: (this.lexicon.mainPartOfSpeech(phrase) ?? 'noun') === 'noun',
      strangeName: !known && this.isNameLike(phrase, typed),
    };
  }

  /** The story's words whose commonest senses' definitions use `word` (a dictionary form). */
  private definersOf(word: string): readonly string[] {
    if (!this.definers) {
      const definers = new Map<string, string[]>();
      for (const storyWord of this.terms.storyWords) {
        for (const defining of this.lexicon.definitionWords(storyWord)) {
          if (FRAME_WORDS.has(defining) || STOP_WORDS.has(defining)) continue;
          const forms = this.lexicon.baseForms(defining);
          for (const form of forms.length > 0 ? forms : [defining]) {
            const list = definers.get(form) ?? [];
            if (!list.includes(storyWord)) list.push(storyWord);
            definers.set(form, list);
          }
        }
      }
      this.definers = definers;
    }
    const definers = this.definers.get(word) ?? [];
    // A word that defines many ("cause", "make") says little about which of them is meant.
    return definers.length <= MAX_DEFINERS ? definers : [];
  }

  /**
   * A name the story never uses (a person, a company, "White House") weighs as much as its
   * rarest word: the question is about someone the sources do not mention. A common word it
   * does not use weighs less: people ask in their own words ("the whole thing", "journalists",
   * "switched off"), and the sources may say it in theirs.
   */
  private unknownWeight(word: string, typed: string, isHead: boolean): number {
    const rare = this.terms.rareIdf;
    if (word.length <= 2) return rare * QUESTION_WEIGHTS.scrap;
    if (isHead) return rare * QUESTION_WEIGHTS.head;
    return this.isNameLike(word, typed) ? rare : rare * QUESTION_WEIGHTS.unknownCommon;
  }

  /** Not an English word, a name WordNet knows ("white house"), or typed with a capital. */
  private isNameLike(word: string, typed: string): boolean {
    return (
      word.length > 2 &&
      ((!this.lexicon.isWord(word) && !this.isClosedCompound(word)) ||
        this.lexicon.isName(word) ||
        /^\p{Lu}/u.test(typed))
    );
  }

  /**
   * Two English words of four letters or more written as one ("standalone", "datacenter"): an
   * English word WordNet lacks, not a name.
   */
  private isClosedCompound(word: string): boolean {
    for (let at = 4; at <= word.length - 4; at++)
      if (this.lexicon.isWord(word.slice(0, at)) && this.lexicon.isWord(word.slice(at)))
        return true;
    return false;
  }
}

/**
 * How a word is used, from the word before it: after "the" or a possessive it is a noun ("the
 * guardian piece"), after "to", "will" or a subject pronoun a verb. Undefined when it cannot tell.
 */
function usedAs(previous: Token | undefined, typed: string): PartOfSpeech | undefined {
  if (!previous) return undefined;
  if (DETERMINERS.has(previous.word) || /['’]s$/.test(typed)) return 'noun';
  if (BEFORE_VERBS.has(previous.word)) return 'verb';
  return undefined;
}
