import { stemmer } from 'stemmer';
import { baseForms } from './baseForms.js';
import {
  NEGATING_PREFIXES,
  narrowerOpposites,
  senseDerivations,
  senseOpposites,
  wordKey,
} from './opposites.js';
import {
  PARTS_OF_SPEECH,
  WordNetDatabase,
  type PartOfSpeech,
  type Pointer,
  type Synset,
} from './wordnetDatabase.js';

/**
 * What English says about a word, from WordNet: its dictionary forms, the words related to it
 * (synonyms, derived forms, broader and narrower terms), whether it is a word at all, and what
 * kind of thing it names. Answers to the same word are remembered: a question's words are looked
 * up once per process, however often they are asked.
 */

/** How a related word is related; the question layer weighs each kind (see questions/weights.ts). */
export type Relation =
  /** Another word of one of the word's first senses: "lawyer" → attorney. */
  | 'synonym'
  /** A word derived from it or it from them: "investigate" → investigation, "storage" → store. */
  | 'derived'
  /** An adjective's near-synonyms, a verb's group, a participle or pertainym. */
  | 'similar'
  /** A more specific term or instance: "handle" → conduct, "keep" → store. */
  | 'narrower'
  /** The field it belongs to: "lawyer" → law. */
  | 'topic'
  /** A word of its first sense's definition: "pay" → money, goods, services. */
  | 'gloss'
  /** Its opposite: "allow" → forbid, prohibit (a yes/no question is often answered by a no). */
  | 'antonym'
  /**
   * A place within the place it names, or that an adjective of it pertains to: "Europe", "the
   * EU", "European" → Netherlands. A text that names the part says where, inside the whole.
   */
  | 'place';

export interface RelatedWord {
  /** Lowercase; collocations have spaces ("law firm", "cut off"). */
  readonly word: string;
  readonly relation: Relation;
  /** The rank of the word's sense it was found through: 0 for its commonest sense. */
  readonly sense: number;
}

/**
 * Only a word's most frequent senses are followed (each related word says through which): the
 * rarest relate a word to everything ("story" is also a storey). Narrower terms are read for the
 * first `NARROWER_SENSES` only.
 */
const SENSES_FOLLOWED = 6;
/** The caches hold at most this many words each; past it they start again (hostile input is endless). */
const CACHE_LIMIT = 20_000;
const NARROWER_SENSES = 3;
/**
 * Bound on the narrower terms read for a word: a general word has hundreds, each a read of the
 * data file; the first ones are its commonest senses' direct kinds.
 */
const MAX_NARROWER_SYNSETS = 24;
/** WordNet's lexicographer files: where a noun sense belongs. */
const LEX_FILE = { location: 15, person: 18, group: 14, object: 17 } as const;
/** The lexicographer files of wholes whose parts may be places: places, groups (the EU), objects (Europe). */
const PLACE_WHOLES: ReadonlySet<number> = new Set([
  LEX_FILE.location,
  LEX_FILE.group,
  LEX_FILE.object,
]);
/** Pointers to a synset's parts and members ("Europe" → Netherlands, "EU" → its member states). */
const PART_POINTERS = new Set(['%p', '%m']);
/** An adjective's pointer to the noun it pertains to ("European" → Europe). */
const PERTAINYM = '\\';

const RELATION_OF_POINTER: Readonly<Record<string, Relation>> = {
  '+': 'derived',
  '\\': 'similar',
  '<': 'similar',
  '&': 'similar',
  $: 'similar',
  '^': 'similar',
  '=': 'similar',
  '~': 'narrower',
  '~i': 'narrower',
  ';c': 'topic',
  '!': 'antonym',
};

export class Lexicon {
  private readonly relatedCache = new Map<string, readonly RelatedWord[]>();
  private readonly sensesCache = new Map<string, readonly Synset[]>();
  private readonly formsCache = new Map<string, readonly string[]>();
  private readonly answers = new Map<string, boolean | PartOfSpeech | undefined>();
  private readonly wordSets = new Map<string, ReadonlySet<string>>();

  private opened: WordNetDatabase | undefined;

  /** Opens WordNet on first use (a bot that is never asked a question never reads it). */
  constructor(private readonly open: () => WordNetDatabase = () => new WordNetDatabase()) {}

  private get database(): WordNetDatabase {
    this.opened ??= this.open();
    return this.opened;
  }

  /** Whether WordNet knows the word, in any inflection ("kept", "lawyers", "white house"). */
  isWord(word: string): boolean {
    // Index look-ups only: no synset is read to know that a word exists.
    return PARTS_OF_SPEECH.some((pos) => this.formsAs(word, pos).length > 0);
  }

