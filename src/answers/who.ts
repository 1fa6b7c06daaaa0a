import type { Story } from '../story/story.js';
import type { Reply } from '../reply/model.js';
import { paginate } from './paging.js';
import { findParty } from './parties.js';
import { factBlock } from './reviewStatus.js';
import { translator } from '../i18n/i18n.js';

const PARTIES_PER_PAGE = 5;

/** `/story who [name]`: the parties and their roles, each cited; one party when a name is given. */
export function who(story: Story, name: string | undefined, page = 1, locale?: string): Reply {
  const t = translator(locale);
  const parties = story.corpus.knowledge.parties;
  if (name !== undefined && name.trim() !== '') {
    const party = findParty(parties, name);
    if (!party) {
      return {
        status: 'empty',
        title: t('who.title'),
        intro: t('who.unknown', {
          name: name.trim(),
          parties: parties.map((p) => p.name).join(', '),
        }),
        blocks: [],
        ephemeral: true,
      };
    }
    const spoken = story.passages.filter((p) => p.speakerId === party.id).length;
    return {
      status: 'ok',
      title: party.name,
      intro:
        party.aliases.length > 0
          ? t('who.aliases', { aliases: party.aliases.join(', ') })
          : undefined,
      blocks: [factBlock(story, t('who.role'), { text: party.role, citations: party.citations })],
      footer:
        spoken > 0
          ? t('who.spoken', { count: spoken, name: party.name })
          : t('who.silent', { name: party.name }),
      ephemeral: false,
    };
  }
  const shown = paginate(parties, page, PARTIES_PER_PAGE);
  return {
    status: 'ok',
    title: t('who.all.title'),
    intro: t('who.all.intro', { count: parties.length }),
    blocks: shown.items.map((party) =>
      factBlock(story, party.name, { text: party.role, citations: party.citations }),
    ),
    ephemeral: false,
    pager: shown.pageCount > 1 ? { page: shown.page, pageCount: shown.pageCount } : undefined,
  };
}
