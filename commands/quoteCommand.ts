import { SlashCommandBuilder } from '@discordjs/builders';
import { z } from 'zod';
import type { Choice, CommandModule } from '../src/bot/commandTypes.js';
import { OPTION_LIMITS, parseOptions } from '../src/bot/commandOptions.js';
import { quote } from '../src/answers/quote.js';
import { passageChoices, sourceChoices, speakerChoices } from './choices.js';
import { localized } from './localized.js';

const Options = z.object({
  text: z.string().trim().min(1, 'error.option.text').max(OPTION_LIMITS.queryText),
  source: z.string().optional(),
  speaker: z.string().optional(),
  private: z.boolean().optional(),
});

/** `/quote text: [source] [speaker] [private]`: search the sources' own words. */
export const quoteCommand: CommandModule = {
  name: 'quote',
  // No fixed choices: source and speaker are suggested from the corpus as users type, so the
  // definition never changes with the corpus and needs no re-registration.
  definition() {
    return localized(new SlashCommandBuilder(), 'cmd.quote')
      .addStringOption((option) =>
        localized(option, 'cmd.quote.text')
          .setRequired(true)
          .setMaxLength(OPTION_LIMITS.queryText)
          .setAutocomplete(true),
      )
      .addStringOption((option) =>
        localized(option, 'cmd.quote.source')
          .setMaxLength(OPTION_LIMITS.name)
          .setAutocomplete(true),
      )
      .addStringOption((option) =>
        localized(option, 'cmd.quote.speaker')
          .setMaxLength(OPTION_LIMITS.name)
          .setAutocomplete(true),
      )
      .addBooleanOption((option) => localized(option, 'cmd.private'))
      .toJSON();
  },
  execute(invocation, story) {
    const options = parseOptions(Options, invocation.options, invocation.locale);
    return quote(story, { ...options, page: invocation.page, locale: invocation.locale });
  },
  autocomplete(focused, invocation, story): Choice[] {
    if (focused.name === 'source') return sourceChoices(story, focused.value);
    if (focused.name === 'speaker') return speakerChoices(story, focused.value);
    return passageChoices(story, focused.value, {
      source: stringOption(invocation.options.source),
      speaker: stringOption(invocation.options.speaker),
    });
  },
};

function stringOption(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
