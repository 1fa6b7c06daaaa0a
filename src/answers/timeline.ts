import type { Story } from '../story/story.js';
import type { Reply } from '../reply/model.js';
import { asOfLine } from './asOf.js';
import { formatDay, translator } from '../i18n/i18n.js';
import { paginate } from './paging.js';
import { factBlock } from './reviewStatus.js';

const EVENTS_PER_PAGE = 6;

/** `/story timeline`: dated events, oldest first, each with its sources. */
export function timeline(story: Story, page = 1, locale?: string): Reply {
  const t = translator(locale);
  const events = story.corpus.knowledge.timeline.map((event) =>
    factBlock(story, event.when ?? formatDay(event.date, locale), event),
  );
  const shown = paginate(events, page, EVENTS_PER_PAGE);
  return {
    status: 'ok',
    title: t('timeline.title'),
    intro: t('timeline.intro', { count: events.length }),
    blocks: shown.items,
    footer: asOfLine(story, events, locale),
    ephemeral: false,
    pager: shown.pageCount > 1 ? { page: shown.page, pageCount: shown.pageCount } : undefined,
  };
}
