import type { CommandModule } from '../src/bot/commandTypes.js';
import { checkQuoteMenu } from './checkQuoteMenu.js';
import { quoteCommand } from './quoteCommand.js';
import { storyCommand } from './storyCommand.js';

/** Every command the bot offers; deploy-commands registers exactly these. */
export const commands: readonly CommandModule[] = [storyCommand, quoteCommand, checkQuoteMenu];