  /**
   * The English word one typo away from a non-word ("resluts" → results, "bloking" → blocking):
   * a swap of two letters first, then a letter left out, one too many, one wrong. Undefined when
   * no word is that close.
   */
  nearestWord(word: string): string | undefined {
    if (word.length < 4 || word.length > 20 || !/^[a-z]+$/.test(word)) return undefined;
    for (const candidate of oneEditAway(word)) if (this.isWord(candidate)) return candidate;
    return undefined;
  }

  /** The word's dictionary forms, e.g. "recordings" → [recording, record]. */
  baseForms(word: string): string[] {
    const forms = new Set<string>();
    for (const pos of PARTS_OF_SPEECH) for (const form of this.formsAs(word, pos)) forms.add(form);
    return [...forms];
  }

  /**
   * The part of speech the word is mostly used as (most senses seen in WordNet's tagged texts;
   * a noun on a tie): "sell" → verb, "price" → noun. Undefined for a word WordNet does not know.
   */
  mainPartOfSpeech(word: string): PartOfSpeech | undefined {
    return this.remembered<PartOfSpeech | undefined>(`pos:${word}`, () =>
      this.findMainPartOfSpeech(word),
    );
  }

  private findMainPartOfSpeech(word: string): PartOfSpeech | undefined {
    let best: { pos: PartOfSpeech; tagged: number } | undefined;
    for (const pos of PARTS_OF_SPEECH) {
      for (const form of this.formsAs(word, pos)) {
        const tagged = this.database.lookup(form, pos)?.taggedSenses ?? 0;
        if (!best || tagged > best.tagged) best = { pos, tagged };
      }
    }
    return best?.pos;
  }

  /**
   * Whether the word names one particular thing: one of its commonest noun senses is an
   * instance ("Amazon", "White House", "Netherlands"), not a kind of thing ("lawyer", "price").
   */
  isName(word: string): boolean {
    return this.senses(word, 'noun')
      .slice(0, 3)
      .some((synset) => synset.pointers.some((pointer) => pointer.symbol === '@i'));
  }

  /**
   * Whether the word's first senses name a place ("Netherlands", "Gaza"); with `commonest`, one
   * of that many commonest ("country", "region", not "part", whose fifth sense is a region).
   */
  isPlace(word: string, commonest = SENSES_FOLLOWED): boolean {
    return this.senses(word, 'noun')
      .slice(0, commonest)
      .some((synset) => synset.lexFile === LEX_FILE.location);
  }

  /** Whether one of the word's first senses is a kind or instance of `category` ("Netherlands" → country). */
  isKindOf(word: string, category: string, depth = 4): boolean {
    return this.remembered<boolean>(`kind:${depth}:${category}:${word}`, () =>
      this.findKindOf(word, category, depth),
    );
  }

  private findKindOf(word: string, category: string, depth: number): boolean {
    // The category's senses, and what each is a kind of: "area" is a kind of region, and Gaza, a
    // region, answers "which area".
    const senses = this.senses(category, 'noun');
    const categories = new Set<number>(senses.map((synset) => synset.offset));
    // Only the commonest sense's: "country" is also a rural area, and Gaza is no country.
    for (const parent of senses[0] ? this.parents(senses[0]) : []) categories.add(parent.offset);
    if (categories.size === 0) return false;
    let frontier = this.senses(word, 'noun');
    const seen = new Set<number>();
    for (let level = 0; level < depth && frontier.length > 0; level++) {
      const next: Synset[] = [];
      for (const synset of frontier) {
        if (seen.has(synset.offset)) continue;
        seen.add(synset.offset);
        if (level > 0 && categories.has(synset.offset)) return true;
        next.push(...this.parents(synset));
      }
      frontier = next;
    }
    return false;
  }

  /** The synsets a synset is a kind or an instance of. */
  private parents(synset: Synset): Synset[] {
    const parents: Synset[] = [];
    for (const pointer of synset.pointers) {
      if (pointer.symbol !== '@' && pointer.symbol !== '@i') continue;
      const parent = this.database.synset(pointer.pos, pointer.offset);
      if (parent) parents.push(parent);
    }
    return parents;
  }

