import { analyze, foldWord, scanWords, stem, STOP_WORDS, type Token } from '../search/analyzer.js';
import { editDistance } from '../search/fuzzy.js';
import { PARTY_TOKEN } from '../search/passageIndex.js';
import { standardForm } from '../lexicon/casualForms.js';
import type { Lexicon, Relation } from '../lexicon/lexicon.js';
import type { PartOfSpeech } from '../lexicon/wordnetDatabase.js';
import type { QuestionPart } from './questionParts.js';
import {
  AFTER_WORDS,
  AUXILIARIES,
  BEFORE_WORDS,
  DOCUMENT_NOUNS,
  DOCUMENT_WORDS,
  EVENT_WORDS,
  FRAME_WORDS,
  monthNumber,
  QUANTITY_WORDS,
  REFERRING_PRONOUNS,
  SPEECH_WORDS,
  STATUS_WORDS,
  WH_WORDS,
} from './questionWords.js';
import type { StoryTerms } from './storyTerms.js';
import { DOCUMENT_TERM } from './textFeatures.js';
import { QUESTION_WEIGHTS } from './weights.js';

/**
 * A question part, read: what kind of answer it wants, what it is about (groups of ways each of
 * its words can match), the parties it names, and when. Reading uses the story's vocabulary and
 * WordNet, nothing tuned to particular questions.
 */

export type QuestionKind =
  | 'who'
  | 'when'
  | 'where'
  | 'why'
  | 'how'
  | 'quantity'
  /** "What is X", "who is X": a definition of something named. */
  | 'define'
  | 'yes-no'
  | 'what';

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
  readonly alternatives: readonly Alternative[];
  /** A party the words name: it matches texts that name the party (or are its words). */
  readonly partyId?: string | undefined;
  /** How much of the question it carries: its rarity in the story (an unknown word: the rarest's). */
  readonly weight: number;
  /** Whether the word is one of the story's everyday words (Microsoft, Azure, review…). */
  readonly everyday: boolean;
  /** Whether anything in the story could match it at all. */
  readonly known: boolean;
  /** Names a thing (a noun), which a later "it" may refer to. */
  readonly noun: boolean;
  /** A name the story never uses ("the UN", "Satya Nadella"). */
  readonly strangeName: boolean;
  /** Where in the part it stands (word index), to tell a subject from an object. */
  readonly at: number;
}

export interface Correction {
  readonly typed: string;
  readonly meant: string;
}

export interface ReadPart {
  readonly text: string;
  readonly kind: QuestionKind;
  /** "Which country …", "what kind of outlet …": the kind of thing the answer names. */
  readonly head?: string | undefined;
  readonly groups: readonly WordGroup[];
  /** Asks where things stand now ("is it done yet", "what's the latest"). */
  readonly asksStatus: boolean;
  /** Asks what comes next ("will they publish…", "when will we know"): the status and promises answer it. */
  readonly asksFuture: boolean;
  /** Asks what happened or what someone did. */
  readonly asksEvent: boolean;
  /** Asks what someone said or wrote. */
  readonly asksWords: boolean;
  /** The party whose words it asks for ("what did the IDF say"). */
  readonly speaker?: string | undefined;
  /** Someone the story never names whose words it asks for ("has the UN commented"), as typed. */
  readonly strangeSpeaker?: string | undefined;
  /** Asks about a document: its author, date, title. */
  readonly asksSource: boolean;
  /** Asks for an amount: "how many …", "the price of …". */
  readonly expectsNumber: boolean;
  /** Asks for a date: "when …", "what year …". */
  readonly expectsDate: boolean;
  readonly months: readonly number[];
  readonly years: readonly number[];
  /** "… after the review started": the words that name the earlier event. */
  readonly after?: string | undefined;
  readonly before?: string | undefined;
  readonly corrections: readonly Correction[];
  /** Inherited the previous part's subject ("… and when?"). */
  readonly elliptical: boolean;
}

interface ReadWord {
  /** Standard, folded. */
  readonly word: string;
  /** As typed. */
  readonly typed: string;
}

