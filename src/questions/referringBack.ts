import type { QuestionKind } from './questionKind.js';
import type { PartTime } from './questionTime.js';
import { AUXILIARIES, REACTION_WORDS, REFERRING_PRONOUNS, WH_WORDS } from './questionWords.js';
import type { ReadWord } from './standardWords.js';
import type { WordGroup } from './wordGroups.js';

/** What a part may take from the part before: its groups, who answered it, and its time. */
interface PartBefore {
  readonly groups: readonly WordGroup[];
  readonly answeredBy?: readonly WordGroup[] | undefined;
  readonly months: readonly number[];
  readonly years: readonly number[];
  readonly after?: string | undefined;
  readonly before?: string | undefined;
}

/** A part's groups and time with what it takes from the part before (see `ReadPart`). */
export interface ReferredPart {
  readonly groups: readonly WordGroup[];
  readonly borrowed?: ReadonlySet<WordGroup> | undefined;
  readonly months: readonly number[];
  readonly years: readonly number[];
  readonly after?: string | undefined;
  readonly before?: string | undefined;
}

/** What a part takes from the part before, as read by `takenBack`. */
interface TakenBack {
  readonly groups: readonly WordGroup[];
  /** A bare question word or a short follow-up: the same question asked again, of the same time. */
  readonly elliptical?: boolean;
  /** "It", "them": the part is of what the part before named, and of its time when it names none. */
  readonly referring?: boolean;
  /** The groups a pronoun after a party the part names refers to. */
  readonly referred?: readonly WordGroup[];
}

/** Pronouns that stand for something done to: "bring them in", "look into it". */
const OBJECT_PRONOUNS = new Set(['it', 'them', 'him', 'her']);

/**
 * A part's own `groups` and `time` with what it borrows: the words of a "when" clause that only
 * says at what time, and what it takes from the part before.
 */
export function referringBack(
  plain: readonly string[],
  content: readonly ReadWord[],
  kind: QuestionKind,
  groups: readonly WordGroup[],
  time: PartTime,
  previous?: PartBefore,
): ReferredPart {
  const atTime = whenClause(content, kind, groups);
  const back = previous ? takenBack(plain, kind, groups, previous) : { groups };
  const borrowed = back.referred ? new Set([...(atTime ?? []), ...back.referred]) : atTime;
  const sameTime =
    (back.elliptical || (back.referring && time.months.length + time.years.length === 0)) &&
    previous;
  return {
    groups: back.groups,
    borrowed,
    months: sameTime ? previous.months : time.months,
    years: sameTime ? previous.years : time.years,
    after: back.elliptical ? previous?.after : time.after,
    before: back.elliptical ? previous?.before : time.before,
  };
}

/**
 * The groups of a "when" clause in a part that does not ask when, as borrowed groups; undefined
 * when there are none.
 */
function whenClause(
  content: readonly ReadWord[],
  kind: QuestionKind,
  groups: readonly WordGroup[],
): ReadonlySet<WordGroup> | undefined {
  // "Did the stock take a hit when the Guardian story dropped": a "when" clause that does not
  // ask when says at what time; what it names ranks answers, but the rest of the question must
  // be what the sources speak of (as with words a pronoun borrows from the part before).
  const whenAt = kind === 'when' ? -1 : content.findIndex((w, i) => i > 0 && w.word === 'when');
  const timeClause = whenAt < 0 ? [] : groups.filter((g) => g.at > whenAt);
  return timeClause.length > 0 ? new Set(timeClause) : undefined;
}

/** What a part with the groups `groups` takes from the part before, if anything. */
function takenBack(
  plain: readonly string[],
  kind: QuestionKind,
  groups: readonly WordGroup[],
  previous: PartBefore,
): TakenBack {
  const namesParty = groups.some((g) => g.partyId !== undefined);
  // A bare question word ("… and when?") asks about the previous part's subject.
  if (groups.length === 0 && plain.every((w) => WH_WORDS.has(w)))
    return { groups: previous.groups, elliptical: true };
  if (!namesParty && plain.length <= 2 && WH_WORDS.has(plain[0] ?? '') && groups.length === 1) {
    // "Where was the May statement posted? Which blog?": a kind of answer to the same question.
    return { groups: [...groups, ...previous.groups], elliptical: true };
  }
  if (plain.some((w) => REACTION_WORDS.has(w))) {
    // "What did the Guardian report, and how did Microsoft respond": a response to that report.
    const own = new Set(groups.map((g) => g.partyId ?? g.label));
    return {
      groups: [...groups, ...previous.groups.filter((g) => !own.has(g.partyId ?? g.label))],
    };
  }
  if (kind === 'yes-no' && groups.length === 0 && plain.some((w) => REFERRING_PRONOUNS.has(w))) {
    // "… found nothing. is that true?": all of what was said before is what it asks about (not
    // "… and who is doing it", which asks who of what the part before named).
    return { groups: previous.groups, referring: true };
  }
  if (!namesParty && plain.some((w) => REFERRING_PRONOUNS.has(w))) {
    // "… and what did it use Azure for", "… and who is doing it": "it" is what the question
    // named before — a party, or a thing.
    // "What did Microsoft cut off in September, and who announced it": it is of that time too.
    return {
      groups: [...groups, ...previous.groups.filter((g) => g.partyId !== undefined || g.noun)],
      referring: true,
    };
  }
  if (namesParty && refersBackAsObject(plain, groups)) {
    // "… when did Microsoft bring them in", "… when did Microsoft say it would look into it":
    // the party named does; what it does it to is what the question named before.
    const own = new Set(groups.flatMap((g) => (g.partyId === undefined ? [] : [g.partyId])));
    // "Them" after "who's the law firm on the review" are the firm that answered it, too.
    const referred = [...previous.groups, ...(previous.answeredBy ?? [])].filter((g) =>
      g.partyId !== undefined ? !own.has(g.partyId) : g.noun,
    );
    return { groups: [...groups, ...referred], referring: true, referred };
  }
  return { groups };
}

/**
 * Whether a pronoun after the party a part names is the object of what it does ("bring them in",
 * "look into it"), not its subject again ("Microsoft said it would …").
 */
function refersBackAsObject(plain: readonly string[], groups: readonly WordGroup[]): boolean {
  const named = Math.min(...groups.filter((g) => g.partyId !== undefined).map((g) => g.at));
  return plain.some(
    (w, i) =>
      i > named &&
      OBJECT_PRONOUNS.has(w) &&
      !AUXILIARIES.has(plain[i + 1] ?? '') &&
      !REFERRING_PRONOUNS.has(plain[i - 1] ?? ''),
  );
}
