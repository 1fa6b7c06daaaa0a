import type { Story } from '../story/story.js';
import type { Fact } from '../corpus/corpusTypes.js';
import type { FactBlock, Reply } from '../reply/model.js';
import { asOfLine } from './asOf.js';
import { formatDate } from '../corpus/dates.js';
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
export function reviewStatus(story: Story): Reply {
  const { review, timeline } = story.corpus.knowledge;
  const developments = timeline.filter(
    (event) => event.tags.includes('review') && event.date > review.announced.date,
  );
  const blocks: FactBlock[] = [
    factBlock(story, `Announced · ${formatDate(review.announced.date)}`, review.announced),
    factBlock(story, 'Conducted by', review.conductedBy),
    factBlock(story, 'What it covers', review.scope),
    factBlock(story, 'What was promised', review.promised),
    ...developments.map((event) =>
      factBlock(story, `Later · ${event.when ?? formatDate(event.date)}`, event),
    ),
    factBlock(story, 'Status', review.status),
  ];
  return {
    status: 'ok',
    title: 'Review status',
    intro: review.subject,
    blocks,
    footer: asOfLine(story, blocks),
    ephemeral: false,
  };
}