/** What the nouns of questions that ask for an amount are kinds of: "price", "cost", "worth". */
const AMOUNTS = ['value', 'amount'];
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
const TIME_PREPOSITIONS = new Set([
  'in',
  'on',
  'since',
  'after',
  'before',
  'during',
  'of',
  'until',
  'by',
]);

export class QuestionReader {
  private readonly groupCache = new Map<string, Omit<WordGroup, 'label' | 'at'>>();

  constructor(
    private readonly terms: StoryTerms,
    private readonly lexicon: Lexicon,
  ) {}

  read(part: QuestionPart, previous?: ReadPart): ReadPart {
    const corrections: Correction[] = [];
    const words = this.standardWords(part.text, corrections);
    const plain = words.map((w) => w.word);

    const kindAsked = questionKind(plain);
    const head = headNoun(plain, this.lexicon);
    const months: number[] = [];
    const years: number[] = [];
    const timeWords = new Set<number>();
    plain.forEach((word, i) => {
      const month = monthNumber(word);
      const isMonth =
        month !== undefined &&
        (word !== 'may' ||
          TIME_PREPOSITIONS.has(plain[i - 1] ?? '') ||
          DETERMINERS.has(plain[i - 1] ?? '') ||
          /^\d/.test(plain[i + 1] ?? ''));
      if (isMonth) {
        months.push(month);
        timeWords.add(i);
        // "late September", "early May": where in the month is not a topic.
        if (['late', 'early', 'mid', 'end', 'beginning'].includes(plain[i - 1] ?? ''))
          timeWords.add(i - 1);
      } else if (/^(?:19|20)\d\d$/.test(word)) {
        years.push(Number(word));
        timeWords.add(i);
      }
    });
    const clause = (cue: ReadonlySet<string>): string | undefined => {
      const at = plain.findIndex((word, i) => cue.has(word) && i > 0);
      if (at < 0) return undefined;
      for (let i = at; i < plain.length; i++) timeWords.add(i);
      return plain.slice(at + 1).join(' ');
    };
    const after = clause(AFTER_WORDS);
    const before = after === undefined ? clause(BEFORE_WORDS) : undefined;
    // "in the first place", "of course", "at all": adverbial idioms say nothing of the topic.
    for (const [from, to] of this.adverbialIdioms(plain))
      for (let i = from; i < to; i++) timeWords.add(i);

    const content = words.filter((_, i) => !timeWords.has(i));
    let groups: readonly WordGroup[] = this.groups(content, head);
    // "Who is Brad Smith" defines a party or a name; "who is Microsoft's client in Israel" asks
    // who stands in a relation, and is a "who" question.
    const subject = groups.filter((g) => g.label.toLowerCase() !== head);
    const parties = new Set(subject.flatMap((g) => (g.partyId === undefined ? [] : [g.partyId])));
    const definesOne =
      (parties.size === 1 && subject.every((g) => g.partyId !== undefined)) ||
      (parties.size === 0 && subject.length <= 2);
    const kind = kindAsked === 'define' && !definesOne ? questionKind(plain, false) : kindAsked;
    // "What kind of outlet is +972": the answer is the party's role; "outlet" is its kind.
    if (kind === 'define' && subject.length > 0) groups = subject;
    // "Is it over yet?", and "what happens next?", "when will we know?": where things stand.
    const future = plain.includes('will') || plain.includes('next');
    const asksStatus = plain.some((w) => STATUS_WORDS.has(w)) && kind !== 'who' && kind !== 'when';
    const asksFuture = future && kind !== 'who';
    // "What happened …", "what did it do …" — not "what does X do" (X's role).
    const asksEvent =
      (kind === 'what' || kind === 'when') &&
      plain.some(
        (w) => EVENT_WORDS.has(w) && (!['do', 'done'].includes(w) || plain.includes('did')),
      );
    // "What did X say" asks for X's words; "who wrote X" asks for an author.
    const asksWords = plain.some((w) => SPEECH_WORDS.has(w)) && kind !== 'who';
    const asksSource = plain.some((w) => DOCUMENT_WORDS.has(w));

    // "What did the Guardian report?": the verb of saying asks for the party's words; the
    // party is what must match.
    const speech = groups.find((g) => SPEECH_WORDS.has(g.label.toLowerCase()));
    const sayer = speech ? groups.filter((g) => g.at < speech.at).at(-1) : undefined;
    const speaker = sayer?.partyId;
    // "Has the UN commented": the words of someone the story never names.
    const strangeSpeaker = sayer?.strangeName ? sayer.label : undefined;
    if (speaker !== undefined) groups = groups.filter((g) => g !== speech);
    let elliptical = false;
    const namesParty = groups.some((g) => g.partyId !== undefined);
    // A bare question word ("… and when?") asks about the previous part's subject.
    if (previous && groups.length === 0 && plain.every((w) => WH_WORDS.has(w))) {
      groups = previous.groups;
      elliptical = true;
    } else if (previous && !namesParty && plain.some((w) => REFERRING_PRONOUNS.has(w))) {
      // "… and what did it use Azure for", "… and who is doing it": "it" is what the question
      // named before — a party, or a thing.
      groups = [...groups, ...previous.groups.filter((g) => g.partyId !== undefined || g.noun)];
    }
    return {
      text: part.text,
      kind,
      head,
      groups,
      asksStatus,
      asksFuture,
      asksEvent,
      asksWords,
      speaker: asksWords ? speaker : undefined,
      strangeSpeaker: asksWords ? strangeSpeaker : undefined,
      asksSource,
      expectsNumber: kind === 'quantity' || this.asksAmount(plain),
      expectsDate:
        kind === 'when' ||
        plain.some(
          (w, i) =>
            (w === 'what' || w === 'which') &&
            ['year', 'date', 'month', 'day'].includes(plain[i + 1] ?? ''),
        ),
      months: elliptical && previous ? previous.months : months,
      years: elliptical && previous ? previous.years : years,
      after: elliptical ? previous?.after : after,
      before: elliptical ? previous?.before : before,
      corrections,
      elliptical,
    };
  }

