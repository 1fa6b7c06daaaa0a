import { SlashCommandBuilder } from '@discordjs/builders';
import { z } from 'zod';
import type { Choice, CommandModule } from '../src/bot/commandTypes.js';
import { OPTION_LIMITS, parseOptions } from '../src/bot/commandOptions.js';
import type { Story } from '../src/story/story.js';
import { quote } from '../src/answers/quote.js';
import { passageChoices, sourceChoices, speakerChoices } from './choices.js';

const Options = z.object({
  text: z.string().trim().min(1, 'type some words to search for').max(OPTION_LIMITS.queryText),
  source: z.string().optional(),
  speaker: z.string().optional(),
  private: z.boolean().optional(),
});

/** `/quote text: [source] [speaker] [private]`: search the sources' own words. */
export const quoteCommand: CommandModule = {
  name: 'quote',
  definition(story: Story) {
    const sources = sourceChoices(story);
    const speakers = speakerChoices(story);
    return new SlashCommandBuilder()
      .setName('quote')
      .setDescription('Find passages in the sources: words, "exact phrases", names')
      .addStringOption((option) =>
        option
          .setName('text')
          .setDescription('Words or "an exact phrase"; pick a suggestion to show that passage')
          .setRequired(true)
          .setMaxLength(OPTION_LIMITS.queryText)
          .setAutocomplete(true),
      )
      .addStringOption((option) => {
        option.setName('source').setDescription('Only this source');
        return sources.fits ? option.addChoices(...sources.choices) : option.setAutocomplete(true);
      })
      .addStringOption((option) => {
        option.setName('speaker').setDescription('Only words of or claims by this party');
        return speakers.fits
          ? option.addChoices(...speakers.choices)
          : option.setAutocomplete(true);
      })
      .addBooleanOption((option) =>
        option.setName('private').setDescription('Show the answer only to you'),
      )
      .toJSON();
  },
  execute(invocation, story) {
    const options = parseOptions(Options, invocation.options);
    return quote(story, { ...options, page: invocation.page });
  },
  autocomplete(focused, invocation, story): Choice[] {
    if (focused.name === 'source') return sourceChoices(story, focused.value).choices;
    if (focused.name === 'speaker') return speakerChoices(story, focused.value).choices;
    return passageChoices(story, focused.value, {
      source: stringOption(invocation.options.source),
      speaker: stringOption(invocation.options.speaker),
    });
  },
};

function stringOption(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
