import type { Party } from '../corpus/corpusTypes.js';
import { analyze, contentTerms, stem } from '../text/analyzer.js';
import { STATEMENT_WORDS } from './questionWords.js';
import { editDistance, FuzzyVocabulary } from '../text/nearWords.js';
import type { PassageIndex } from '../search/passageIndex.js';
import { PARTY_TOKEN, partyPhrases } from '../text/phrases.js';
import { PhraseMatcher } from '../text/phrases.js';
import type { AnswerUnit } from './answerUnits.js';
import { textFeatures, type TextFeatures } from './textFeatures.js';

/**
 * The story's vocabulary as questions meet it: which words the passages and the editors' units
 * use, how rare each is (rare words say what a question is about; the story's everyday words —
 * the names and terms nearly every passage uses — do not), and the parties' names.
 */

/**
 * A word in at least this share of the passages is one of the story's everyday words: alone,
 * it does not make a passage an answer. With few passages, at least `EVERYDAY_MIN_PASSAGES`.
 */
const EVERYDAY_SHARE = 0.2;

const EVERYDAY_MIN_PASSAGES = 4;
/** Words this long ("artical") may be misspelled twice over; compared with this many story words. */
const MIN_TWICE_MISSPELLED = 7;
const PREFIX_CANDIDATES = 400;

export class StoryTerms {
  /** The parties' names, as texts name them. */
  readonly parties: PhraseMatcher;
  /** The same, and as people write them in a question ("the Israel army"). */
  readonly askedParties: PhraseMatcher;
  readonly unitFeatures: ReadonlyMap<string, TextFeatures>;
  /** The features of a unit's context (`contextText`), for the units that have one. */
  readonly unitContext: ReadonlyMap<string, TextFeatures>;
  private readonly unitFrequency = new Map<string, number>();
  private readonly unitWords: FuzzyVocabulary;
  private readonly unitWordSet = new Set<string>();
  private readonly textCount: number;
  private readonly speakers = new Map<string, boolean>();
  private readonly prominenceOf = new Map<string, number>();
  private readonly everydayFrom: number;
  private allWords: ReadonlySet<string> | undefined;
  private pairs: ReadonlySet<string> | undefined;
  private kinOf: ReadonlyMap<string, readonly string[]> | undefined;
  private linkPromptCount: ReadonlyMap<string, number> | undefined;

  /** Per member (its terms, space-separated), the other members of its editors' synonym groups. */
  private readonly synonymGroups = new Map<string, { terms: string[]; words: string }[]>();

  constructor(
    private readonly index: PassageIndex,
    readonly units: readonly AnswerUnit[],
    private readonly partyList: readonly Party[],
    synonyms: readonly (readonly string[])[],
    /** A word's dictionary forms (WordNet's), matched as well as its stem. */
    readonly lemmas: (word: string) => readonly string[],
    /** The place an adjective of a place names ("Israeli" → israel), if it is one. */
    placeOfAdjective: (word: string) => string | undefined = () => undefined,
  ) {
    for (const group of synonyms) {
      const members = group.map((words) => ({ terms: contentTerms(words), words }));
      for (const member of members) {
        if (member.terms.length === 0) continue;
        const key = member.terms.join(' ');
        const others = members.filter((m) => m !== member && m.terms.length > 0);
        this.synonymGroups.set(key, [...(this.synonymGroups.get(key) ?? []), ...others]);
      }
    }
    // Party names only: the index's matcher also holds synonym groups.
    this.parties = new PhraseMatcher(partyPhrases(partyList));
    this.askedParties = new PhraseMatcher(
      partyPhrases(
        partyList.map((party) => ({
          ...party,
          aliases: [...party.aliases, ...placeNounForms(party, placeOfAdjective)],
        })),
      ),
    );
    const features = new Map<string, TextFeatures>();
    const context = new Map<string, TextFeatures>();
    for (const unit of units) {
      // A source unit's text says "an article" or "a statement": "the Guardian piece" finds it.
      const unitText = textFeatures(unit.matchText, this.parties, lemmas);
      features.set(unit.id, unitText);
      if (unit.contextText !== undefined)
        context.set(unit.id, textFeatures(unit.contextText, this.parties, lemmas));
      // How rare a word is counts every word of the unit, its context too.
      const all = unitWordsOf(unit);
      for (const term of textFeatures(all, this.parties, lemmas).terms)
        this.unitFrequency.set(term, (this.unitFrequency.get(term) ?? 0) + 1);
      for (const token of analyze(all)) if (!token.stop) this.unitWordSet.add(token.word);
    }
    this.unitFeatures = features;
    this.unitContext = context;
    this.unitWords = FuzzyVocabulary.build(this.unitWordSet);
    this.textCount = index.passages.length + units.length;
    this.everydayFrom = Math.max(
      EVERYDAY_MIN_PASSAGES,
      Math.ceil(index.passages.length * EVERYDAY_SHARE),
    );
  }