  /** Words related to `word` in its first senses, closest relations first; never the word itself. */
  related(word: string, as?: PartOfSpeech): readonly RelatedWord[] {
    // Read as the part of speech it is used as ("the guardian piece" is a noun), when it is one.
    const only = as !== undefined && this.senses(word, as).length > 0 ? as : undefined;
    const key = `${only ?? '*'}:${word}`;
    const cached = this.relatedCache.get(key);
    if (cached) return cached;
    const found = new Map<string, RelatedWord>();
    const forms = new Set(this.baseForms(word));
    const add = (candidate: string, relation: Relation, sense: number): void => {
      if (forms.has(candidate) || candidate === word) return;
      const existing = found.get(candidate);
      // A commoner sense's relation wins.
      if (!existing || existing.sense > sense)
        found.set(candidate, { word: candidate, relation, sense });
    };
    const pointerTargets: { pointer: Pointer; position: number; sense: number }[] = [];
    for (const pos of only ? [only] : PARTS_OF_SPEECH) {
      this.senses(word, pos).forEach((synset, sense) => {
        const position = synset.words.findIndex((w) => forms.has(w)) + 1;
        for (const synonym of synset.words) add(synonym, 'synonym', sense);
        if (sense === 0) for (const defining of glossWords(synset.gloss)) add(defining, 'gloss', 0);
        for (const pointer of synset.pointers) pointerTargets.push({ pointer, position, sense });
      });
    }
    // Closer relations first, so the bound on narrower terms cuts the loosest.
    const order: readonly Relation[] = ['derived', 'similar', 'antonym', 'topic', 'narrower'];
    let narrowerRead = 0;
    for (const relation of order) {
      for (const { pointer, position, sense } of pointerTargets) {
        if (RELATION_OF_POINTER[pointer.symbol] !== relation) continue;
        if (
          relation === 'narrower' &&
          (sense >= NARROWER_SENSES || ++narrowerRead > MAX_NARROWER_SYNSETS)
        )
          continue;
        // A lexical pointer links one word of each synset. Derivations are followed from every
        // word of the sense, to the whole derived sense ("oversee" ~ supervise → supervision,
        // oversight); other lexical pointers only from this word, to their word.
        const derivation = relation === 'derived';
        if (!derivation && pointer.sourceWord !== 0 && pointer.sourceWord !== position) continue;
        const target = this.database.synset(pointer.pos, pointer.offset);
        if (!target) continue;
        const words =
          pointer.targetWord === 0 || derivation
            ? target.words
            : [target.words[pointer.targetWord - 1] ?? ''];
        for (const related of words) if (related) add(related, relation, sense);
      }
    }
    // Whatever the word is used as: "a European region" is read as a noun, but is Europe's.
    for (const place of this.placesWithin(word)) add(place, 'place', 0);
    const result = [...found.values()];
    if (this.relatedCache.size >= CACHE_LIMIT) this.relatedCache.clear();
    this.relatedCache.set(key, result);
    return result;
  }

  /**
   * The place an adjective of a place names ("Israeli" → israel, "Dutch" → netherlands), as a
   * writer may put it before a noun instead ("the Israel army"). Undefined for any other word.
   */
  placeOfAdjective(word: string): string | undefined {
    for (const synset of this.senses(word, 'adj'))
      for (const noun of this.pertainedTo(synset))
        if (noun.lexFile === LEX_FILE.location) return noun.words[0];
    return undefined;
  }

  /** The nouns an adjective sense pertains to ("European" → Europe): WordNet's pertainyms. */
  private pertainedTo(adjective: Synset): Synset[] {
    return adjective.pointers.flatMap((pointer) => {
      if (pointer.symbol !== PERTAINYM) return [];
      const noun = this.database.synset(pointer.pos, pointer.offset);
      return noun ? [noun] : [];
    });
  }

  /**
   * The places within the place the word names ("Europe", "EU"), or that its adjective sense
   * pertains to ("European"): WordNet's parts and members that are themselves places. Only a
   * place's, and only places: parts of other things ("car" → wheel) are not where they are.
   */
  private placesWithin(word: string): string[] {
    const wholes: Synset[] = [];
    const places: string[] = [];
    for (const synset of this.senses(word)) {
      if (synset.pos === 'noun') wholes.push(synset);
      else if (synset.pos === 'adj')
        for (const noun of this.pertainedTo(synset)) {
          wholes.push(noun);
          // "Dutch" is of the Netherlands: the place itself, as well as the places within it.
          if (noun.lexFile === LEX_FILE.location) places.push(...noun.words);
        }
    }
    for (const whole of wholes) {
      // The EU is a group in WordNet and Europe a natural object; their parts are places.
      if (!PLACE_WHOLES.has(whole.lexFile)) continue;
      for (const pointer of whole.pointers) {
        if (!PART_POINTERS.has(pointer.symbol)) continue;
        const part = this.database.synset(pointer.pos, pointer.offset);
        if (part?.lexFile === LEX_FILE.location) places.push(...part.words);
      }
    }
    return places;
  }