  /** Spans of two to four words that WordNet knows as an adverb ("in the first place"). */
  private adverbialIdioms(words: readonly string[]): [number, number][] {
    const spans: [number, number][] = [];
    for (let from = 0; from < words.length; from++) {
      for (let to = Math.min(words.length, from + 4); to >= from + 2; to--) {
        const phrase = words.slice(from, to).join(' ');
        if (this.lexicon.mainPartOfSpeech(phrase) === 'adv') {
          spans.push([from, to]);
          from = to - 1;
          break;
        }
      }
    }
    return spans;
  }

  /** "What is the price of …", "what was the cost of …": the noun of "the X of" is an amount. */
  private asksAmount(words: readonly string[]): boolean {
    const at = words.findIndex(
      (w, i) =>
        w === 'what' &&
        ['is', 'was', 'are', 'were'].includes(words[i + 1] ?? '') &&
        words[i + 2] === 'the',
    );
    const noun = at < 0 ? undefined : words[at + 3];
    return (
      noun !== undefined &&
      words[at + 4] === 'of' &&
      AMOUNTS.some((amount) => this.lexicon.isKindOf(noun, amount, 3))
    );
  }

  /** The question's words in standard English, typos of story words corrected. */
  private standardWords(text: string, corrections: Correction[]): ReadWord[] {
    const words: ReadWord[] = [];
    scanWords(text, (raw) => {
      const word = foldWord(raw);
      // A question is a few words; a pasted wall of text is read as far as a question goes.
      if (!word || words.length >= MAX_QUESTION_WORDS) return;
      // "the US", "the UN" typed in lowercase are countries and bodies, not "us" and "un".
      const body = words.at(-1)?.word === 'the' ? BODIES[word] : undefined;
      if (body !== undefined) {
        for (const part of body.split(' ')) words.push({ word: part, typed: raw });
        return;
      }
      const casual = standardForm(word, (w) => this.lexicon.isWord(w));
      if (casual !== undefined) {
        for (const part of casual.split(' ')) words.push({ word: part, typed: raw });
        return;
      }
      const meant = this.correction(word);
      if (meant !== undefined) corrections.push({ typed: raw, meant });
      words.push({ word: meant ?? word, typed: raw });
    });
    return words;
  }

