import type { PartExplanation } from '../questions/answerQuestion.js';
import type { Scored } from '../questions/candidateScorer.js';
import { groupsNothingMatches } from '../questions/partCoverage.js';
import type { WordGroup } from '../questions/wordGroups.js';

/**
 * `npm run cli -- --explain "<question>"`: how `/story ask` read a question and why it answered
 * as it did — each part's kind, its words and what each can match, the best candidates with what
 * they matched, and the decision. For editors, it shows which words found nothing in the sources,
 * the words a synonym group in `story.yaml` can give them.
 */

/** Candidates listed per part. */
const SHOWN_CANDIDATES = 5;
/** A word's ways to match listed, closest first. */
const SHOWN_ALTERNATIVES = 6;

export function formatExplanation(question: string, parts: readonly PartExplanation[]): string {
  const lines = [`Question: ${question}`];
  const nothingFound = new Set<string>();
  parts.forEach((part, i) => {
    const { read, ranked } = part;
    lines.push('', `Part ${i + 1} of ${parts.length}: "${read.text}" — ${describeKind(part)}`);
    for (const c of read.corrections) lines.push(`  read "${c.typed}" as "${c.meant}"`);
    lines.push('  Words (weight; ways to match, with what each counts):');
    for (const group of read.groups) lines.push(`    ${describeGroup(group, read.borrowed)}`);
    if (read.groups.length === 0) lines.push('    none: it asks about the story as a whole');
    lines.push('  Best candidates (score, support; words matched, * closely):');
    for (const scored of ranked.slice(0, SHOWN_CANDIDATES))
      lines.push(`    ${describeCandidate(scored)}`);
    lines.push(`  Answer: ${describeAnswer(part)}`);
    for (const group of groupsNothingMatches(read.groups, ranked))
      if (!read.borrowed?.has(group)) nothingFound.add(group.label);
  });
  if (nothingFound.size > 0)
    lines.push(
      '',
      `Nothing in the sources matches closely: ${[...nothingFound].map((w) => `“${w}”`).join(', ')}.`,
      'If the sources say it in other words, add the word to a group under `synonyms:` in story.yaml.',
    );
  return lines.join('\n');
}

function describeKind({ read }: PartExplanation): string {
  const asks = [
    read.asksStatus && 'where things stand',
    read.asksFuture && 'what comes next',
    read.asksEvent && 'what happened',
    read.asksWords && `someone's words${read.speaker ? ` (${read.speaker})` : ''}`,
    read.asksSource && 'a document',
    read.expectsNumber && 'an amount',
    read.expectsDate && 'a date',
    read.places.size > 0 && 'where something was',
  ].filter((a): a is string => typeof a === 'string');
  const head = read.head ? ` ("which ${read.head}")` : '';
  return `${read.kind}${head}${asks.length > 0 ? `, asks for ${asks.join(', ')}` : ''}`;
}

function describeGroup(group: WordGroup, borrowed: ReadonlySet<WordGroup> | undefined): string {
  const notes = [
    group.partyId && `party ${group.partyId}`,
    group.everyday && 'everyday',
    group.strangeName && 'a name the story never uses',
    borrowed?.has(group) && 'from the part before',
  ].filter((n): n is string => typeof n === 'string');
  const ways = [...group.alternatives]
    .sort((a, b) => b.weight - a.weight)
    .slice(0, SHOWN_ALTERNATIVES)
    .map((a) => `${a.words} ${a.relation} ${a.weight.toFixed(2)}`);
  const more = group.alternatives.length - ways.length;
  return [
    `${group.label} ${group.weight.toFixed(2)}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`,
    ways.length > 0 ? `${ways.join(', ')}${more > 0 ? ` … +${more}` : ''}` : 'nothing in the story',
  ].join('; ');
}

function describeCandidate(scored: Scored): string {
  const id = scored.unit?.id ?? scored.passage?.id ?? '?';
  const words = [...scored.matched].map((g) => `${g.label}${scored.strong.has(g) ? '*' : ''}`);
  return `${scored.score.toFixed(2)}  ${scored.support.toFixed(2)}  ${id}  ${words.join(', ') || '—'}`;
}

function describeAnswer({ answer }: PartExplanation): string {
  const covered = answer.notCovered;
  if (covered) {
    const why = [
      covered.silentParty && `no passage is ${covered.silentParty}'s words`,
      covered.unmatched.length > 0 &&
        `nothing matches ${covered.unmatched.map((w) => `“${w}”`).join(', ')}`,
      covered.missing && `no ${covered.missing} near what it asks about`,
    ].filter((reason): reason is string => typeof reason === 'string');
    return `not covered (${why.join('; ') || 'what matches does not answer it'})`;
  }
  const passages = answer.passages.map((p) => p.passage.id);
  const lead = answer.lead ? `leads with ${answer.lead.id}` : 'no editors’ entry leads';
  return `${lead}; passages: ${passages.join(', ') || 'none'}`;
}
