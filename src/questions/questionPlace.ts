import type { Lexicon } from '../lexicon/lexicon.js';
import { analyze } from '../text/analyzer.js';
import type { QuestionKind } from './questionKind.js';
import type { ReadWord } from './standardWords.js';
import type { WordGroup } from './wordGroups.js';

/** Prepositions after which a place says where something is ("stored in Europe"). */
const LOCATIVE = new Set(['in', 'inside', 'within']);
/**
 * A "which X" asks for a place when one of X's two commonest senses is one: "which country",
 * "which region", not "which part of the government".
 */
export const PLACE_SENSES = 2;
/** How far before the place its preposition may stand ("in a European Azure region"). */
const PREPOSITION_REACH = 3;

/**
 * The places a part asks about as where something was: a place the story never names, which
 * WordNet knows the places within ("Europe", "the EU", "European" → Netherlands), after "in" —
 * "were the recordings on servers in Europe or in Israel" — or anywhere in a part that asks which
 * place ("which region did the data live in, some EU datacenter?"). Not the EU as an actor ("has
 * the EU opened an investigation"): there it is who, not where.
 */
export function placesAsked(
  content: readonly ReadWord[],
  groups: readonly WordGroup[],
  kind: QuestionKind,
  head: string | undefined,
  lexicon: Lexicon,
): ReadonlySet<WordGroup> {
  const asksWhichPlace =
    kind === 'where' || (head !== undefined && lexicon.isPlace(head, PLACE_SENSES));
  const tokens = analyze(content.map((w) => w.word).join(' '));
  const afterPreposition = (at: number): boolean =>
    tokens.slice(Math.max(0, at - PREPOSITION_REACH), at).some((token) => LOCATIVE.has(token.word));
  return new Set(
    groups.filter(
      (g) =>
        g.alternatives.some((a) => a.relation === 'place') &&
        (asksWhichPlace || afterPreposition(g.at)),
    ),
  );
}
