import type { Story } from '../story/story.js';
import type { Reply } from '../reply/model.js';
import { paginate } from './paging.js';
import { findParty } from './parties.js';
import { factBlock } from './reviewStatus.js';

const PARTIES_PER_PAGE = 5;

/** `/story who [name]`: the parties and their roles, each cited; one party when a name is given. */
export function who(story: Story, name: string | undefined, page = 1): Reply {
  const parties = story.corpus.knowledge.parties;
  if (name !== undefined && name.trim() !== '') {
    const party = findParty(parties, name);
    if (!party) {
      return {
        status: 'empty',
        title: 'Who',
        intro: `No party in the story is called “${name.trim()}”. The parties are: ${parties.map((p) => p.name).join(', ')}.`,
        blocks: [],
        ephemeral: true,
      };
    }
    const spoken = story.passages.filter((p) => p.speakerId === party.id).length;
    return {
      status: 'ok',
      title: party.name,
      intro: party.aliases.length > 0 ? `Also: ${party.aliases.join(', ')}` : undefined,
      blocks: [factBlock(story, 'Role', { text: party.role, citations: party.citations })],
      footer:
        spoken > 0
          ? `${spoken} passage${spoken === 1 ? '' : 's'} in the sources are ${party.name}'s words or claims: /quote speaker:${party.name}`
          : `No passage in the sources is attributed to ${party.name}.`,
      ephemeral: false,
    };
  }
  const shown = paginate(parties, page, PARTIES_PER_PAGE);
  return {
    status: 'ok',
    title: 'Who is who',
    intro: `${parties.length} parties. Ask about one: /story who name:<name>`,
    blocks: shown.items.map((party) =>
      factBlock(story, party.name, { text: party.role, citations: party.citations }),
    ),
    ephemeral: false,
    pager: shown.pageCount > 1 ? { page: shown.page, pageCount: shown.pageCount } : undefined,
  };
}