  /**
   * What a word that is neither a story word nor English was meant to be: the nearest story word,
   * or a question word for a short one ("hwo" → how). Real words are never "corrected".
   */
  private correction(word: string): string | undefined {
    if (
      FRAME_WORDS.has(word) ||
      STOP_WORDS.has(word) ||
      /\d/.test(word) ||
      this.terms.isStoryWord(word) ||
      this.lexicon.isWord(word)
    )
      return undefined;
    const [best] = this.terms.corrections(word);
    if (best !== undefined) return best;
    // "wich", "anythin", "hwo": a question's own words misspelled.
    if (word.length >= 3) {
      for (const known of [...WH_WORDS, ...AUXILIARIES, ...FRAME_WORDS])
        if (known.length >= 3 && editDistance(word, known, 1) <= 1) return known;
    }
    // Otherwise the English word it was meant to be ("resluts" → results), which may then
    // match the story through its synonyms.
    return this.lexicon.nearestWord(word);
  }

  private groups(words: readonly ReadWord[], head: string | undefined): WordGroup[] {
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
    const matches = this.terms.parties
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
      groups.push({
        label,
        alternatives: [{ terms: [term], words: label, weight: 1, evidence: 1, relation: 'self' }],
        partyId: term.slice(PARTY_TOKEN.length),
        weight: this.terms.idf(term),
        everyday: this.terms.isEveryday(term),
        known: true,
        noun: true,
        strangeName: false,
        at: match.from,
      });
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
    if (!editors && !(english && !terms.every((t) => this.terms.isKnown(t)))) return undefined;
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
    return { ...group, label: typed, at };
  }

  private newWordGroup(
    words: readonly string[],
    terms: readonly string[],
    typed: string,
    isHead: boolean,
    phrase: string,
    pos: PartOfSpeech | undefined,
  ): Omit<WordGroup, 'label' | 'at'> {
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
    const termsOf = (text: string): string[] =>
      analyze(text)
        .filter((t) => !t.stop)
        .map((t) => t.term);
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
      add(termsOf(form), form, 1, 'self');
      withEditorsSynonyms(termsOf(form), 1, 1);
    }
    for (const source of forms.length > 0 ? forms : [phrase]) {
      for (const related of this.lexicon.related(source, pos)) {
        if (
          related.relation === 'gloss' &&
          (FRAME_WORDS.has(related.word) || STOP_WORDS.has(related.word))
        )
          continue;
        const rarer = QUESTION_WEIGHTS.senseShare[related.sense] ?? 0.5;
        const weight = QUESTION_WEIGHTS.relation[related.relation] * rarer;
        const evidence = QUESTION_WEIGHTS.evidence[related.relation] * rarer;
        const relatedTerms = termsOf(related.word);
        add(relatedTerms, related.word, weight, related.relation, evidence);
        if (related.relation === 'synonym' || related.relation === 'derived')
          withEditorsSynonyms(relatedTerms, weight, evidence);
      }
    }
    const known = terms.length > 0 && terms.every((t) => this.terms.isKnown(t));
    const rarest = Math.max(0, ...terms.map((t) => this.terms.idf(t)));
    return {
      alternatives,
      // A word the story itself uses weighs its rarity; one it does not (even if a synonym is
      // there) weighs like a word the sources may not cover.
      weight: known ? rarest : this.unknownWeight(phrase, typed, isHead),
      everyday: known && terms.every((t) => this.terms.isEveryday(t)),
      known: alternatives.length > 0,
      noun: (this.lexicon.mainPartOfSpeech(phrase) ?? 'noun') === 'noun',
      strangeName: !known && this.isNameLike(phrase, typed),
    };
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
      (!this.lexicon.isWord(word) || this.lexicon.isName(word) || /^\p{Lu}/u.test(typed))
    );
  }
}

const MAX_QUESTION_WORDS = 60;
const GROUP_CACHE_LIMIT = 20_000;

