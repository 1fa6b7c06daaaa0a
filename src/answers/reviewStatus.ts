import type { Story } from '../story/story.js';
import type { Fact } from '../corpus/corpusTypes.js';
import type { FactBlock, Reply } from '../reply/model.js';
import { asOfLine } from './asOf.js';
import { formatDay, translator } from '../i18n/i18n.js';
import { citationView } from './views.js';

export function factBlock(story: Story, label: string, fact: Fact): FactBlock {
  return {
    type: 'fact',
    label,
    text: fact.text,
    citations: fact.citations.map((c) => citationView(story, c)),
  };
}

/** `/story review-status`: the review's state, line by line from the editors' knowledge, each cited. */
export function reviewStatus(story: Story, locale?: string): Reply {
  const t = translator(locale);
  const { review, timeline } = story.corpus.knowledge;
  const developments = timeline.filter(
    (event) => event.tags.includes('review') && event.date > review.announced.date,
  );
  const blocks: FactBlock[] = [
    factBlock(
      story,
      t('review.announced', { date: formatDay(review.announced.date, locale) }),
      review.announced,
    ),
    factBlock(story, t('review.conductedBy'), review.conductedBy),
    factBlock(story, t('review.scope'), review.scope),
    factBlock(story, t('review.promised'), review.promised),
    ...developments.map((event) =>
      factBlock(
        story,
        t('review.later', { when: event.when ?? formatDay(event.date, locale) }),
        event,
      ),
    ),
    factBlock(story, t('review.status'), review.status),
  ];
  return {
    status: 'ok',
    title: t('review.title'),
    intro: review.subject,
    blocks,
    footer: asOfLine(story, blocks, locale),
    ephemeral: false,
  };
}
