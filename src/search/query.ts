import { analyze, type Token } from '../text/analyzer.js';
import { RANKING } from './options.js';
import { PARTY_TOKEN, SYNONYM_TOKEN } from '../text/phrases.js';
import type { PassageIndex } from './passageIndex.js';

/**
 * A query as the ranking needs it: groups of alternatives (a word matches as itself, as a synonym,
 * as a typo correction or completion; a name as the party it names), required phrases, and what
 * the question asks for (who, when, what a speaker said).
 */

export interface Alternative {
  readonly termId: number;
  readonly weight: number;
}

export interface TermGroup {
  /** The query words this group stands for, as typed. */
  readonly label: string;
  readonly alternatives: readonly Alternative[];
  /** The group's best possible contribution per unit of term weight (its rarest alternative). */
  readonly idf: number;
}

export interface Correction {
  readonly typed: string;
  readonly meant: string;
}

export interface QueryPlan {
  readonly groups: readonly TermGroup[];
  /** Quoted phrases: term-id sequences a passage must contain, in order. Empty list: impossible. */
  readonly phrases: readonly (readonly number[])[];
  /** A quoted phrase has a word the corpus never uses: nothing can match it exactly. */
  readonly impossiblePhrase: boolean;
  readonly corrections: readonly Correction[];
  /** Words that match nothing at all. */
  readonly unknownWords: readonly string[];
  readonly asksWhen: boolean;
  /** "Who …?": passages that name parties answer it. */
  readonly asksWho: boolean;
  /** Parties whose own words the question asks for ("what did Microsoft say …"). */
  readonly speakerIds: ReadonlySet<string>;
  /** True when the query has no searchable word (empty, or stop words only). */
  readonly empty: boolean;
}

/** Words that ask for someone's own words ("what did Microsoft say"). */
const WORDS_ASKING_FOR_WORDS = new Set(
  (
    'say said says saying wrote write writes state stated statement claim claimed claims quote ' +
    'words announce announced respond response'
  ).split(' '),
);
const QUOTE_MARKS = /["“”„«»]([^"“”„«»]+)["“”„«»]/gu;

/** What the search knows of English beyond the corpus. */
export interface QueryLanguage {
  /**
   * Whether a word is a real English word. Only a word that is not is taken for a typo of a
   * corpus word ("White House" is not a typo of "while"); without it, every unknown word is.
   */
  readonly isWord?: ((word: string) => boolean) | undefined;
}

/** Words of a query that are searched; the rest of a pasted wall of text adds nothing but cost. */
const MAX_QUERY_TOKENS = 64;

export function planQuery(
  raw: string,
  index: PassageIndex,
  prefix = false,
  language: QueryLanguage = {},
): QueryPlan {
  const tokens = analyze(raw).slice(0, MAX_QUERY_TOKENS);
  const phraseRanges = quotedRanges(raw);
  const inPhrase = (token: Token): boolean =>
    phraseRanges.some((r) => token.start >= r.start && token.end <= r.end);

  const groups: TermGroup[] = [];
  const corrections: Correction[] = [];
  const unknownWords: string[] = [];
  const speakerIds = new Set<string>();
  const consumed = new Set<number>();
  const weighted = (alternatives: Alternative[], label: string): TermGroup => ({
    label,
    alternatives,
    idf: Math.max(0, ...alternatives.map((a) => a.weight * index.idf(a.termId))),
  });

  // Names first (longest phrase wins), then multi-word synonyms: each becomes one group.
  const matches = index.phrases
    .match(tokens)
    .sort((a, b) => b.to - b.from - (a.to - a.from) || a.from - b.from);
  for (const match of matches) {
    const range = [...Array(match.to - match.from).keys()].map((i) => i + match.from);
    if (range.some((i) => consumed.has(i))) continue;
    const isParty = match.canonical.startsWith(PARTY_TOKEN);
    if (!isParty && match.to - match.from < 2) continue;
    const termId = index.termId(match.canonical);
    const label = raw.slice(tokens[match.from]?.start ?? 0, tokens[match.to - 1]?.end ?? 0);
    if (isParty) speakerIds.add(match.canonical.slice(PARTY_TOKEN.length));
    range.forEach((i) => consumed.add(i));
    if (termId === undefined) {
      unknownWords.push(label);
      continue;
    }
    groups.push(weighted([{ termId, weight: 1 }], label));
  }
  const synonymsOf = new Map<number, string[]>();
  for (const match of matches) {
    if (match.to - match.from === 1 && match.canonical.startsWith(SYNONYM_TOKEN)) {
      synonymsOf.set(match.from, [...(synonymsOf.get(match.from) ?? []), match.canonical]);
    }
  }

  tokens.forEach((token, position) => {
    if (token.stop || consumed.has(position)) return;
    const alternatives: Alternative[] = [];
    addAlternative(index, alternatives, token.term, 1);
    for (const canonical of synonymsOf.get(position) ?? [])
      addAlternative(index, alternatives, canonical, RANKING.synonymWeight);
    const isLast = position === tokens.length - 1 && raw.trimEnd().length === token.end;
    if (prefix && isLast && !inPhrase(token)) {
      for (const word of index.completions(token.word, RANKING.prefixExpansions)) {
        addAlternative(index, alternatives, index.knownWord(word) ?? word, RANKING.prefixWeight);
      }
    }
    if (alternatives.length === 0 && !inPhrase(token) && !language.isWord?.(token.word)) {
      const [best, ...others] = index.corrections(token.word);
      for (const word of [best, ...others.slice(0, 2)]) {
        if (word !== undefined)
          addAlternative(index, alternatives, index.knownWord(word) ?? word, RANKING.fuzzyWeight);
      }
      if (best !== undefined)
        corrections.push({ typed: raw.slice(token.start, token.end), meant: best });
    }
    if (alternatives.length === 0) unknownWords.push(raw.slice(token.start, token.end));
    else groups.push(weighted(alternatives, raw.slice(token.start, token.end)));
  });

  const phrases: number[][] = [];
  let impossiblePhrase = false;
  for (const range of phraseRanges) {
    const ids = tokens
      .filter((t) => t.start >= range.start && t.end <= range.end)
      .map((t) => index.termId(t.term));
    if (ids.length === 0) continue;
    if (ids.some((id) => id === undefined)) impossiblePhrase = true;
    else phrases.push(ids as number[]);
  }

  const words = new Set(tokens.map((t) => t.word));
  const asksForWords = [...words].some((w) => WORDS_ASKING_FOR_WORDS.has(w));
  return {
    groups,
    phrases,
    impossiblePhrase,
    corrections,
    unknownWords,
    asksWhen: words.has('when'),
    asksWho: words.has('who') || words.has('whom'),
    speakerIds: asksForWords ? speakerIds : new Set(),
    empty: tokens.every((token) => token.stop),
  };
}

/** Adds `term` as a way a word can match, keeping the larger weight if it is there already. */
function addAlternative(
  index: PassageIndex,
  alternatives: Alternative[],
  term: string,
  weight: number,
): void {
  const termId = index.termId(term);
  if (termId === undefined || index.documentFrequencyOf(termId) === 0) return;
  const existing = alternatives.findIndex((a) => a.termId === termId);
  if (existing < 0) alternatives.push({ termId, weight });
  else if ((alternatives[existing]?.weight ?? 0) < weight)
    alternatives[existing] = { termId, weight };
}

function quotedRanges(raw: string): { start: number; end: number }[] {
  return [...raw.matchAll(QUOTE_MARKS)].map((m) => ({
    start: m.index + 1,
    end: m.index + m[0].length - 1,
  }));
}
