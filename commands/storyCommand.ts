import { SlashCommandBuilder } from '@discordjs/builders';
import { z } from 'zod';
import type { Choice, CommandModule } from '../src/bot/commandTypes.js';
import { OPTION_LIMITS, parseOptions, UserError } from '../src/bot/commandOptions.js';
import type { Story } from '../src/story/story.js';
import { partiesMatching } from '../src/answers/parties.js';
import { ask } from '../src/answers/ask.js';
import { checkQuote } from '../src/answers/checkQuote.js';
import { reviewStatus } from '../src/answers/reviewStatus.js';
import { sources } from '../src/answers/sources.js';
import { timeline } from '../src/answers/timeline.js';
import { who } from '../src/answers/who.js';
import { choiceText } from './choices.js';
import { localized } from './localized.js';
import { translator } from '../src/i18n/i18n.js';

const AskOptions = z.object({
  question: z.string().trim().min(1, 'error.option.question').max(OPTION_LIMITS.question),
});
const WhoOptions = z.object({ name: z.string().max(OPTION_LIMITS.name).optional() });
const CheckOptions = z.object({
  quote: z.string().trim().min(1, 'error.option.quote').max(OPTION_LIMITS.checkedQuote),
  private: z.boolean().optional(),
});

/** `/story …`: the story's state, timeline, parties, sources, and questions in plain English. */
export const storyCommand: CommandModule = {
  name: 'story',
  definition(_story: Story) {
    return localized(new SlashCommandBuilder(), 'cmd.story')
      .addSubcommand((sub) => localized(sub, 'cmd.story.reviewStatus'))
      .addSubcommand((sub) => localized(sub, 'cmd.story.timeline'))
      .addSubcommand((sub) =>
        localized(sub, 'cmd.story.who').addStringOption((option) =>
          localized(option, 'cmd.story.who.party')
            .setMaxLength(OPTION_LIMITS.name)
            .setAutocomplete(true),
        ),
      )
      .addSubcommand((sub) =>
        localized(sub, 'cmd.story.ask').addStringOption((option) =>
          localized(option, 'cmd.story.ask.question')
            .setRequired(true)
            .setMaxLength(OPTION_LIMITS.question),
        ),
      )
      .addSubcommand((sub) => localized(sub, 'cmd.story.sources'))
      .addSubcommand((sub) =>
        localized(sub, 'cmd.story.check')
          .addStringOption((option) =>
            localized(option, 'cmd.story.check.quote')
              .setRequired(true)
              .setMaxLength(OPTION_LIMITS.checkedQuote),
          )
          .addBooleanOption((option) => localized(option, 'cmd.private')),
      )
      .toJSON();
  },
  execute(invocation, story) {
    const { locale } = invocation;
    const page = invocation.page ?? 1;
    switch (invocation.subcommand) {
      case 'review-status':
        return reviewStatus(story, locale);
      case 'timeline':
        return timeline(story, page, locale);
      case 'who':
        return who(story, parseOptions(WhoOptions, invocation.options, locale).name, page, locale);
      case 'ask':
        return ask(
          story,
          parseOptions(AskOptions, invocation.options, locale).question,
          page,
          locale,
        );
      case 'sources':
        return sources(story, page, locale);
      case 'check': {
        const options = parseOptions(CheckOptions, invocation.options, locale);
        return checkQuote(story, options.quote, options.private === true, locale);
      }
      default:
        throw new UserError(translator(locale)('error.story.choose'));
    }
  },
  autocomplete(focused, _invocation, story): Choice[] {
    if (focused.name !== 'name') return [];
    return partiesMatching(story.corpus.knowledge.parties, focused.value)
      .slice(0, 25)
      .map((party) => ({ name: choiceText(party.name), value: choiceText(party.name, 100) }));
  },
};
