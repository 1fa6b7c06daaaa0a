import type { Story } from '../src/story/story.js';
import { partiesMatching } from '../src/answers/parties.js';
import { CHOICE_LIMITS, type Choice } from '../src/bot/commandTypes.js';
import { ELLIPSIS, excerpt } from '../src/reply/excerpt.js';
import { stripControl, stripInvisible } from '../src/text/typography.js';

/**
 * Autocomplete suggestions built from the corpus at the moment of typing, so a document or party
 * an editor adds is offered at once, with no command registration to redo.
 */

const MAX = CHOICE_LIMITS.count;

/** Plain one-line text of at most `max` characters (choice names are not Markdown). */
export function choiceText(text: string, max: number = CHOICE_LIMITS.name): string {
  const line = stripControl(stripInvisible(text)).replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}

function filtered(all: Choice[], typed: string | undefined): Choice[] {
  const wanted = typed?.trim().toLowerCase();
  const choices = wanted
    ? all.filter((c) => c.name.toLowerCase().includes(wanted) || c.value.includes(wanted))
    : all;
  return choices.slice(0, MAX);
}

/** Documents that hold text (only those can be quoted). */
export function sourceChoices(story: Story, typed?: string): Choice[] {
  const all = story.corpus.documents
    .filter((d) => d.completeness !== 'reference')
    .map((d) => ({ name: choiceText(`${d.publisher}: ${d.title}`), value: d.id }));
  return filtered(all, typed);
}

/** Parties that speak in at least one passage. */
export function speakerChoices(story: Story, typed?: string): Choice[] {
  const speaking = new Set(story.passages.map((p) => p.speakerId));
  const parties = typed
    ? partiesMatching(story.corpus.knowledge.parties, typed)
    : story.corpus.knowledge.parties;
  return parties
    .filter((p) => speaking.has(p.id))
    .slice(0, MAX)
    .map((p) => ({ name: choiceText(p.name), value: p.id }));
}

/** Passages matching what the user has typed so far: "Speaker: “words…”" → passage id. */
export function passageChoices(
  story: Story,
  typed: string,
  filters: { source?: string | undefined; speaker?: string | undefined } = {},
): Choice[] {
  const speakerId =
    filters.speaker && story.corpus.knowledge.parties.some((p) => p.id === filters.speaker)
      ? filters.speaker
      : undefined;
  const documentId = filters.source && story.document(filters.source) ? filters.source : undefined;
  const hits = typed.trim()
    ? story.search.search(typed, { limit: MAX, prefix: true, speakerId, documentId }).hits
    : story.passages
        .filter(
          (p) =>
            p.kind === 'direct-quote' &&
            (speakerId === undefined || p.speakerId === speakerId) &&
            (documentId === undefined || p.documentId === documentId),
        )
        .map((passage) => ({ passage, highlights: [] }));
  return hits.slice(0, MAX).map(({ passage, highlights }) => {
    const speaker = choiceText(passage.speaker, 30);
    // Show the words that matched, not just the passage's start: the name is all the user sees.
    const shown = excerpt(passage.text, highlights, CHOICE_LIMITS.name - speaker.length - 6);
    const words = `${shown.cutBefore ? ELLIPSIS : ''}${shown.text}${shown.cutAfter ? ELLIPSIS : ''}`;
    return { name: choiceText(`${speaker}: “${words}”`), value: passage.id };
  });
}