  /**
   * How much the corpus refers to a document: the editors' citations of it and the link prompts
   * that point to it.
   */
  prominence(documentId: string): number {
    let count = this.prominenceOf.get(documentId);
    if (count === undefined) {
      count =
        this.units.reduce(
          (n, unit) => n + unit.citations.filter((c) => c.documentId === documentId).length,
          0,
        ) + this.index.passages.filter((p) => p.linksTo === documentId).length;
      this.prominenceOf.set(documentId, count);
    }
    return count;
  }

  /**
   * Whether the sources hold anything the party said: a passage in its words, or an editors'
   * entry (other than its own) that names it before a verb of saying ("Brad Smith said …") — not
   * after one ("the Guardian reported that Unit 8200 …", "Microsoft announced a review … by
   * Covington").
   */
  speaks(partyId: string): boolean {
    let spoke = this.speakers.get(partyId);
    if (spoke === undefined) {
      spoke =
        this.index.passages.some((passage) => passage.speakerId === partyId) ||
        this.units.some((unit) => {
          const features = this.unitFeatures.get(unit.id);
          if (unit.kind === 'party' || features?.partyIds.has(partyId) !== true) return false;
          // Every word, "said" too (a stop word for matching), in the same sentence as the name.
          const text = unit.matchText;
          const tokens = analyze(text);
          const named = this.parties
            .match(tokens)
            .filter((m) => m.canonical === PARTY_TOKEN + partyId)
            .map((m) => tokens[m.from]?.start ?? Infinity);
          return tokens.some(
            (token) =>
              STATEMENT_WORDS.has(token.word) &&
              named.some(
                (start) => start < token.start && !/[.;]\s/.test(text.slice(start, token.start)),
              ),
          );
        });
      this.speakers.set(partyId, spoke);
    }
    return spoke;
  }

  /** The words the passages and units are written in (folded, stop words left out). */
  get storyWords(): ReadonlySet<string> {
    if (!this.allWords) {
      const words = new Set(this.unitWordSet);
      for (const passage of this.index.passages)
        for (const token of analyze(passage.text)) if (!token.stop) words.add(token.word);
      this.allWords = words;
    }
    return this.allWords;
  }

  /** Whether the passages or units write these words one after the other ("united states"). */
  usesTogether(words: readonly string[]): boolean {
    if (!this.pairs) {
      const pairs = new Set<string>();
      const texts = [...this.index.passages.map((p) => p.text), ...this.units.map(unitWordsOf)];
      for (const text of texts) {
        const tokens = analyze(text);
        for (let i = 0; i + 1 < tokens.length; i++)
          pairs.add(`${tokens[i]?.word} ${tokens[i + 1]?.word}`);
      }
      this.pairs = pairs;
    }
    const pairs = this.pairs;
    return words.every((word, i) => i === 0 || pairs.has(`${words[i - 1]} ${word}`));
  }

  /**
   * The other parties whose names share a word with this party's, other than the story's
   * everyday words: "Israel Defense Forces" and "Ministry of Defense", "Israeli military" and
   * "Israel's military surveillance agency" — bodies a user may take for one another.
   */
  kin(partyId: string): readonly string[] {
    if (!this.kinOf) {
      const words = new Map<string, Set<string>>();
      for (const party of this.partyList) {
        const own = new Set<string>();
        for (const name of [party.name, ...party.aliases])
          for (const token of analyze(name))
            if (!token.stop && !this.isEveryday(token.term) && !/\d/.test(token.word))
              own.add(token.term);
        words.set(party.id, own);
      }
      const kinOf = new Map<string, string[]>();
      for (const [id, own] of words)
        kinOf.set(
          id,
          [...words].flatMap(([other, theirs]) =>
            other !== id && [...own].some((term) => theirs.has(term)) ? [other] : [],
          ),
        );
      this.kinOf = kinOf;
    }
    return this.kinOf.get(partyId) ?? [];
  }

