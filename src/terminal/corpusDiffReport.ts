import type { ChangedEvent, CorpusDiff, ReviewField } from '../corpus/corpusDiff.js';
import { isEmptyDiff } from '../corpus/corpusDiff.js';
import type { Party, SourceDocument, TimelineEvent } from '../corpus/corpusTypes.js';
import { formatDate, formatPublished } from '../corpus/dates.js';
import { stripControl } from '../text/typography.js';

/** How `npm run corpus:diff` names the review's fields, as an editor reads them in story.yaml. */
const REVIEW_FIELD_NAMES: Record<ReviewField, string> = {
  subject: 'review subject',
  announced: 'review announcement',
  conductedBy: 'review conducted by',
  scope: 'review scope',
  promised: 'review promise',
  status: 'review status',
};

/** What can change in a review field beside its text; the diff does not say which. */
const BESIDE_TEXT: Record<ReviewField, string> = {
  subject: 'its wording',
  announced: 'its date, party or sources',
  conductedBy: 'its parties or sources',
  scope: 'its sources',
  promised: 'its sources',
  status: 'its sources',
};

/** One line, whatever the editor typed: folded YAML and control characters never break it. */
const line = (text: string): string => stripControl(text).replace(/\s+/g, ' ').trim();

const source = (document: SourceDocument): string =>
  `${line(document.title)} — ${line(document.publisher)}, ${formatPublished(document.published)}`;

const party = (value: Party): string => `${line(value.name)} — ${line(value.role)}`;

const event = (value: TimelineEvent): string => `${formatDate(value.date)}: ${line(value.text)}`;

const arrow = (before: string, after: string): string =>
  before === after ? after : `${before} → ${after}`;

function changedEvent({ before, after }: ChangedEvent): string {
  const date = arrow(formatDate(before.date), formatDate(after.date));
  const text = arrow(line(before.text), line(after.text));
  const notes: string[] = [];
  const when = (value: TimelineEvent) => (value.when === undefined ? '—' : line(value.when));
  if (when(before) !== when(after)) notes.push(`when: ${when(before)} → ${when(after)}`);
  const tags = (value: TimelineEvent) => value.tags.map(line).sort().join(', ') || '—';
  if (tags(before) !== tags(after)) notes.push(`tags: ${tags(before)} → ${tags(after)}`);
  // Nothing else shown differs, so what changed is what the event cites.
  const shown = before.date !== after.date || line(before.text) !== line(after.text);
  if (!shown && notes.length === 0) notes.push('its sources changed');
  return `changed timeline event, ${date}: ${text}${notes.length ? ` (${notes.join('; ')})` : ''}`;
}

function changedParty({ before, after }: { before: Party; after: Party }): string {
  const name = arrow(line(before.name), line(after.name));
  const role = arrow(line(before.role), line(after.role));
  const notes: string[] = [];
  const aliases = (value: Party) => new Set(value.aliases.map(line));
  const [old, now] = [aliases(before), aliases(after)];
  const added = [...now].filter((alias) => !old.has(alias));
  const removed = [...old].filter((alias) => !now.has(alias));
  if (added.length) notes.push(`new aliases: ${added.join(', ')}`);
  if (removed.length) notes.push(`removed aliases: ${removed.join(', ')}`);
  const speaksFor = (value: Party) => value.speaksFor ?? '—';
  if (speaksFor(before) !== speaksFor(after)) {
    notes.push(`speaks for: ${speaksFor(before)} → ${speaksFor(after)}`);
  }
  const shown = line(before.name) !== line(after.name) || line(before.role) !== line(after.role);
  if (!shown && notes.length === 0) notes.push('its sources changed');
  return `changed party: ${name} — ${role}${notes.length ? ` (${notes.join('; ')})` : ''}`;
}

/** The difference in editors' terms, one line each, or "No changes.". */
export function formatCorpusDiff(diff: CorpusDiff): string[] {
  if (isEmptyDiff(diff)) return ['No changes.'];
  return [
    ...diff.addedDocuments.map((d) => `new source: ${source(d)}`),
    ...diff.changedDocuments.map((d) => `changed source: ${source(d)}`),
    ...diff.removedDocuments.map((d) => `removed source: ${source(d)}`),
    ...diff.addedEvents.map((e) => `new timeline event, ${event(e)}`),
    ...diff.changedEvents.map(changedEvent),
    ...diff.removedEvents.map((e) => `removed timeline event, ${event(e)}`),
    ...diff.reviewChanges.map(({ field, before, after }) => {
      const name = REVIEW_FIELD_NAMES[field];
      return line(before) === line(after)
        ? `${name}: ${BESIDE_TEXT[field]} changed: ${line(after)}`
        : `${name} changed: ${line(before)} → ${line(after)}`;
    }),
    ...diff.addedParties.map((p) => `new party: ${party(p)}`),
    ...diff.changedParties.map(changedParty),
    ...diff.removedParties.map((p) => `removed party: ${party(p)}`),
  ];
}

const documentJson = (d: SourceDocument) => ({
  id: d.id,
  title: d.title,
  publisher: d.publisher,
  published: formatPublished(d.published),
  url: d.url,
});
const eventJson = (e: TimelineEvent) => ({ date: e.date, text: e.text });
const partyJson = (p: Party) => ({ id: p.id, name: p.name, role: p.role });

/** `npm run corpus:diff -- --json`: the diff's own shape, each entry reduced to what names it. */
export function corpusDiffJson(diff: CorpusDiff): Record<string, unknown> {
  return {
    addedDocuments: diff.addedDocuments.map(documentJson),
    removedDocuments: diff.removedDocuments.map(documentJson),
    changedDocuments: diff.changedDocuments.map(documentJson),
    addedEvents: diff.addedEvents.map(eventJson),
    changedEvents: diff.changedEvents.map(({ before, after }) => ({
      before: eventJson(before),
      after: eventJson(after),
    })),
    removedEvents: diff.removedEvents.map(eventJson),
    reviewChanges: diff.reviewChanges.map(({ field, before, after }) => ({ field, before, after })),
    addedParties: diff.addedParties.map(partyJson),
    changedParties: diff.changedParties.map(({ before, after }) => ({
      before: partyJson(before),
      after: partyJson(after),
    })),
    removedParties: diff.removedParties.map(partyJson),
  };
}
