import type { Story } from '../app/story.js';
import type { Reply } from '../reply/model.js';
import { searchReply } from './searchReply.js';

/** `/story ask` and @mentions: the passages that best answer a question, in the sources' words. */
export function ask(
  story: Story,
  question: string,
  page = 1,
  command = `/story ask question:${question}`,
): Reply {
  return searchReply(story, {
    title: 'From the sources',
    query: question,
    page,
    command,
    ephemeral: false,
    filters: {},
    filterLabel: '',
  });
}
