import { ContextMenuCommandBuilder } from '@discordjs/builders';
import { ApplicationCommandType } from 'discord-api-types/v10';
import type { CommandModule } from '../src/bot/commandTypes.js';
import { UserError } from '../src/bot/commandOptions.js';
import { checkQuote } from '../src/answers/checkQuote.js';
import { discordLocalizations, translator } from '../src/i18n/i18n.js';

/** Apps → "Check quote" on any message: is the quotation in it really in the sources? */
export const checkQuoteMenu: CommandModule = {
  name: 'Check quote',
  definition() {
    return new ContextMenuCommandBuilder()
      .setName(translator('en')('cmd.checkQuote.name'))
      .setNameLocalizations(discordLocalizations('cmd.checkQuote.name'))
      .setType(ApplicationCommandType.Message)
      .toJSON();
  },
  execute(invocation, story) {
    const content = invocation.targetMessage?.content ?? '';
    if (!content.trim())
      throw new UserError(translator(invocation.locale)('error.checkMenu.noText'));
    return checkQuote(story, content, false, invocation.locale);
  },
};
