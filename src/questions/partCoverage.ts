import type { Scored } from './candidateScorer.js';
import type { ReadPart } from './readQuestion.js';
import { QUESTION_WEIGHTS as W } from './weights.js';
import type { WordGroup } from './wordGroups.js';

/**
 * Whether the sources cover a question part, judged from its ranked candidates: they match too
 * little of it, or only the story's everyday words; names the story never uses carry it; the
 * amount or date it asks for stands nowhere near its words. And what the reply says then: the
 * words nothing matches. `answerQuestion.ts` decides with these; they hold no state.
 */

/**
 * Whether the sources are silent on the part: the best match is too thin to be an answer (too
 * little of the question, or only the story's everyday words), or names they never use carry it.
 */
export function sourcesSilent(
  part: ReadPart,
  candidates: readonly Scored[],
  best: Scored,
): boolean {
  if (best.support <= W.minCoverage) return true;
  // "Did Google and Amazon face the same accusations?": most of what it asks about is named by
  // names the story never uses — whatever else matches, the sources are not about that.
  const specific = part.groups.filter((g) => !g.everyday);
  const strange = strangeNames(part, candidates);
  if (strange.length > 0 && weightOf(strange) >= W.strangeNames * weightOf(specific)) return true;
  // "Is the review still going or have they wrapped it up": where things stand answers a
  // status question whose other words only say how it might stand (verbs, not things).
  if (part.asksStatus && candidates.some((c) => c.unit?.reviewField === 'status')) return false;
  // Something in the sources must match one of the question's own words — not only the
  // story's everyday words, and not only through a loose relation.
  return !candidates.some((c) => answersSomething(part, c));
}

/**
 * What a "how much" or "what year" part asks for that no candidate gives near one of the
 * question's own words: an amount, a date. Undefined when one does, or it asks for neither.
 */
export function missingAnswer(
  part: ReadPart,
  candidates: readonly Scored[],
): 'amount' | 'date' | undefined {
  const near = (c: Scored, found: boolean): boolean => found && answersSomething(part, c);
  if (part.expectsNumber && !candidates.some((c) => near(c, c.amountNear))) return 'amount';
  if (part.expectsDate && !candidates.some((c) => near(c, c.dateNear))) return 'date';
  return undefined;
}

/**
 * Whether where things stand answers a status question: every thing it names (a noun that is
 * not one of the story's everyday words) is something the sources speak of — "is the review
 * still going or have they wrapped it up" (its verbs only say how it might stand), not "did any
 * Microsoft employees quit" or "is there any deadline".
 */
export function statusAnswers(part: ReadPart, candidates: readonly Scored[]): boolean {
  return part.groups
    .filter((g) => !g.everyday && g.noun)
    .every((g) => candidates.some((c) => c.strong.has(g)));
}

/** The names in the question that the story never uses and no candidate matches closely. */
function strangeNames(part: ReadPart, candidates: readonly Scored[]): WordGroup[] {
  return part.groups.filter(
    (g) => g.strangeName && !g.everyday && !candidates.some((c) => c.strong.has(g)),
  );
}

/** Whether a candidate matches one of the question's own words, not only the story's everyday ones. */
export function answersSomething(part: ReadPart, candidate: Scored): boolean {
  // "What happened in late September": the month it names is one of its own words too.
  if (candidate.inTime && part.borrowed === undefined) return true;
  const specific = part.groups.filter((g) => !g.everyday);
  // What a pronoun stands for is not what the part asks about it ("did any execs get fired over it").
  // Nor is a verb that means little without its particle ("when did Microsoft bring them in").
  const own = specific.filter((g) => !part.borrowed?.has(g) && !g.light);
  const asked = own.length > 0 ? own : specific.length > 0 ? specific : part.groups;
  return asked.some((g) => candidate.strong.has(g));
}

/**
 * The words of the question, as typed, that no candidate matches closely (itself, a form of it,
 * a synonym): what the reply says nothing in the sources mentions. None when each is there and
 * the sources still do not answer it (the reply says that instead).
 */
export function unmatchedWords(part: ReadPart, scored: readonly Scored[]): string[] {
  const strange = strangeNames(part, scored);
  if (strange.length > 0) return [...new Set(strange.map((g) => g.label))];
  return [...new Set(groupsNothingMatches(part.groups, scored).map((g) => g.label))];
}

/**
 * The groups, not the story's everyday words, that no candidate matches closely (itself, a form
 * of it, a synonym): what "nothing in the sources mentions" may be said of.
 */
export function groupsNothingMatches(
  groups: readonly WordGroup[],
  scored: readonly Scored[],
): WordGroup[] {
  const found = new Set<WordGroup>();
  for (const s of scored) for (const g of s.strong) found.add(g);
  return groups.filter((g) => !found.has(g) && !g.everyday);
}

function weightOf(groups: readonly WordGroup[]): number {
  return groups.reduce((sum, g) => sum + g.weight, 0);
}