  /**
   * The words of the definition of the word's commonest sense in each part of speech it has
   * ("customer" → pays, goods, services): what a text that uses the word says in other words.
   */
  definitionWords(word: string): readonly string[] {
    return [
      ...this.rememberedWords(`def:${word}`, () =>
        PARTS_OF_SPEECH.flatMap((pos) => {
          const first = this.senses(word, pos)[0];
          return first ? glossWords(first.gloss) : [];
        }),
      ),
    ];
  }

  /** Words opposite to `word` in its first senses: WordNet's antonyms (see opposites.ts). */
  opposites(word: string): ReadonlySet<string> {
    return new Set([...this.oppositeKeys(word)].map((key) => key.slice(key.indexOf(':') + 1)));
  }

  /** `opposites`, each keyed with its part of speech (`adj:unlimited`). */
  private oppositeKeys(word: string): ReadonlySet<string> {
    return this.rememberedWords(`opp:${word}`, () =>
      this.senses(word).flatMap((sense) =>
        senseOpposites(sense, (pos, offset) => this.database.synset(pos, offset)),
      ),
    );
  }

  /** Opposites one step looser (see `narrowerOpposites`), keyed. */
  private looseOppositeKeys(word: string): ReadonlySet<string> {
    const read = (pos: PartOfSpeech, offset: number) => this.database.synset(pos, offset);
    return this.rememberedWords(`loose:${word}`, () =>
      this.senses(word).flatMap((sense) => narrowerOpposites(sense, read)),
    );
  }

  /** The words of the word's own first senses, keyed ("verb:stay" → verb:check, verb:arrest…). */
  private synonymKeys(word: string): ReadonlySet<string> {
    return this.rememberedWords(`syn:${word}`, () =>
      this.senses(word).flatMap((sense) => sense.words.map((w) => wordKey(sense.pos, w))),
    );
  }

  /** Words derived from `word` or it from them, by WordNet's derivation links, keyed ("verb:allow" → adj:allowable). */
  private derivationKeys(word: string): ReadonlySet<string> {
    return this.rememberedWords(`der:${word}`, () =>
      this.senses(word).flatMap((sense) =>
        this.formsAs(word, sense.pos).flatMap((form) =>
          senseDerivations(sense, form, (pos, offset) => this.database.synset(pos, offset)),
        ),
      ),
    );
  }

  /** The word's dictionary forms, each keyed with the part of speech it is that form in. */
  private formKeys(word: string): string[] {
    return PARTS_OF_SPEECH.flatMap((pos) => this.formsAs(word, pos).map((f) => wordKey(pos, f)));
  }

  /**
   * Whether one word says the opposite of the other, by WordNet's antonyms (within a part of
   * speech): directly ("limited", "unlimited"), or as a negating prefix on a real word that WordNet
   * opposes to the word ("nonstandard"). With `reach: 'swapped'`, for a word swapped for another
   * in the same place only, also looser: one derivation away ("denial" ~ deny, the opposite of
   * "allowed"), or a narrower kind of the opposite ("violated", a kind of disrespect, for "abided
   * by").
   */
  areOpposites(a: string, b: string, reach: 'direct' | 'swapped' = 'direct'): boolean {
    if (a === b) return false;
    const oppositesA = this.oppositeKeys(a);
    const oppositesB = this.oppositeKeys(b);
    if (
      meets(oppositesA, this.formKeys(b)) ||
      meets(oppositesB, this.formKeys(a)) ||
      this.prefixedOpposite(a, b) ||
      this.prefixedOpposite(b, a)
    )
      return true;
    if (reach === 'direct') return false;
    return (
      meets(oppositesA, this.derivationKeys(b)) ||
      meets(oppositesB, this.derivationKeys(a)) ||
      this.looselyOpposed(a, b)
    );
  }

  /**
   * A narrower kind of the other's opposite, in either direction; never two words that share a
   * sense: a word of many senses ("stay", "check") can meet its own synonym through another
   * sense's opposite, and a synonym is never an opposite.
   */
  private looselyOpposed(a: string, b: string): boolean {
    const formsA = this.formKeys(a);
    const formsB = this.formKeys(b);
    if (meets(this.synonymKeys(a), formsB) || meets(this.synonymKeys(b), formsA)) return false;
    return meets(this.looseOppositeKeys(a), formsB) || meets(this.looseOppositeKeys(b), formsA);
  }

