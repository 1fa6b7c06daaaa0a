import { ContextMenuCommandBuilder } from '@discordjs/builders';
import { ApplicationCommandType } from 'discord-api-types/v10';
import type { CommandModule } from '../src/bot/commandTypes.js';
import { UserError } from '../src/bot/commandOptions.js';
import { checkQuote } from '../src/answers/checkQuote.js';

/** Apps → "Check quote" on any message: is the quotation in it really in the sources? */
export const checkQuoteMenu: CommandModule = {
  name: 'Check quote',
  definition() {
    return new ContextMenuCommandBuilder()
      .setName('Check quote')
      .setType(ApplicationCommandType.Message)
      .toJSON();
  },
  execute(invocation, story) {
    const content = invocation.targetMessage?.content ?? '';
    if (!content.trim())
      throw new UserError('That message has no text to check (only attachments or embeds).');
    return checkQuote(story, content);
  },
};
