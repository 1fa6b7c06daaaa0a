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

const AskOptions = z.object({
  question: z.string().trim().min(1, 'ask a question').max(OPTION_LIMITS.question),
});
const WhoOptions = z.object({ name: z.string().max(OPTION_LIMITS.name).optional() });
const CheckOptions = z.object({
  quote: z.string().trim().min(1, 'paste the quotation to check').max(OPTION_LIMITS.checkedQuote),
  private: z.boolean().optional(),
});

/** `/story …`: the story's state, timeline, parties, sources, and questions in plain English. */
export const storyCommand: CommandModule = {
  name: 'story',
  definition(_story: Story) {
    return new SlashCommandBuilder()
      .setName('story')
      .setDescription("Microsoft's review of Unit 8200's use of Azure: quoted, with sources")
      .addSubcommand((sub) =>
        sub
          .setName('review-status')
          .setDescription("Where Microsoft's review stands, each line cited"),
      )
      .addSubcommand((sub) =>
        sub.setName('timeline').setDescription('Dated events, oldest first, with sources'),
      )
      .addSubcommand((sub) =>
        sub
          .setName('who')
          .setDescription('The parties and their roles')
          .addStringOption((option) =>
            option
              .setName('name')
              .setDescription('One party')
              .setMaxLength(OPTION_LIMITS.name)
              .setAutocomplete(true),
          ),
      )
      .addSubcommand((sub) =>
        sub
          .setName('ask')
          .setDescription('Ask a question: answered with quoted passages, best first')
          .addStringOption((option) =>
            option
              .setName('question')
              .setDescription('In plain English')
              .setRequired(true)
              .setMaxLength(OPTION_LIMITS.question),
          ),
      )
      .addSubcommand((sub) =>
        sub.setName('sources').setDescription('The documents the answers come from'),
      )
      .addSubcommand((sub) =>
        sub
          .setName('check')
          .setDescription(
            'Is a quotation really in the sources? Verbatim, close (with the differences) or not found',
          )
          .addStringOption((option) =>
            option
              .setName('quote')
              .setDescription('The quotation, or a whole message containing it')
              .setRequired(true)
              .setMaxLength(OPTION_LIMITS.checkedQuote),
          )
          .addBooleanOption((option) =>
            option.setName('private').setDescription('Show the answer only to you'),
          ),
      )
      .toJSON();
  },
  execute(invocation, story) {
    const page = invocation.page ?? 1;
    switch (invocation.subcommand) {
      case 'review-status':
        return reviewStatus(story);
      case 'timeline':
        return timeline(story, page);
      case 'who':
        return who(story, parseOptions(WhoOptions, invocation.options).name, page);
      case 'ask':
        return ask(story, parseOptions(AskOptions, invocation.options).question, page);
      case 'sources':
        return sources(story, page);
      case 'check': {
        const options = parseOptions(CheckOptions, invocation.options);
        return checkQuote(story, options.quote, options.private === true);
      }
      default:
        throw new UserError(
          'Choose what to see: /story review-status, timeline, who, ask, sources or check.',
        );
    }
  },
  autocomplete(focused, _invocation, story): Choice[] {
    if (focused.name !== 'name') return [];
    return partiesMatching(story.corpus.knowledge.parties, focused.value)
      .slice(0, 25)
      .map((party) => ({ name: choiceText(party.name), value: choiceText(party.name, 100) }));
  },
};
