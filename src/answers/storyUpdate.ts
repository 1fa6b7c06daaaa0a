import type { CorpusDiff, ReviewField } from '../corpus/corpusDiff.js';
import type { Fact } from '../corpus/corpusTypes.js';
import { formatDay, formatPublishedIn, translator, type MessageKey } from '../i18n/i18n.js';
import type { Block, FactBlock, NoteBlock, Reply } from '../reply/model.js';
import type { Story } from '../story/story.js';
import { asOfLine } from './asOf.js';
import { factBlock } from './reviewStatus.js';
import { sourceView } from './views.js';

/**
 * More changes than this are summed up in one line: an announcement is news, not a changelog, and
 * a message holds about this many cited entries within Discord's limits (40 components).
 */
const MOST_CHANGES_SHOWN = 6;

const REVIEW_LABEL_KEYS: Record<ReviewField, MessageKey> = {
  subject: 'update.review.subject',
  announced: 'update.review.announced',
  conductedBy: 'update.review.conductedBy',
  scope: 'update.review.scope',
  promised: 'update.review.promised',
  status: 'update.review.status',
};

/**
 * What changed in the story, as followers read it: each new or changed entry in the editors'
 * words with its citations (as `/story review-status` shows them), from the story as it is now.
 * What was taken out is said in a line of the bot's own, with nothing cited.
 */
export function storyUpdate(story: Story, diff: CorpusDiff, locale?: string): Reply {
  const t = translator(locale);
  const day = (date: string): string => formatDay(date, locale);
  const cited = (id: string, label: string, fact: Fact): FactBlock => ({
    ...factBlock(story, label, fact),
    id,
  });
  const changes: Block[] = [
    ...diff.reviewChanges.map((change) =>
      cited(
        `review:${change.field}`,
        t(REVIEW_LABEL_KEYS[change.field]),
        change.fact ?? { text: change.after, citations: [] },
      ),
    ),
    ...diff.addedEvents.map((event) =>
      cited(
        `timeline:${event.date}`,
        t('update.newEvent', { when: event.when ?? day(event.date) }),
        event,
      ),
    ),
    ...diff.changedEvents.map(({ after }) =>
      cited(
        `timeline:${after.date}`,
        t('update.changedEvent', { when: after.when ?? day(after.date) }),
        after,
      ),
    ),
    ...diff.addedDocuments.map((document): FactBlock => ({
      type: 'fact',
      id: `source:${document.id}`,
      label: t('update.newSource', {
        publisher: document.publisher,
        date: formatPublishedIn(document.published, locale),
      }),
      text: document.title,
      citations: [{ type: 'source', source: sourceView(document) }],
    })),
    ...diff.changedDocuments.map((document): FactBlock => ({
      type: 'fact',
      id: `source:${document.id}`,
      label: t('update.changedSource', { publisher: document.publisher }),
      text: document.title,
      citations: [{ type: 'source', source: sourceView(document) }],
    })),
    ...diff.addedParties.map((party) =>
      cited(`party:${party.id}`, t('update.newParty', { name: party.name }), {
        text: party.role,
        citations: party.citations,
      }),
    ),
    ...diff.changedParties.map(({ after }) =>
      cited(`party:${after.id}`, t('update.changedParty', { name: after.name }), {
        text: after.role,
        citations: after.citations,
      }),
    ),
    ...diff.removedEvents.map((event): NoteBlock => ({
      type: 'note',
      text: t('update.removedEvent', { when: event.when ?? day(event.date), text: event.text }),
    })),
    ...diff.removedDocuments.map((document): NoteBlock => ({
      type: 'note',
      text: t('update.removedSource', { title: document.title, publisher: document.publisher }),
    })),
    ...diff.removedParties.map((party): NoteBlock => ({
      type: 'note',
      text: t('update.removedParty', { name: party.name }),
    })),
  ];
  const blocks = changes.slice(0, MOST_CHANGES_SHOWN);
  const more = changes.length - blocks.length;
  // In the small print, which the layout keeps whatever it has to shorten above it.
  const footer = [
    more > 0 ? t('update.more', { count: more }) : undefined,
    asOfLine(story, blocks, locale),
    t('update.footer'),
  ];
  return {
    status: 'ok',
    title: t('update.title'),
    intro: t('update.intro', { count: changes.length }),
    blocks,
    footer: footer.filter(Boolean).join('\n'),
    ephemeral: false,
    locale,
  };
}