  /** In how many passages and units the term stands. */
  frequency(term: string): number {
    return this.passageFrequency(term) + (this.unitFrequency.get(term) ?? 0);
  }

  /** BM25's idf over passages and units together; an unknown term gets the rarest's. */
  idf(term: string): number {
    const df = this.frequency(term);
    const n = this.textCount;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** The idf of a term that occurs once: what an unknown word of the question weighs. */
  get rareIdf(): number {
    const n = this.textCount;
    return Math.log(1 + (n - 0.5) / 1.5);
  }

  isKnown(term: string): boolean {
    return this.frequency(term) > 0;
  }

  /** Whether a term (or `@party:<id>`) is one of the story's everyday words. */
  isEveryday(term: string): boolean {
    return this.passageFrequency(term) >= this.everydayFrom;
  }

  /** Whether a folded word is written in a passage or a unit. */
  isStoryWord(word: string): boolean {
    return this.index.knownWord(word) !== undefined || this.unitWordSet.has(word);
  }

  /** Story words within a typo or two of `word`, nearest first. */
  corrections(word: string): string[] {
    const found = new Set([...this.index.corrections(word), ...this.unitWords.corrections(word)]);
    // Two letters swapped ("isreal") is one typo, which the deletion index counts as two.
    for (let i = 0; i + 1 < word.length && found.size === 0; i++) {
      const swapped = word.slice(0, i) + word.charAt(i + 1) + word.charAt(i) + word.slice(i + 2);
      if (this.isStoryWord(swapped)) found.add(swapped);
    }
    // Two letters left out of a long word ("survelance") escape the deletion index: compare it
    // with the story's words that begin as it does — in two letters, since the third may be one
    // left out ("anouncment").
    if (found.size === 0 && word.length >= MIN_TWICE_MISSPELLED) {
      const prefix = word.slice(0, 2);
      const candidates = [
        ...this.index.completions(prefix, PREFIX_CANDIDATES),
        ...[...this.unitWordSet].filter((w) => w.startsWith(prefix)),
      ];
      for (const candidate of candidates)
        if (editDistance(word, candidate, 2) <= 2) found.add(candidate);
    }
    const distance = (candidate: string): number => editDistance(word, candidate, 3);
    return [...found].sort(
      (a, b) =>
        distance(a) - distance(b) ||
        this.frequency(this.termOf(b)) - this.frequency(this.termOf(a)),
    );
  }

  /**
   * The editors' synonyms (`corpus/story.yaml`) of a word or phrase given as its terms, each as
   * the terms it is made of.
   */
  synonymsOf(terms: readonly string[]): readonly { terms: string[]; words: string }[] {
    return this.synonymGroups.get(terms.join(' ')) ?? [];
  }

  /** The stem a story word is indexed under. */
  termOf(word: string): string {
    return this.index.knownWord(word) ?? stem(word);
  }

  private passageFrequency(term: string): number {
    const id = this.index.termId(term);
    if (id === undefined) return 0;
    return this.index.documentFrequencyOf(id) - (this.linkPromptTerms.get(term) ?? 0);
  }

  /**
   * Per term, how many link prompts use it ("To read Microsoft's response, click HERE."): never
   * shown as an answer, they do not make a word one the sources answer with ("read", "response").
   */
  private get linkPromptTerms(): ReadonlyMap<string, number> {
    if (!this.linkPromptCount) {
      const count = new Map<string, number>();
      for (const passage of this.index.passages) {
        if (passage.linksTo === undefined) continue;
        for (const term of new Set(analyze(passage.text).map((t) => t.term)))
          count.set(term, (count.get(term) ?? 0) + 1);
      }
      this.linkPromptCount = count;
    }
    return this.linkPromptCount;
  }
}

/** All the words of a unit: its context, then what it is matched against. */
function unitWordsOf(unit: AnswerUnit): string {
  return unit.contextText === undefined ? unit.matchText : `${unit.contextText}. ${unit.matchText}`;
}

/**
 * A party's names that open with an adjective of a place, with the place's own name instead:
 * "Israeli army" is also "Israel army", as people write it (a country's name before a noun).
 */
function placeNounForms(
  party: Party,
  placeOfAdjective: (word: string) => string | undefined,
): string[] {
  return [party.name, ...party.aliases].flatMap((name) => {
    const [first = '', ...rest] = name.split(' ');
    const place = rest.length > 0 ? placeOfAdjective(first.toLowerCase()) : undefined;
    return place ? [`${place} ${rest.join(' ')}`] : [];
  });
}