/** Abbreviations that follow "the" and name a country or a body. */
const BODIES: Readonly<Record<string, string>> = {
  us: 'united states',
  usa: 'united states',
  uk: 'united kingdom',
  un: 'united nations',
  eu: 'european union',
};
const FILLERS = new Set([
  'even',
  'actually',
  'really',
  'exactly',
  'just',
  'like',
  'so',
  'ok',
  'okay',
  'hey',
  'um',
  'uh',
  'well',
  'basically',
  'honestly',
  'literally',
  'again',
]);
const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'these',
  'those',
  'my',
  'your',
  'his',
  'her',
  'its',
  'our',
  'their',
  'some',
  'any',
  'each',
  'every',
  'no',
  'another',
  'which',
  'what',
  'whose',
]);
const BEFORE_VERBS = new Set([
  'to',
  'will',
  'would',
  'can',
  'could',
  'should',
  'might',
  'must',
  'do',
  'does',
  'did',
  'i',
  'we',
  'you',
  'they',
  'he',
  'she',
]);

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

function questionKind(all: readonly string[], mayDefine = true): QuestionKind {
  // "what even is …", "who actually runs …": fillers do not change what is asked.
  const words = all.filter((w) => !FILLERS.has(w));
  const first = words.findIndex((w) => WH_WORDS.has(w) || AUXILIARIES.has(w));
  const word = words[first];
  if (word === undefined) return 'what';
  if (AUXILIARIES.has(word)) {
    // "is it done", "did microsoft": a yes/no question, unless a question word comes first.
    return 'yes-no';
  }
  const next = words[first + 1] ?? '';
  if (word === 'how' && QUANTITY_WORDS.has(next)) return 'quantity';
  // "what kind of outlet is +972": a definition of what follows the verb.
  if (
    mayDefine &&
    word === 'what' &&
    ['kind', 'sort', 'type'].includes(next) &&
    words[first + 2] === 'of'
  ) {
    const verb = words.findIndex(
      (w, i) => i > first + 3 && ['is', 'are', 'was', 'were'].includes(w),
    );
    if (verb > 0 && verb < words.length - 1) return 'define';
  }
  if (
    mayDefine &&
    (word === 'who' || word === 'what') &&
    ['is', 'are', 'was', 'were'].includes(next)
  ) {
    // "who is Brad Smith", "what is Local Call" — not "who is running it" (a verb follows).
    const rest = words.slice(first + 2).filter((w) => !FRAME_WORDS.has(w));
    // A verb after it ("what is Microsoft investigating") asks what someone does.
    const verb = rest.some((w) => /(?:ing|ed)$/.test(w)) || /ing$/.test(words[first + 2] ?? '');
    if (rest.length > 0 && rest.length <= 3 && !verb) return 'define';
  }
  switch (word) {
    case 'who':
    case 'whom':
    case 'whose':
      return 'who';
    case 'when':
      return 'when';
    case 'where':
      return 'where';
    case 'why':
      return 'why';
    case 'how':
      return 'how';
    default:
      return 'what';
  }
}

/**
 * "which country", "what kind of outlet", "what moral code", "which news site": the noun the
 * answer is a kind of — a phrase WordNet knows, or else the last noun before the verb.
 */
function headNoun(words: readonly string[], lexicon: Lexicon): string | undefined {
  const at = words.findIndex((w) => w === 'which' || w === 'what');
  if (at < 0) return undefined;
  let i = at + 1;
  if (['kind', 'sort', 'type'].includes(words[i] ?? '') && words[i + 1] === 'of') i += 2;
  const phrase: string[] = [];
  for (; i < words.length && phrase.length < 3; i++) {
    const word = words[i] as string;
    if (FRAME_WORDS.has(word) || STOP_WORDS.has(word)) break;
    if (phrase.length > 0 && lexicon.mainPartOfSpeech(word) === 'verb') break;
    phrase.push(word);
  }
  if (phrase.length === 0) return undefined;
  const whole = phrase.join(' ');
  return phrase.length > 1 && lexicon.isWord(whole) ? whole : phrase.at(-1);
}
