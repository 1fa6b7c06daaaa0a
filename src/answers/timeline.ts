import type { Story } from '../story/story.js';
import type { Reply } from '../reply/model.js';
import { asOfLine } from './asOf.js';
import { formatDate } from '../corpus/dates.js';
import { paginate } from './paging.js';
import { factBlock } from './reviewStatus.js';

const EVENTS_PER_PAGE = 6;

/** `/story timeline`: dated events, oldest first, each with its sources. */
export function timeline(story: Story, page = 1): Reply {
  const events = story.corpus.knowledge.timeline.map((event) =>
    factBlock(story, event.when ?? formatDate(event.date), event),
  );
  const shown = paginate(events, page, EVENTS_PER_PAGE);
  return {
    status: 'ok',
    title: 'Timeline',
    intro: `${events.length} dated events, oldest first.`,
    blocks: shown.items,
    footer: asOfLine(story, events),
    ephemeral: false,
    pager: shown.pageCount > 1 ? { page: shown.page, pageCount: shown.pageCount } : undefined,
  };
}