  /** `prefixed` is a negating prefix on a form of `word`, and WordNet opposes the two. */
  private prefixedOpposite(prefixed: string, word: string): boolean {
    const stem = stemmer(word);
    for (const prefix of NEGATING_PREFIXES) {
      if (!prefixed.startsWith(prefix) || stemmer(prefixed.slice(prefix.length)) !== stem) continue;
      if (!this.isWord(prefixed)) return false;
      const prefixedStem = stemmer(prefixed);
      return (
        [...this.opposites(prefixed)].some((o) => stemmer(o) === stem) ||
        [...this.opposites(word)].some((o) => stemmer(o) === prefixedStem)
      );
    }
    return false;
  }

  private rememberedWords(key: string, find: () => readonly string[]): ReadonlySet<string> {
    const cached = this.wordSets.get(key);
    if (cached) return cached;
    const words = new Set(find());
    if (this.wordSets.size >= CACHE_LIMIT) this.wordSets.clear();
    this.wordSets.set(key, words);
    return words;
  }

  private remembered<T extends boolean | PartOfSpeech | undefined>(key: string, find: () => T): T {
    if (this.answers.has(key)) return this.answers.get(key) as T;
    const answer = find();
    if (this.answers.size >= CACHE_LIMIT) this.answers.clear();
    this.answers.set(key, answer);
    return answer;
  }

  /** `baseForms` for one part of speech, remembered (every question asks for the same words). */
  private formsAs(word: string, pos: PartOfSpeech): readonly string[] {
    const key = `${pos}:${word}`;
    let forms = this.formsCache.get(key);
    if (!forms) {
      forms = baseForms(this.database, word, pos);
      if (this.formsCache.size >= CACHE_LIMIT) this.formsCache.clear();
      this.formsCache.set(key, forms);
    }
    return forms;
  }

  /** The first senses of a word, in every part of speech or in one. */
  private senses(word: string, only?: PartOfSpeech): readonly Synset[] {
    const key = `${only ?? '*'}:${word}`;
    const cached = this.sensesCache.get(key);
    if (cached) return cached;
    const synsets: Synset[] = [];
    for (const pos of only ? [only] : PARTS_OF_SPEECH) {
      for (const form of this.formsAs(word, pos)) {
        const entry = this.database.lookup(form, pos);
        for (const offset of entry?.synsets.slice(0, SENSES_FOLLOWED) ?? []) {
          const synset = this.database.synset(pos, offset);
          if (synset && !synsets.includes(synset)) synsets.push(synset);
        }
      }
    }
    if (this.sensesCache.size >= CACHE_LIMIT) this.sensesCache.clear();
    this.sensesCache.set(key, synsets);
    return synsets;
  }
}

/** Whether any of `forms` is among `keys`. */
function meets(keys: ReadonlySet<string>, forms: Iterable<string>): boolean {
  for (const form of forms) if (keys.has(form)) return true;
  return false;
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz';

/** Every string one edit from `word`, the likeliest typos first. */
export function* oneEditAway(word: string): Generator<string> {
  for (let i = 0; i + 1 < word.length; i++)
    yield word.slice(0, i) + word.charAt(i + 1) + word.charAt(i) + word.slice(i + 2);
  for (let i = 0; i <= word.length; i++)
    for (const letter of ALPHABET) yield word.slice(0, i) + letter + word.slice(i);
  for (let i = 0; i < word.length; i++) yield word.slice(0, i) + word.slice(i + 1);
  for (let i = 0; i < word.length; i++)
    for (const letter of ALPHABET)
      if (letter !== word.charAt(i)) yield word.slice(0, i) + letter + word.slice(i + 1);
}

/** The words of a definition worth matching: longer than three letters, not "someone" or "something". */
function glossWords(gloss: string): string[] {
  return [...new Set(gloss.toLowerCase().match(/[a-z]{4,}/g) ?? [])].filter(
    (word) => !GLOSS_FILLERS.has(word),
  );
}

const GLOSS_FILLERS = new Set([
  'someone',
  'something',
  'somebody',
  'usually',
  'especially',
  'often',
  'with',
  'from',
  'into',
  'that',
  'this',
  'which',
  'what',
  'when',
  'where',
  'their',
  'there',
  'other',
  'more',
  'most',
  'very',
  'than',
  'them',
  'they',
  'such',
  'being',
  'been',
  'have',
  'having',
  'make',
  'made',
]);

let shared: Lexicon | undefined;

/** One lexicon per process: its caches serve every story built in it. */
export function sharedLexicon(): Lexicon {
  shared ??= new Lexicon();
  return shared;
}
